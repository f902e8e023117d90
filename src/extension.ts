import * as vscode from 'vscode';
import type { AccountSession } from './accounts/accountSession';
import { AccountSessions } from './accounts/accountSessions';
import { AccountStore } from './accounts/accountStore';
import { accountRef, CreditHistory, type AccountRef } from './accounts/creditHistory';
import { RecentMessages } from './accounts/recentMessages';
import type { KeyCommandDeps } from './commands/apiKeyCommands';
import { commandTable, nodeActions, type CommandContext } from './commands/commandTable';
import { registerCommands } from './commands/registerCommand';
import { PartnerLog } from './log/partnerLog';
import { CreditHistoryPanel } from './panels/creditHistory/creditHistoryPanel';
import { trendLines } from './ui/creditTrendText';
import { DEFAULT_TRACKING, type TrackingPolicy } from './panels/messageStatus/liveTracking';
import { VIEW_TYPE } from './panels/messageStatus/messageStatusPanel';
import { MessageStatusPanels } from './panels/messageStatus/messageStatusPanels';
import { showWarning } from './ui/notifications';
import { PanelRecorder } from './panels/panelRecorder';
import { USAGE_VIEW_TYPE, UsagePanels } from './panels/usage/usagePanel';
import { mainCount, StatusBarCredits } from './views/statusBar/statusBarCredits';
import { AccountsTreeProvider } from './views/tree/accountsTreeProvider';
import { NodeCommands } from './views/tree/nodeCommands';
import type { TreeNode } from './views/tree/treeNode';
import { VIEW_ID } from './views/tree/viewId';
import { LINK_SELECTOR, MessageLinks } from './views/messageLinks/messageLinkProviders';
import { readSettings, SECTION, type PartnerSettings } from './settings/partnerSettings';
import { hidePersonalDataSetting } from './settings/personalDataSettings';
import { sharePersonalDataSetting } from './settings/toolSettings';
import { registerTools } from './tools/registerTools';
import { PhoneNumberActions } from './commands/checkPhoneNumber';
import { SmsDiagnostics } from './views/smsLength/smsDiagnostics';
import { SmsLengthStatusBar } from './views/smsLength/smsLengthStatusBar';
import { SmsQuickFixes } from './views/smsLength/smsQuickFixes';

export { VIEW_ID };

/** The live parts, for the integration tests and the benchmark: exported in Test mode only (main.ts). */
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
  readonly logUri: vscode.Uri;
  /** What the extension keeps between sessions (never a key). */
  readonly storage: {
    readonly global: vscode.Memento;
    readonly workspace: vscode.Memento;
    readonly secrets: vscode.SecretStorage;
  };
  /** Resolves once accounts, keys and settings have been read at least once. */
  readonly ready: Promise<void>;
  /** Set in Test mode only (see `TestHooks`). */
  readonly testing: TestHooks | undefined;
  /** Milliseconds spent evaluating the extension's modules and in `activate()` (set by main.ts). */
  readonly activationTiming: { vscodeApiMs: number; loadMs: number; activateMs: number };
}

/**
 * What the integration tests observe and steer, made in Test mode only: production
 * panels have no observer and use the default live-tracking delays.
 */
export interface TestHooks {
  /** What each panel posted to its webview, and what the webview last drew. */
  readonly panels: PanelRecorder;
  /** The live-tracking delays the message panels use from now on; tests shorten them. */
  trackingPolicy: TrackingPolicy;
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
  const tree = new AccountsTreeProvider(sessions);
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const creditHistory = new CreditHistory(context.globalState);
  const statusBar = new StatusBarCredits(
    sessions,
    settings,
    (message) => {
      const retry = vscode.l10n.t('Retry');
      const showLog = vscode.l10n.t('Show Log');
      void showWarning(message, retry, showLog).then((choice) => {
        if (choice === retry) {
          void tree.refresh();
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
  const testing: TestHooks | undefined =
    context.extensionMode === vscode.ExtensionMode.Test
      ? { panels: new PanelRecorder(), trackingPolicy: DEFAULT_TRACKING }
      : undefined;
  const panels = new MessageStatusPanels(sessions, recentMessages, {
    extensionUri: context.extensionUri,
    liveTracking: () => settings.liveTracking,
    policy: testing && (() => testing.trackingPolicy),
    log,
    observer: testing?.panels,
  });
  const creditHistoryPanel = new CreditHistoryPanel({
    history: creditHistory,
    extensionUri: context.extensionUri,
    settings: () => settings,
    accounts: () =>
      sessions.all
        .filter((s) => s.hasKey)
        .map((s) => ({
          id: s.id,
          service: s.service,
          title: sessions.forService(s.service).length > 1 ? `${s.label} · ${s.name}` : s.label,
          readings: readingsOf(s),
        })),
    observer: testing?.panels,
  });
  const usagePanels = new UsagePanels(sessions, {
    extensionUri: context.extensionUri,
    log,
    observer: testing?.panels,
  });
  const messageLinks = new MessageLinks(
    () => settings,
    (text) => void showWarning(text),
  );
  const smsLength = new SmsLengthStatusBar();
  const keys: KeyCommandDeps = {
    store,
    sessions,
    log,
    settings: () => settings,
    history: creditHistory,
    recent: recentMessages,
    confirm: (message, detail, ...actions) => showWarning(message, { modal: true, detail }, ...actions),
  };
  const commands: CommandContext = {
    sessions,
    tree,
    treeView,
    panels,
    creditHistoryPanel,
    usagePanels,
    recent: recentMessages,
    keys,
    log,
    settings: () => settings,
    channel,
    state: context.globalState,
  };

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
      // Another key may read another account: the chart follows before its first reading.
      // A key read after the session was made (from the environment, at startup) also
      // changes `hasAnyKey`, which the palette's commands depend on.
      session.onDidChangeClient(() => {
        creditHistoryPanel.refresh();
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
    tree,
    treeView,
    statusBar,
    panels,
    creditHistoryPanel,
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, panels),
    usagePanels,
    vscode.window.registerWebviewPanelSerializer(USAGE_VIEW_TYPE, usagePanels),
    sessions.onDidChange(() => {
      watchSessions();
      updateContext();
      creditHistoryPanel.refresh();
    }),
    creditHistory.onDidChange(() => statusBar.refreshView()),
    ...registerCommands(commandTable(commands), log),
    new NodeCommands(sessions, log, nodeActions(commands)),
    ...registerTools({
      sessions,
      creditHistory,
      readingsOf,
      settings: () => settings,
      // Hide personal data (the setting, or a message panel's switch) wins over sharing.
      sharePersonalData: () => sharePersonalDataSetting() && !panels.personalDataHidden && !hidePersonalDataSetting(),
      log,
    }),
    vscode.languages.registerDocumentLinkProvider(LINK_SELECTOR, messageLinks),
    vscode.languages.registerHoverProvider(LINK_SELECTOR, messageLinks),
    vscode.window.registerTerminalLinkProvider(messageLinks),
    smsLength,
    new SmsDiagnostics(),
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new PhoneNumberActions(), {
      providedCodeActionKinds: PhoneNumberActions.kinds,
    }),
    vscode.languages.registerCodeActionsProvider({ scheme: 'untitled' }, new PhoneNumberActions(), {
      providedCodeActionKinds: PhoneNumberActions.kinds,
    }),
    vscode.languages.registerCodeActionsProvider({ language: 'sms' }, new SmsQuickFixes(), {
      providedCodeActionKinds: SmsQuickFixes.kinds,
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) {
        return;
      }
      if (e.affectsConfiguration(`${SECTION}.hidePersonalData`)) {
        tree.rerender();
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
    tree,
    treeView,
    statusBar,
    panels,
    recentMessages,
    creditHistory,
    readingsOf,
    creditHistoryPanel,
    usagePanels,
    messageLinks,
    smsLength,
    logUri: context.logUri,
    storage: { global: context.globalState, workspace: context.workspaceState, secrets: context.secrets },
    ready,
    testing,
    activationTiming: { vscodeApiMs: 0, loadMs: 0, activateMs: 0 },
  };
}
