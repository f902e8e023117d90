import * as vscode from 'vscode';
import type { KeyCommandDeps } from '../commands/apiKeyCommands';
import { commandTable, nodeActions, type CommandContext } from './commandTable';
import type { CommandHandler } from '../ui/registerCommand';
import { CreditHistoryPanel } from '../panels/creditHistory/creditHistoryPanel';
import { MessageStatusPanels } from '../panels/messageStatus/messageStatusPanels';
import { UsagePanels } from '../panels/usage/usagePanel';
import { hidePersonalDataSetting } from '../settings/personalDataSettings';
import { sharePersonalDataSetting } from '../settings/toolSettings';
import { toolImplementations } from '../tools/registerTools';
import { showWarning } from '../ui/notifications';
import { AccountsTreeProvider } from '../providers/tree/accountsTreeProvider';
import { NodeCommands } from '../providers/tree/nodeCommands';
import { DEFAULT_TRACKING } from '../panels/messageStatus/liveTracking';
import { PanelRecorder } from '../panels/panelRecorder';
import { KeyFixes } from '../providers/apiKeys/keyFixes';
import type { CoreParts, TestHooks } from './coreParts';

/**
 * The parts loaded on first use, not at startup: the tree's nodes, the panels, the
 * command handlers and the chat tools' work. Startup registers their entry points
 * (lazyWorkbench.ts); the first one used loads this module and builds them.
 */
export interface Workbench extends vscode.Disposable {
  readonly tree: AccountsTreeProvider;
  readonly panels: MessageStatusPanels;
  readonly creditHistoryPanel: CreditHistoryPanel;
  /** The Usage panels (sending statistics), one per SMS account. */
  readonly usagePanels: UsagePanels;
  /** Every command's handler, by id (the table in commands/commandTable.ts). */
  readonly commands: Readonly<Record<string, CommandHandler>>;
  /** Every chat tool, by name. */
  readonly tools: ReadonlyMap<string, vscode.LanguageModelTool<unknown>>;
  /** The quick fixes of an API key written in a file (startup registers their provider). */
  readonly keyFixes: KeyFixes;
  /** Made in Test mode only (see `TestHooks`). */
  readonly testing: TestHooks | undefined;
}

export function createWorkbench(core: CoreParts): Workbench {
  const { context, sessions, log, settings, creditHistory, readingsOf } = core;
  // The tests' recorder and delays exist in the test build only (scripts/build.mjs), in Test mode.
  const testing: TestHooks | undefined =
    __PARTNER_TEST_BUILD__ && context.extensionMode === vscode.ExtensionMode.Test
      ? { panels: new PanelRecorder(), trackingPolicy: DEFAULT_TRACKING }
      : undefined;
  const observer = __PARTNER_TEST_BUILD__ ? testing?.panels : undefined;
  const policy = __PARTNER_TEST_BUILD__ && testing ? () => testing.trackingPolicy : undefined;
  const tree = new AccountsTreeProvider(sessions);
  const panels = new MessageStatusPanels(sessions, core.recentMessages, {
    extensionUri: context.extensionUri,
    liveTracking: () => settings().liveTracking,
    policy,
    log,
    observer,
  });
  const creditHistoryPanel = new CreditHistoryPanel({
    history: creditHistory,
    extensionUri: context.extensionUri,
    settings,
    accounts: () =>
      sessions.all
        .filter((s) => s.hasKey)
        .map((s) => ({
          id: s.id,
          service: s.service,
          title: sessions.forService(s.service).length > 1 ? `${s.label} · ${s.name}` : s.label,
          readings: readingsOf(s),
        })),
    observer,
  });
  const usagePanels = new UsagePanels(sessions, {
    extensionUri: context.extensionUri,
    log,
    observer,
  });
  const keys: KeyCommandDeps = {
    store: core.store,
    sessions,
    log,
    settings,
    history: creditHistory,
    recent: core.recentMessages,
    confirm: (message, detail, ...actions) => showWarning(message, { modal: true, detail }, ...actions),
  };
  const commandContext: CommandContext = {
    sessions,
    tree,
    treeView: core.treeView,
    panels,
    creditHistoryPanel,
    usagePanels,
    recent: core.recentMessages,
    keys,
    log,
    settings,
    channel: core.channel,
    state: context.globalState,
    keyDiagnostics: core.keyDiagnostics,
  };
  const tools = toolImplementations({
    sessions,
    creditHistory,
    readingsOf,
    settings,
    // Hide personal data (the setting, which a message panel's button changes) wins over sharing.
    sharePersonalData: () => sharePersonalDataSetting() && !hidePersonalDataSetting(),
    log,
  });
  const owned: vscode.Disposable[] = [
    tree,
    panels,
    creditHistoryPanel,
    usagePanels,
    new NodeCommands(sessions, log, nodeActions(commandContext)),
    // Another key may read another account: the chart follows before its first reading.
    core.onDidChangeAccounts(() => creditHistoryPanel.refresh()),
  ];
  return {
    tree,
    panels,
    creditHistoryPanel,
    usagePanels,
    commands: commandTable(commandContext),
    keyFixes: new KeyFixes(core.keyDiagnostics, settings),
    tools,
    testing,
    dispose: () => owned.forEach((d) => d.dispose()),
  };
}
