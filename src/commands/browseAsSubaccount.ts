import * as vscode from 'vscode';
import { VIEW_ID } from '../ui/viewId';
import { SERVICES, type Account, type AnyClient } from '../api';
import type { AccountSessions } from '../accounts/accountSessions';
import type { PartnerLog } from '../log/partnerLog';
import { errorText } from '../ui/errorText';
import { formatCount, formatMoney } from '../ui/localeFormat';
import type { MessageStatusPanel, StatusSource } from '../panels/messageStatus/messageStatusPanel';
import type { MessageStatusPanels } from '../panels/messageStatus/messageStatusPanels';
import { mainCount } from '../accounts/mainCount';
import type { SubaccountTarget } from '../accounts/commandTargets';
import type { PartnerSettings } from '../settings/partnerSettings';
import { accountJson } from './accountCommands';
import { messageIdProblem } from '../ui/inputProblems';
import { prompted } from '../ui/prompt';
import { askMessageIdInInputBox } from './messageIdPrompt';
import { isSubaccountTarget } from '../accounts/commandTargets';
import { subaccountClient } from './subaccountClient';
import { showError, showInfo, showWarning, withNotificationProgress } from '../ui/notifications';

export interface BrowseDeps {
  readonly sessions: AccountSessions;
  readonly settings: () => PartnerSettings;
  readonly log: PartnerLog;
  readonly panels: MessageStatusPanels;
}

export interface BrowseResult {
  readonly account: Account;
  readonly panel?: MessageStatusPanel;
}

/**
 * `Browse as Sub-account…`: the sub-account's own credits and message lookups with
 * its own key. The key is held by the client in memory while the QuickPick or a
 * panel uses it; it is never written to SecretStorage, settings or state.
 */
export async function browseAsSubaccount(
  deps: BrowseDeps,
  arg?: unknown,
  messageIdArg?: unknown,
): Promise<BrowseResult | undefined> {
  const node = isSubaccountTarget(arg) ? arg : undefined;
  if (!node) {
    void showError(vscode.l10n.t('Choose a sub-account in the Partner Accounts view.'));
    return undefined;
  }
  const source = subaccountSource(deps, node);
  if (!source) {
    return undefined;
  }
  let account: Account;
  try {
    account = await vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => source.getCredits());
  } catch (error) {
    void showError(errorText(error));
    return undefined;
  }
  if (messageIdArg !== undefined) {
    const problem = messageIdProblem(String(messageIdArg));
    if (problem) {
      void showError(problem);
      return { account };
    }
    return { account, panel: deps.panels.showFrom(source, String(messageIdArg).replace(/\s+/g, '')) };
  }
  return browseMenu(deps, node, source, account);
}

type SubaccountSource = StatusSource & { getCredits(): Promise<Account> };

function subaccountSource(
  { settings, log, sessions }: BrowseDeps,
  node: SubaccountTarget,
): SubaccountSource | undefined {
  const sub = node.subaccount;
  const session = sessions.get(node.accountId);
  if (!session) {
    return undefined;
  }
  // The sub-account's key came with the main account: it is used while that account is, and no longer.
  const lifetime = session.accountSignal;
  // Rebuilt when the format or the timeout changes; a key or API URL change ends browsing instead.
  let built: { readonly settings: PartnerSettings; readonly client: AnyClient | undefined } | undefined;
  const client = (): AnyClient | undefined => {
    const current = settings();
    if (built?.settings !== current) {
      built = { settings: current, client: subaccountClient(node, current, log, lifetime) };
    }
    return built.client;
  };
  if (!client()) {
    void showWarning(vscode.l10n.t('{0} cannot be browsed: the provider sent no API key for it.', sub.email));
    return undefined;
  }
  // Known to the key-in-file check while the main account's key lasts, as the client is used.
  sessions.keysInPassing.hold(sub.apiKey ?? '', { service: node.service, name: sub.email }, lifetime);
  const usable = (): AnyClient => {
    const current = lifetime.aborted ? undefined : client();
    if (!current) {
      throw new Error(
        vscode.l10n.t(
          'The {0} key or API URL changed, so browsing as {1} ended. Browse as the sub-account again.',
          SERVICES[node.service].label,
          sub.email,
        ),
      );
    }
    return current;
  };
  return {
    service: node.service,
    accountId: session.id,
    subaccount: sub.email,
    hasKey: true,
    accountSignal: lifetime,
    // The main account's changes: a panel reloads, and sees browsing ended when the account changed.
    onDidChangeClient: session.onDidChangeClient,
    getMessageStatus: async (id, signal) => usable().getMessageStatus(id, { signal }),
    getCredits: async () => usable().getCredits(),
  };
}

function creditsTitle(node: SubaccountTarget, account: Account): string {
  const locale = vscode.env.language;
  const unit = node.service === 'sms' ? vscode.l10n.t('SMS') : vscode.l10n.t('mails');
  return vscode.l10n.t(
    '{0} · {1} {2} · balance {3}',
    node.subaccount.email,
    formatCount(mainCount(account), locale),
    unit,
    formatMoney(account.credits.balance, locale),
  );
}

async function browseMenu(
  deps: BrowseDeps,
  node: SubaccountTarget,
  source: SubaccountSource,
  first: Account,
): Promise<BrowseResult> {
  type Action = 'lookup' | 'refresh' | 'copy' | 'save';
  let account = first;
  const items: (vscode.QuickPickItem & { action: Action })[] = [
    {
      action: 'lookup',
      label: `$(search) ${vscode.l10n.t('Look Up a Message Status…')}`,
      detail: vscode.l10n.t('Read a message sent by this sub-account, with its own key.'),
    },
    { action: 'refresh', label: `$(refresh) ${vscode.l10n.t('Refresh Credits')}` },
    { action: 'copy', label: `$(json) ${vscode.l10n.t('Copy Credits as JSON')}` },
    {
      action: 'save',
      label: `$(add) ${vscode.l10n.t('Save as Account…')}`,
      detail: vscode.l10n.t('Keep this sub-account’s key in VS Code secret storage as an account of its own.'),
    },
  ];
  for (;;) {
    const picked = await vscode.window.showQuickPick(items, {
      title: creditsTitle(node, account),
      placeHolder: vscode.l10n.t("Browsing with the sub-account's own key, which is not stored"),
    });
    if (!picked) {
      return { account };
    }
    if (picked.action === 'refresh') {
      try {
        account = await withNotificationProgress({ title: vscode.l10n.t('Reading credits…') }, () =>
          source.getCredits(),
        );
      } catch (error) {
        void showError(errorText(error));
      }
      continue;
    }
    if (picked.action === 'save') {
      // The same path as the sub-account's own menu item: a name, then the key stored.
      if (await vscode.commands.executeCommand('partnerExplorer.saveSubaccountAsAccount', node)) {
        return { account };
      }
      continue;
    }
    if (picked.action === 'copy') {
      await vscode.env.clipboard.writeText(
        `${JSON.stringify({ ...(accountJson(node.service, account) as object), subaccount: node.subaccount.email }, null, 2)}\n`,
      );
      void showInfo(vscode.l10n.t('Copied as JSON.'));
      return { account };
    }
    // Escape in the id box goes back to the choices.
    const id = await prompted(
      () => askMessageIdInInputBox(vscode.l10n.t('{0}: Message Status', node.subaccount.email)),
      undefined,
      undefined,
    );
    if (id === undefined) {
      continue;
    }
    return { account, panel: deps.panels.showFrom(source, id) };
  }
}
