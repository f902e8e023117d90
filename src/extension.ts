import * as vscode from 'vscode';
import { SERVICE_IDS, type ServiceId } from './api';
import { accountRef, CreditHistory, type AccountRef } from './accounts/creditHistory';
import { RecentMessages } from './accounts/recentMessages';
import { ServiceSession } from './accounts/serviceSession';
import { copyAsJson, openInDashboard, type AccountCommandDeps } from './commands/accountCommands';
import { clearApiKey, setApiKey, type KeyCommandDeps } from './commands/apiKeyCommands';
import { browseAsSubaccount } from './commands/browseAsSubaccount';
import { transferCredit, type TransferDeps } from './commands/creditTransfer';
import { findSubaccount } from './commands/findSubaccount';
import { showMessageStatus } from './commands/messageStatusCommand';
import { registerCommands } from './commands/registerCommand';
import { isServiceId } from './commands/servicePick';
import { copySubaccountField, showSubaccountCredits } from './commands/subaccountCommands';
import { ApiKeyStore } from './keys/apiKeyStore';
import { PartnerLog } from './log/partnerLog';
import { CreditHistoryPanel } from './providers/creditHistory/creditHistoryPanel';
import { trendLines } from './providers/creditTrendText';
import { VIEW_TYPE } from './providers/messageStatus/messageStatusPanel';
import { MessageStatusPanels } from './providers/messageStatus/messageStatusPanels';
import { mainCount, StatusBarCredits } from './providers/statusBarCredits';
import { AccountsTreeProvider } from './providers/tree/accountsTreeProvider';
import { registerNodeCommands } from './providers/tree/nodeCommands';
import type { TreeNode } from './providers/tree/treeNode';
import { readSettings, SECTION, type PartnerSettings } from './settings/partnerSettings';
import { showWarning } from './providers/notifications';

export const VIEW_ID = 'partnerExplorer.accounts';

/** The live parts, for the integration tests and the benchmark: exported in Test mode only (main.ts). */
export interface PartnerExplorerApi {
  readonly sessions: Readonly<Record<ServiceId, ServiceSession>>;
  readonly tree: AccountsTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly statusBar: StatusBarCredits;
  readonly panels: MessageStatusPanels;
  readonly keys: ApiKeyStore;
  readonly recentMessages: RecentMessages;
  readonly creditHistory: CreditHistory;
  /** The account whose credit readings are shown for a service: the one its key read last. */
  readonly currentAccount: (service: ServiceId) => AccountRef | undefined;
  readonly creditHistoryPanel: CreditHistoryPanel;
  readonly logUri: vscode.Uri;
  /** What the extension keeps between sessions (never a key). */
  readonly storage: { readonly global: vscode.Memento; readonly workspace: vscode.Memento };
  /** Resolves once keys and settings have been read at least once. */
  readonly ready: Promise<void>;
  /** Milliseconds spent evaluating the extension's modules and in `activate()` (set by main.ts). */
  readonly activationTiming: { vscodeApiMs: number; loadMs: number; activateMs: number };
}

export function activate(context: vscode.ExtensionContext): PartnerExplorerApi {
  const channel = vscode.window.createOutputChannel('Partner Explorer', { log: true });
  const keys = new ApiKeyStore(context.secrets);
  const log = new PartnerLog(channel, () => keys.knownKeys());
  let settings: PartnerSettings = readSettings();
  const progress = <T>(task: () => Promise<T>) => vscode.window.withProgress({ location: { viewId: VIEW_ID } }, task);
  const sessions: Record<ServiceId, ServiceSession> = {
    sms: new ServiceSession('sms', keys, settings, log, progress),
    mail: new ServiceSession('mail', keys, settings, log, progress),
  };
  const tree = new AccountsTreeProvider([sessions.sms, sessions.mail]);
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const creditHistory = new CreditHistory(context.globalState);
  // Known once the key has been read: readings belong to the account, not to the service.
  const currentAccount = (service: ServiceId): AccountRef | undefined => {
    const account = sessions[service].account;
    return account && accountRef(service, account.user.username);
  };
  const statusBar = new StatusBarCredits(
    [sessions.sms, sessions.mail],
    settings,
    (message) => {
      const retry = vscode.l10n.t('Retry');
      const showLog = vscode.l10n.t('Show Log');
      void showWarning(message, retry, showLog).then((choice) => {
        if (choice === retry) {void tree.refresh();}
        if (choice === showLog) {channel.show();}
      });
    },
    undefined,
    (service, count) => {
      const account = currentAccount(service);
      return account ? trendLines(creditHistory.points(account), count, settings.lowCreditThreshold[service], vscode.env.language) : [];
    },
  );
  const recentMessages = new RecentMessages(context.globalState);
  const panels = new MessageStatusPanels(sessions, context.extensionUri, () => settings.liveTracking, recentMessages, log);
  const creditHistoryPanel = new CreditHistoryPanel(creditHistory, context.extensionUri, () => settings, () => SERVICE_IDS.filter((s) => sessions[s].hasKey), currentAccount);
  const accountDeps: AccountCommandDeps = { sessions, settings: () => settings, openExternal: (uri) => vscode.env.openExternal(uri) };
  const keyDeps: KeyCommandDeps = {
    keys,
    log,
    settings: () => settings,
    history: creditHistory,
    currentAccount,
    confirm: (message, detail, ...actions) => showWarning(message, { modal: true, detail }, ...actions),
  };
  const transferDeps: TransferDeps = {
    sessions,
    tree,
    log,
    confirm: async (message, detail, action) => (await showWarning(message, { modal: true, detail }, action)) === action,
  };

  const commands: Record<string, (...args: unknown[]) => unknown> = {
    'partnerExplorer.setApiKey': (service, key) => setApiKey(keyDeps, service, key),
    'partnerExplorer.clearApiKey': (service, forgetHistory) => clearApiKey(keyDeps, service, forgetHistory),
    'partnerExplorer.refresh': () => tree.refresh(),
    'partnerExplorer.showMessageStatus': (service, messageId) => showMessageStatus({ sessions, panels, recent: recentMessages }, service, messageId),
    'partnerExplorer.loadMoreSubaccounts': (service) => (isServiceId(service) ? sessions[service].subaccounts.loadMore() : undefined),
    // From a menu VS Code passes the error item itself: retry what its parent loads.
    'partnerExplorer.retry': (target) => tree.retry(typeof target === 'string' ? target : ((target as { parent?: { id?: string } } | undefined)?.parent?.id ?? '')),
    'partnerExplorer.copySubaccountToken': (node) => copySubaccountField(node, 'token'),
    'partnerExplorer.copySubaccountApiKey': (node) => copySubaccountField(node, 'apiKey'),
    'partnerExplorer.showSubaccountCredits': (node) => showSubaccountCredits(node, settings, log, sessions),
    'partnerExplorer.findSubaccount': (service, query) => findSubaccount({ sessions, tree, treeView }, service, query),
    'partnerExplorer.addSubaccountCredit': (node, amount) => transferCredit(transferDeps, 'add', node, amount),
    'partnerExplorer.removeSubaccountCredit': (node, amount) => transferCredit(transferDeps, 'remove', node, amount),
    'partnerExplorer.browseAsSubaccount': (node, messageId) =>
      browseAsSubaccount({ sessions, settings: () => settings, log, panels }, node, messageId),
    'partnerExplorer.openInDashboard': (node) => openInDashboard(accountDeps, node),
    'partnerExplorer.copyAsJson': (node) => copyAsJson(accountDeps, node),
    'partnerExplorer.showCreditHistory': () => creditHistoryPanel.show(),
    'partnerExplorer.showLog': () => channel.show(),
  };

  // Each successful reading (every `ready` state is a new one) goes into the credit history.
  const recordCredits = (session: ServiceSession) => {
    const state = session.state;
    if (state.kind !== 'ready') {return;}
    const account = accountRef(session.service, state.account.user.username);
    void creditHistory.record(account, mainCount(state.account), state.account.credits.balance.value, state.updatedAt.getTime());
  };

  const updateContext = () => {
    const any = SERVICE_IDS.some((s) => sessions[s].hasKey);
    void vscode.commands.executeCommand('setContext', 'partnerExplorer.hasAnyKey', any);
    void vscode.commands.executeCommand('setContext', 'partnerExplorer.ready', true);
  };
  const reconfigure = async (only?: ServiceId) => {
    await Promise.all(SERVICE_IDS.filter((s) => !only || s === only).map((s) => sessions[s].reconfigure(settings)));
    updateContext();
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
    keys,
    sessions.sms,
    sessions.mail,
    tree,
    treeView,
    statusBar,
    panels,
    creditHistoryPanel,
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, panels),
    ...SERVICE_IDS.map((s) => sessions[s].onDidChange(recordCredits)),
    creditHistory.onDidChange(() => statusBar.refreshView()),
    // Another key may read another account: the chart follows before its first reading.
    ...SERVICE_IDS.map((s) => sessions[s].onDidChangeClient(() => creditHistoryPanel.refresh())),
    ...registerCommands(commands, log),
    ...registerNodeCommands(log, {
      loadMore: (service) => sessions[service].subaccounts.loadMore(),
      retry: (service) => tree.retry(tree.root(service).id),
      retrySubaccounts: (service) => tree.retry(tree.root(service).subaccounts.id),
      setApiKey: (service) => setApiKey(keyDeps, service),
      openUrlSetting: (service) => vscode.commands.executeCommand('workbench.action.openSettings', `partnerExplorer.${service}.apiUrl`),
    }),
    keys.onDidChange((service) => void reconfigure(service)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) {return;}
      settings = readSettings();
      warnAboutSettings();
      void reconfigure();
      statusBar.update(settings);
    }),
  );

  // Nothing here waits for the network: keys are read in the background.
  const ready = reconfigure().then(warnAboutSettings, (err) => log.error(`startup: ${String(err)}`));
  return { sessions, tree, treeView, statusBar, panels, keys, recentMessages, creditHistory, currentAccount, creditHistoryPanel, logUri: context.logUri, storage: { global: context.globalState, workspace: context.workspaceState }, ready, activationTiming: { vscodeApiMs: 0, loadMs: 0, activateMs: 0 } };
}
