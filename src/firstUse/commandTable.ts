import * as vscode from 'vscode';
import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';
import type { RecentMessages } from '../accounts/recentMessages';
import type { PartnerLog } from '../log/partnerLog';
import type { CreditHistoryPanel } from '../panels/creditHistory/creditHistoryPanel';
import type { MessageStatusPanels } from '../panels/messageStatus/messageStatusPanels';
import type { UsagePanels } from '../panels/usage/usagePanel';
import { showWarning } from '../ui/notifications';
import type { AccountsTreeProvider } from '../providers/tree/accountsTreeProvider';
import type { NodeAction } from '../providers/tree/nodeCommands';
import { PagedNode } from '../providers/tree/pagedNode';
import type { TreeNode } from '../providers/tree/treeNode';
import type { PartnerSettings } from '../settings/partnerSettings';
import { copyAsJson, openInDashboard } from '../commands/accountCommands';
import { createSubaccount } from '../commands/createSubaccount';
import { removeSubaccount, typeEmailInBox } from '../commands/removeSubaccount';
import { showUsage } from '../commands/showUsage';
import { resolveAccount } from '../commands/accountPick';
import { addAccount, removeAccount, replaceApiKey, type KeyCommandDeps } from '../commands/apiKeyCommands';
import { pinAccount, renameAccount, saveKeyAsAccount, saveSubaccountAsAccount } from '../commands/accountEdits';
import { browseAsSubaccount } from '../commands/browseAsSubaccount';
import { transferCredit, type TransferDeps } from '../commands/creditTransfer';
import { checkPhoneNumber } from '../commands/checkPhoneNumber';
import { explainSmsLength } from '../commands/explainSmsLength';
import { addToStopList, findInStopList, removeFromStopList, type StopListDeps } from '../commands/stopListCommands';
import { findSubaccount } from '../commands/findSubaccount';
import { cancelScheduledSend, type CancelDeps } from '../commands/cancelScheduledSend';
import { openMessageLink } from '../commands/messageLinkCommand';
import { showRecipientStatus } from '../commands/recipientStatusCommand';
import { showStatusByTag } from '../commands/statusByTagCommand';
import { showMessageStatus } from '../commands/messageStatusCommand';
import type { SendFlowDeps } from '../commands/sendTestFlow';
import { sendTestMail } from '../commands/sendTestMail';
import { sendTestSms } from '../commands/sendTestSms';
import type { CommandHandler } from '../ui/registerCommand';
import { copyCreditsAsCode, copyRequestAsCode } from '../commands/copyAsCode';
import type { CopyInputs } from '../commands/copyRequestKinds';
import { copySubaccountField, showSubaccountCredits } from '../commands/subaccountCommands';
import { revealSubaccount } from '../providers/tree/revealSubaccount';
import type { KeyDiagnostics } from '../providers/apiKeys/keyDiagnostics';
import { scanWorkspace } from '../providers/apiKeys/workspaceScan';
import { addToGitignore } from '../providers/apiKeys/ignoredFiles';

/** What the commands act on: the parts `activate` built. */
export interface CommandContext {
  readonly sessions: AccountSessions;
  readonly tree: AccountsTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly panels: MessageStatusPanels;
  readonly creditHistoryPanel: CreditHistoryPanel;
  readonly usagePanels: UsagePanels;
  readonly recent: RecentMessages;
  readonly keys: KeyCommandDeps;
  readonly log: PartnerLog;
  readonly settings: () => PartnerSettings;
  readonly channel: vscode.OutputChannel;
  /** The extension's globalState: what a command remembers per account (never personal data). */
  readonly state: vscode.Memento;
  /** API keys written in files (the workspace scan shows what it finds there). */
  readonly keyDiagnostics: KeyDiagnostics;
}

/**
 * The one way to load the next page of an account's sub-accounts: the contributed
 * `partnerExplorer.loadMoreSubaccounts` (an account or the palette's pick) and the
 * tree's own `Load more…` item (an argument-free node command) both come here.
 */
function loadMoreSubaccounts(session: AccountSession): Promise<void> {
  return session.subaccounts.loadMore();
}

/** Every contributed command: its id and what it does. */
export function commandTable(c: CommandContext): Readonly<Record<string, CommandHandler>> {
  const transfer: TransferDeps = {
    sessions: c.sessions,
    tree: c.tree,
    log: c.log,
    confirm: async (message, detail, action) =>
      (await showWarning(message, { modal: true, detail }, action)) === action,
  };
  const send: SendFlowDeps = {
    sessions: c.sessions,
    panels: c.panels,
    state: c.state,
    log: c.log,
    reload: (session) => c.tree.reload(session),
    confirm: transfer.confirm,
  };
  const cancel: CancelDeps = { sessions: c.sessions, panels: c.panels, log: c.log, confirm: transfer.confirm };
  const stop: StopListDeps = { sessions: c.sessions, log: c.log, confirm: transfer.confirm };
  const code = { sessions: c.sessions, settings: c.settings };
  const dashboard = {
    sessions: c.sessions,
    settings: c.settings,
    openExternal: (uri: vscode.Uri) => vscode.env.openExternal(uri),
  };
  return {
    'partnerExplorer.setApiKey': (service, key, label) => addAccount(c.keys, service, key, label),
    'partnerExplorer.addAccount': (service, key, label) => addAccount(c.keys, service, key, label),
    'partnerExplorer.replaceApiKey': (target, key) => replaceApiKey(c.keys, target, key),
    'partnerExplorer.renameAccount': (target, name) => renameAccount(c.keys, target, name),
    'partnerExplorer.pinAccount': (target) => pinAccount(c.keys, target),
    'partnerExplorer.clearApiKey': (target, forgetHistory) => removeAccount(c.keys, target, forgetHistory),
    'partnerExplorer.removeAccount': (target, forgetHistory) => removeAccount(c.keys, target, forgetHistory),
    'partnerExplorer.refresh': () => c.tree.refresh(),
    'partnerExplorer.scanWorkspaceForApiKeys': (token) => scanWorkspace(c.keyDiagnostics, token),
    // The `.env` quick fix's (not contributed).
    'partnerExplorer.addToGitignore': (uri) => addToGitignore(uri),
    'partnerExplorer.showMessageStatus': (target, messageId) =>
      showMessageStatus({ sessions: c.sessions, panels: c.panels, recent: c.recent }, target, messageId),
    'partnerExplorer.openMessageLink': (messageId, service) =>
      openMessageLink({ sessions: c.sessions, panels: c.panels, recent: c.recent }, messageId, service),
    'partnerExplorer.cancelScheduledSend': (target, messageId) => cancelScheduledSend(cancel, target, messageId),
    'partnerExplorer.showRecipientStatus': (target, messageId, phoneNumber, hidePersonal) =>
      showRecipientStatus({ sessions: c.sessions }, target, messageId, phoneNumber, hidePersonal),
    'partnerExplorer.showStatusByTag': (target, tag) =>
      showStatusByTag({ sessions: c.sessions, panels: c.panels }, target, tag),
    'partnerExplorer.loadMoreSubaccounts': async (target) => {
      const session = await resolveAccount(c.sessions, target, {
        title: vscode.l10n.t('Load More Sub-accounts'),
        usable: true,
      });
      return session && loadMoreSubaccounts(session);
    },
    // From a menu VS Code passes the error item itself: retry what its parent loads.
    'partnerExplorer.retry': async (target) => {
      const parent = (target as { parent?: unknown } | undefined)?.parent;
      const session = await resolveAccount(c.sessions, target, { title: vscode.l10n.t('Retry'), usable: true });
      if (!session) {
        return c.tree.refresh();
      }
      return parent instanceof PagedNode ? parent.retry() : c.tree.reload(session);
    },
    'partnerExplorer.copySubaccountToken': (node) => copySubaccountField(node, 'token'),
    'partnerExplorer.copySubaccountApiKey': (node) => copySubaccountField(node, 'apiKey'),
    'partnerExplorer.showSubaccountCredits': (node) => showSubaccountCredits(node, c.settings(), c.log, c.sessions),
    'partnerExplorer.findSubaccount': (target, query) =>
      findSubaccount(
        { sessions: c.sessions, reveal: (session, placed) => revealSubaccount(c.tree, c.treeView, session, placed) },
        target,
        query,
      ),
    'partnerExplorer.addSubaccountCredit': (node, amount) => transferCredit(transfer, 'add', node, amount),
    'partnerExplorer.removeSubaccountCredit': (node, amount) => transferCredit(transfer, 'remove', node, amount),
    'partnerExplorer.browseAsSubaccount': (node, messageId) =>
      browseAsSubaccount({ sessions: c.sessions, settings: c.settings, log: c.log, panels: c.panels }, node, messageId),
    'partnerExplorer.saveSubaccountAsAccount': (node, name) => saveSubaccountAsAccount(c.keys, node, name),
    'partnerExplorer.openInDashboard': (node) => openInDashboard(dashboard, node),
    'partnerExplorer.copyAsJson': (node) => copyAsJson(dashboard, node),
    'partnerExplorer.showCreditHistory': () => c.creditHistoryPanel.show(),
    'partnerExplorer.showLog': () => c.channel.show(),
    'partnerExplorer.explainSmsLength': () => explainSmsLength(),
    'partnerExplorer.addToStopList': (target, number) => addToStopList(stop, target, number),
    'partnerExplorer.removeFromStopList': (target) => removeFromStopList(stop, target),
    'partnerExplorer.findInStopList': (target) =>
      findInStopList(c.sessions, target, async (session, id) => {
        const list = c.tree.account(session.id)?.stopList;
        const entry = list?.entries.find((e) => e.entry.id === id);
        if (entry) {
          await c.treeView.reveal(entry, { select: true, focus: true });
        }
      }),
    'partnerExplorer.checkPhoneNumber': (target, number) => checkPhoneNumber(c.sessions, target, number),
    'partnerExplorer.showUsage': (target, range) => showUsage(c.sessions, c.usagePanels, target, range),
    'partnerExplorer.createSubaccount': (target, request) =>
      createSubaccount(
        {
          sessions: c.sessions,
          log: c.log,
          confirm: transfer.confirm,
          saveAsAccount: (service, key, name) => saveKeyAsAccount(c.keys, service, key, name),
        },
        target,
        request,
      ),
    'partnerExplorer.removeSubaccount': (target) =>
      removeSubaccount(
        {
          sessions: c.sessions,
          log: c.log,
          confirm: transfer.confirm,
          typeEmail: typeEmailInBox,
        },
        target,
      ),
    // Their arguments are checked at run time by the commands themselves (actionArgs.ts).
    'partnerExplorer.sendTestSms': (target, args) => sendTestSms(send, target, args),
    'partnerExplorer.sendTestMail': (target, args) => sendTestMail(send, target, args),
    'partnerExplorer.copyRequestAsCode': (target, kind, language, inputs) =>
      copyRequestAsCode(code, target, kind, language, inputs as CopyInputs | undefined),
    'partnerExplorer.copyCreditsAsCode': (node, language) => copyCreditsAsCode(code, node, language),
  };
}

/** What the tree's own items do (argument-free commands, one set per account). */
export function nodeActions(c: CommandContext): Readonly<Record<NodeAction, (session: AccountSession) => unknown>> {
  return {
    loadMore: loadMoreSubaccounts,
    retry: (session) => c.tree.reload(session),
    retrySubaccounts: (session) => session.subaccounts.retry(),
    setApiKey: (session) => (session.hasKey ? replaceApiKey(c.keys, session.id) : addAccount(c.keys, session.service)),
    loadMoreStopList: (session) => session.stopList.loadMore(),
    retryStopList: (session) => session.stopList.retry(),
    openUrlSetting: (session) =>
      vscode.commands.executeCommand('workbench.action.openSettings', `partnerExplorer.${session.service}.apiUrl`),
  };
}
