import * as vscode from 'vscode';
import type { AccountSession } from './accounts/accountSession';
import { AccountSessions } from './accounts/accountSessions';
import { AccountStore } from './accounts/accountStore';
import { accountRef, CreditHistory, type AccountRef } from './accounts/creditHistory';
import { RecentMessages } from './accounts/recentMessages';
import { PartnerLog } from './log/partnerLog';
import type { CreditHistoryPanel } from './panels/creditHistory/creditHistoryPanel';
import type { MessageStatusPanels } from './panels/messageStatus/messageStatusPanels';
import type { UsagePanels } from './panels/usage/usagePanel';
import { readSettings, SECTION, type PartnerSettings } from './settings/partnerSettings';
import { trendLines } from './ui/creditTrendText';
import { showWarning } from './ui/notifications';
import { LINK_SELECTOR, MessageLinks } from './providers/messageLinks/messageLinkProviders';
import { PhoneNumberActions } from './providers/phoneNumber/phoneNumberActions';
import { SmsDiagnostics } from './providers/smsLength/smsDiagnostics';
import { SmsLengthStatusBar } from './providers/smsLength/smsLengthStatusBar';
import { SmsQuickFixes } from './providers/smsLength/smsQuickFixes';
import { mainCount } from './accounts/mainCount';
import { StatusBarCredits } from './providers/statusBar/statusBarCredits';
import type { AccountsTreeProvider } from './providers/tree/accountsTreeProvider';
import type { TreeNode } from './providers/tree/treeNode';
import { VIEW_ID } from './ui/viewId';
import type { TestHooks } from './firstUse/coreParts';
import { LazyWorkbench } from './firstUse/lazyWorkbench';

export { VIEW_ID };
export type { TestHooks };

/**
 * The live parts, for the integration tests and the benchmark: exported in Test mode
 * only (main.ts). Reading `tree`, `panels`, `creditHistoryPanel` or `usagePanels`
 * loads the parts that otherwise wait for first use (workbench/lazyWorkbench.ts).
 */
export interface PartnerExplorerApi {
  readonly sessions: AccountSessions;
  readonly store: AccountStore;
  readonly tree: AccountsTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly statusBar: StatusBarCredits;
  readonly panels: MessageStatusPanels;
  readonly recentMessages: RecentMessages;
  readonly creditHistory: CreditHistory;
  /** Whose credit readings an account's session shows: known once it has been read. */
  readonly readingsOf: (session: AccountSession) => AccountRef | undefined;
  readonly creditHistoryPanel: CreditHistoryPanel;
  /** The Usage panels (sending statistics), one per SMS account. */
  readonly usagePanels: UsagePanels;
  /** Message ids in editors and terminals (links, hover). */
  readonly messageLinks: MessageLinks;
  /** The SMS length of the active editor's text, in the status bar. */
  readonly smsLength: SmsLengthStatusBar;
  /** Whether the tree, panels, commands and tools have been loaded (they wait for first use). */
  readonly workbenchLoaded: boolean;
  readonly logUri: vscode.Uri;
  /** What the extension keeps between sessions (never a key). */
  readonly storage: {
    readonly global: vscode.Memento;
    readonly workspace: vscode.Memento;
    readonly secrets: vscode.SecretStorage;
  };
  /** Resolves once accounts, keys and settings have been read at least once. */
  readonly ready: Promise<void>;
  /** Set in Test mode only (see `TestHooks`); made with the workbench. */
  readonly testing: TestHooks | undefined;
  /**
   * Milliseconds spent evaluating the extension's modules and in `activate()`, and
   * whether the parts that wait for first use were loaded by then (set by main.ts).
   */
  readonly activationTiming: { vscodeApiMs: number; loadMs: number; activateMs: number; workbenchLoaded: boolean };
}

/** Readings belong to the account the provider names, not to the service or the key. */
function readingsOf(session: AccountSession): AccountRef | undefined {
  const account = session.account;
  return account && accountRef(session.service, account.user.username);
}

export function activate(context: vscode.ExtensionContext): PartnerExplorerApi {
  const channel = vscode.window.createOutputChannel('Partner Explorer', { log: true });
  const store = new AccountStore(context.secrets, context.globalState);
  const log = new PartnerLog(channel, () => store.knownKeys());
  let settings: PartnerSettings = readSettings();
  const progress = <T>(task: () => Promise<T>) => vscode.window.withProgress({ location: { viewId: VIEW_ID } }, task);
  const sessions = new AccountSessions(store, settings, log, progress);
  const workbench = new LazyWorkbench();
  const treeView = vscode.window.createTreeView(VIEW_ID, {
    treeDataProvider: workbench.treeData,
    showCollapseAll: true,
  });
  const creditHistory = new CreditHistory(context.globalState);
  const statusBar = new StatusBarCredits(
    sessions,
    settings,
    (message) => {
      const retry = vscode.l10n.t('Retry');
      const showLog = vscode.l10n.t('Show Log');
      void showWarning(message, retry, showLog).then((choice) => {
        if (choice === retry) {
          void vscode.commands.executeCommand('partnerExplorer.refresh');
        }
        if (choice === showLog) {
          channel.show();
        }
      });
    },
    undefined,
    (session, count) => {
      const readings = readingsOf(session);
      const threshold = settings.lowCreditThreshold[session.service];
      return readings ? trendLines(creditHistory.points(readings), count, threshold, vscode.env.language) : [];
    },
  );
  const recentMessages = new RecentMessages(context.globalState);
  const accountsChanged = new vscode.EventEmitter<void>();
  workbench.start({
    context,
    channel,
    store,
    log,
    sessions,
    creditHistory,
    recentMessages,
    settings: () => settings,
    readingsOf,
    treeView,
    onDidChangeAccounts: accountsChanged.event,
  });
  const messageLinks = new MessageLinks(
    () => settings,
    (text) => void showWarning(text),
  );
  const smsLength = new SmsLengthStatusBar();

  // Each successful reading (every `ready` state is a new one) goes into the credit history.
  const watched = new WeakSet<AccountSession>();
  const watchSessions = () => {
    for (const session of sessions.all) {
      if (watched.has(session)) {
        continue;
      }
      watched.add(session);
      // Disposed with the session's own emitters when the account goes.
      session.onDidChange(() => {
        const state = session.state;
        if (state.kind !== 'ready') {
          return;
        }
        const readings = accountRef(session.service, state.account.user.username);
        void creditHistory.record(
          readings,
          mainCount(state.account),
          state.account.credits.balance.value,
          state.updatedAt.getTime(),
        );
      });
      // A key read after the session was made (from the environment, at startup) also
      // changes `hasAnyKey`, which the palette's commands depend on.
      session.onDidChangeClient(() => {
        accountsChanged.fire();
        updateContext();
      });
    }
  };

  const updateContext = () => {
    void vscode.commands.executeCommand(
      'setContext',
      'partnerExplorer.hasAnyKey',
      sessions.all.some((s) => s.hasKey),
    );
    void vscode.commands.executeCommand('setContext', 'partnerExplorer.severalAccounts', sessions.all.length > 1);
    void vscode.commands.executeCommand('setContext', 'partnerExplorer.ready', true);
  };
  const warned = new Set<string>();
  const warnAboutSettings = () => {
    for (const w of settings.warnings) {
      if (!warned.has(w)) {
        warned.add(w);
        void showWarning(w);
      }
    }
  };

  context.subscriptions.push(
    channel,
    store,
    sessions,
    workbench,
    treeView,
    statusBar,
    accountsChanged,
    sessions.onDidChange(() => {
      watchSessions();
      updateContext();
      accountsChanged.fire();
    }),
    creditHistory.onDidChange(() => statusBar.refreshView()),
    ...workbench.register(context.extension.packageJSON as Parameters<LazyWorkbench['register']>[0], log),
    vscode.languages.registerDocumentLinkProvider(LINK_SELECTOR, messageLinks),
    vscode.languages.registerHoverProvider(LINK_SELECTOR, messageLinks),
    vscode.window.registerTerminalLinkProvider(messageLinks),
    smsLength,
    new SmsDiagnostics(),
    vscode.languages.registerCodeActionsProvider(
      [{ scheme: 'file' }, { scheme: 'untitled' }],
      new PhoneNumberActions(),
      {
        providedCodeActionKinds: PhoneNumberActions.kinds,
      },
    ),
    vscode.languages.registerCodeActionsProvider({ language: 'sms' }, new SmsQuickFixes(), {
      providedCodeActionKinds: SmsQuickFixes.kinds,
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) {
        return;
      }
      if (e.affectsConfiguration(`${SECTION}.hidePersonalData`) && workbench.isLoaded) {
        workbench.get().tree.rerender();
      }
      settings = readSettings();
      warnAboutSettings();
      void sessions.configure(settings);
      statusBar.update(settings);
    }),
  );

  // Nothing here waits for the network: accounts and keys are read in the background.
  const ready = sessions.sync().then(warnAboutSettings, (err) => log.error(`startup: ${String(err)}`));
  return {
    sessions,
    store,
    get tree() {
      return workbench.get().tree;
    },
    treeView,
    statusBar,
    get panels() {
      return workbench.get().panels;
    },
    recentMessages,
    creditHistory,
    readingsOf,
    get creditHistoryPanel() {
      return workbench.get().creditHistoryPanel;
    },
    get usagePanels() {
      return workbench.get().usagePanels;
    },
    get workbenchLoaded() {
      return workbench.isLoaded;
    },
    messageLinks,
    smsLength,
    logUri: context.logUri,
    storage: { global: context.globalState, workspace: context.workspaceState, secrets: context.secrets },
    ready,
    get testing() {
      return workbench.get().testing;
    },
    activationTiming: { vscodeApiMs: 0, loadMs: 0, activateMs: 0, workbenchLoaded: false },
  };
}
