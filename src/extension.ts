import * as vscode from 'vscode';
import type { AccountSession } from './accounts/accountSession';
import { AccountSessions } from './accounts/accountSessions';
import { AccountStore } from './accounts/accountStore';
import { accountRef, CreditHistory, type AccountRef } from './accounts/creditHistory';
import { recordCredits } from './accounts/creditRecorder';
import { RecentMessages } from './accounts/recentMessages';
import { LazyWorkbench } from './firstUse/lazyWorkbench';
import { PartnerLog } from './log/partnerLog';
import { heldKeysOf } from './providers/apiKeys/heldKeys';
import { isKeyDiagnostic, KeyDiagnostics } from './providers/apiKeys/keyDiagnostics';
import { AccountContextKeys } from './providers/contextKeys';
import { LINK_SELECTOR, MessageLinks } from './providers/messageLinks/messageLinkProviders';
import { PhoneNumberActions } from './providers/phoneNumber/phoneNumberActions';
import { SmsDiagnostics } from './providers/smsLength/smsDiagnostics';
import { SmsLengthStatusBar } from './providers/smsLength/smsLengthStatusBar';
import { SmsQuickFixes } from './providers/smsLength/smsQuickFixes';
import { SmsCopyAsCode } from './providers/smsLength/smsCopyAsCode';
import { createStatusBarCredits, type StatusBarCredits } from './providers/statusBar/statusBarSetup';
import type { TreeNode } from './providers/tree/treeNode';
import { SettingsWatcher } from './settings/settingsWatcher';
import { showWarning } from './ui/notifications';
import { VIEW_ID } from './ui/viewId';
import { WORKSPACE_DOCUMENTS } from './providers/workspaceDocuments';

export { VIEW_ID };

/** What activation built: main.ts hands it to the tests in the test build only (testApi.ts). */
export interface StartupParts {
  readonly sessions: AccountSessions;
  readonly store: AccountStore;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly statusBar: StatusBarCredits;
  readonly recentMessages: RecentMessages;
  readonly creditHistory: CreditHistory;
  readonly readingsOf: (session: AccountSession) => AccountRef | undefined;
  readonly messageLinks: MessageLinks;
  readonly smsLength: SmsLengthStatusBar;
  readonly workbench: LazyWorkbench;
  readonly ready: Promise<void>;
}

/** Readings belong to the account the provider names, not to the service or the key. */
function readingsOf(session: AccountSession): AccountRef | undefined {
  const account = session.account;
  return account && accountRef(session.service, account.user.username);
}

/**
 * Wires what startup needs (accounts, keys, sessions, log, status bar, credit history,
 * the editor watchers) and registers the entry points of what loads on first use.
 * Nothing here waits for the network: accounts and keys are read in the background.
 */
export function activate(context: vscode.ExtensionContext): StartupParts {
  const channel = vscode.window.createOutputChannel('Partner Explorer', { log: true });
  const store = new AccountStore(context.secrets, context.globalState);
  const log = new PartnerLog(channel, () => store.knownKeys());
  const settings = new SettingsWatcher((text) => void showWarning(text));
  const progress = <T>(task: () => Promise<T>) => vscode.window.withProgress({ location: { viewId: VIEW_ID } }, task);
  const sessions = new AccountSessions(store, settings.current, log, progress);
  const workbench = new LazyWorkbench();
  const treeView = vscode.window.createTreeView(VIEW_ID, {
    treeDataProvider: workbench.treeData,
    showCollapseAll: true,
  });
  const creditHistory = new CreditHistory(context.globalState);
  const statusBar = createStatusBarCredits({ sessions, settings, creditHistory, readingsOf, channel });
  const recentMessages = new RecentMessages(context.globalState);
  const contextKeys = new AccountContextKeys(sessions);
  const heldKeys = heldKeysOf(sessions);
  // A quick fix asked for before the workbench has loaded comes too late for the light bulb.
  const keyDiagnostics = new KeyDiagnostics(heldKeys, () => setTimeout(() => workbench.get(), 0));
  workbench.start({
    context,
    channel,
    store,
    log,
    sessions,
    creditHistory,
    recentMessages,
    settings: () => settings.current,
    readingsOf,
    treeView,
    onDidChangeAccounts: contextKeys.onDidChangeAccounts,
    keyDiagnostics,
  });
  const messageLinks = new MessageLinks(
    () => settings.current,
    (text) => void showWarning(text),
  );
  const smsLength = new SmsLengthStatusBar();
  settings.onDidChange(({ current, personalData }) => {
    if (personalData && workbench.isLoaded) {
      // One switch: the tree and every open message panel show what it says now.
      workbench.get().tree.rerender();
      workbench.get().panels.personalDataChanged();
    }
    void sessions.configure(current);
    statusBar.update(current);
  });

  context.subscriptions.push(
    channel,
    store,
    sessions,
    workbench,
    treeView,
    statusBar,
    contextKeys,
    settings,
    recordCredits(sessions, creditHistory),
    creditHistory.onDidChange(() => statusBar.refreshView()),
    ...workbench.register(context.extension.packageJSON as Parameters<LazyWorkbench['register']>[0], log),
    vscode.languages.registerDocumentLinkProvider(LINK_SELECTOR, messageLinks),
    vscode.languages.registerHoverProvider(LINK_SELECTOR, messageLinks),
    vscode.window.registerTerminalLinkProvider(messageLinks),
    smsLength,
    new SmsDiagnostics(),
    vscode.languages.registerCodeActionsProvider(LINK_SELECTOR, new PhoneNumberActions(), {
      providedCodeActionKinds: PhoneNumberActions.kinds,
    }),
    heldKeys,
    keyDiagnostics,
    // The fixes load with the workbench, once a key is marked.
    vscode.languages.registerCodeActionsProvider(
      WORKSPACE_DOCUMENTS,
      {
        provideCodeActions: (doc, range, context) =>
          context.diagnostics.some(isKeyDiagnostic)
            ? workbench.get().keyFixes.provideCodeActions(doc, range, context)
            : undefined,
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.languages.registerCodeActionsProvider({ language: 'sms' }, new SmsQuickFixes(), {
      providedCodeActionKinds: SmsQuickFixes.kinds,
    }),
    vscode.languages.registerCodeActionsProvider({ language: 'sms' }, new SmsCopyAsCode(), {
      providedCodeActionKinds: SmsCopyAsCode.kinds,
    }),
  );

  const ready = sessions.sync().then(
    () => settings.warn(),
    (err) => log.error(`startup: ${String(err)}`),
  );
  return {
    sessions,
    store,
    treeView,
    statusBar,
    recentMessages,
    creditHistory,
    readingsOf,
    messageLinks,
    smsLength,
    workbench,
    ready,
  };
}
