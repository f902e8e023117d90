import * as vscode from 'vscode';
import { checkMessageId } from '../api';
import { prompted, required } from '../ui/prompt';
import { askMessageIdInInputBox, givenOrAskMessageId } from './messageIdPrompt';
import type { AccountSessions } from '../accounts/accountSessions';
import type { RecentMessages } from '../accounts/recentMessages';
import type { MessageStatusPanel } from '../panels/messageStatus/messageStatusPanel';
import type { MessageStatusPanels } from '../panels/messageStatus/messageStatusPanels';
import { resolveAccount } from './accountPick';
import { showInfo } from '../ui/notifications';

export interface MessageStatusDeps {
  readonly sessions: AccountSessions;
  readonly panels: MessageStatusPanels;
  readonly recent: RecentMessages;
}

/**
 * `Show Message Status…`: which account (the tree item, a service or account id, or
 * asked when several fit), which message, then the panel.
 */
export async function showMessageStatus(
  { sessions, panels, recent }: MessageStatusDeps,
  accountArg?: unknown,
  messageIdArg?: unknown,
): Promise<MessageStatusPanel | undefined> {
  if (!sessions.all.some((s) => s.hasKey)) {
    const set = vscode.l10n.t('Set API Key…');
    const choice = await showInfo(vscode.l10n.t('Set an API key first to look up a message.'), set);
    if (choice === set) {
      await vscode.commands.executeCommand('partnerExplorer.setApiKey');
    }
    return undefined;
  }
  const session = await resolveAccount(sessions, accountArg, { title: vscode.l10n.t('Show Message Status') });
  if (!session) {
    return undefined;
  }
  return prompted(
    async () => {
      const several = sessions.forService(session.service).length > 1;
      const account = several ? `${session.label} · ${session.name}` : session.label;
      const id =
        messageIdArg === undefined
          ? await askMessageId(account, recent.list(session.id))
          : await givenOrAskMessageId(messageIdArg, account);
      return panels.show(session, id);
    },
    undefined,
    undefined,
  );
}

/**
 * Asks for a message id: a QuickPick of the recent ids when there are some (typing
 * digits offers that id on top), otherwise, or after `Enter another message id…`,
 * an input box that validates as you type.
 */
async function askMessageId(account: string, recentIds: readonly string[]): Promise<string> {
  const title = vscode.l10n.t('{0}: Message Status', account);
  if (recentIds.length > 0) {
    const picked = required(await pickRecent(title, recentIds));
    if (picked !== OTHER) {
      return picked;
    }
  }
  return askMessageIdInInputBox(title);
}

const OTHER = Symbol('other');

function pickRecent(title: string, recentIds: readonly string[]): Promise<string | typeof OTHER | undefined> {
  type Item = vscode.QuickPickItem & { readonly id: string | typeof OTHER };
  const other: Item = { id: OTHER, label: `$(edit) ${vscode.l10n.t('Enter another message id…')}`, alwaysShow: true };
  const separator = { id: '', label: vscode.l10n.t('Recent'), kind: vscode.QuickPickItemKind.Separator } as Item;
  const recentItems: Item[] = recentIds.map((id) => ({ id, label: id, iconPath: new vscode.ThemeIcon('history') }));
  const quickPick = vscode.window.createQuickPick<Item>();
  quickPick.title = title;
  quickPick.placeholder = vscode.l10n.t('Type a message id or pick a recent one');
  quickPick.ignoreFocusOut = true;
  const itemsFor = (value: string): Item[] => {
    const check = checkMessageId(value);
    const typed: Item[] =
      check.ok && !recentIds.includes(check.id)
        ? [{ id: check.id, label: check.id, description: vscode.l10n.t('Look up this id'), alwaysShow: true }]
        : [];
    return [...typed, separator, ...recentItems, other];
  };
  quickPick.items = itemsFor('');
  return new Promise((resolve) => {
    let result: string | typeof OTHER | undefined;
    quickPick.onDidChangeValue((value) => {
      quickPick.items = itemsFor(value);
    });
    quickPick.onDidAccept(() => {
      const [item] = quickPick.selectedItems;
      if (!item) {
        return;
      }
      result = item.id;
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(result);
    });
    quickPick.show();
  });
}
