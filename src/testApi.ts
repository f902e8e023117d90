import type * as vscode from 'vscode';
import type { AccountSession } from './accounts/accountSession';
import type { AccountSessions } from './accounts/accountSessions';
import type { AccountStore } from './accounts/accountStore';
import type { AccountRef, CreditHistory } from './accounts/creditHistory';
import type { RecentMessages } from './accounts/recentMessages';
import type { StartupParts } from './extension';
import { exportedApi } from './exportedApi';
import type { TestHooks } from './firstUse/coreParts';
import type { CreditHistoryPanel } from './panels/creditHistory/creditHistoryPanel';
import type { MessageStatusPanels } from './panels/messageStatus/messageStatusPanels';
import type { UsagePanels } from './panels/usage/usagePanel';
import type { MessageLinks } from './providers/messageLinks/messageLinkProviders';
import type { SmsLengthStatusBar } from './providers/smsLength/smsLengthStatusBar';
import type { StatusBarCredits } from './providers/statusBar/statusBarCredits';
import type { AccountsTreeProvider } from './providers/tree/accountsTreeProvider';
import type { TreeNode } from './providers/tree/treeNode';

export type { TestHooks };

/** How long activation took, measured by main.ts (the benchmark reads it). */
export interface ActivationTiming {
  vscodeApiMs: number;
  loadMs: number;
  activateMs: number;
  /** Whether the parts that wait for first use were loaded by the end of activation. */
  workbenchLoaded: boolean;
}

/**
 * The live parts, for the integration tests and the benchmark. This module is in the
 * test build only (main.ts requires it behind `__PARTNER_TEST_BUILD__`), and even there
 * exported in Test mode only. Reading `tree`, `panels`, `creditHistoryPanel` or
 * `usagePanels` loads the parts that otherwise wait for first use.
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
  /** What the tests observe and steer (see `TestHooks`); made with the workbench. */
  readonly testing: TestHooks | undefined;
  readonly activationTiming: ActivationTiming;
}

/** The tests' view of what `activate` built; undefined outside Test mode. */
export function testApi(
  context: vscode.ExtensionContext,
  parts: StartupParts,
  activationTiming: ActivationTiming,
): PartnerExplorerApi | undefined {
  const { workbench } = parts;
  return exportedApi<PartnerExplorerApi>(context.extensionMode, {
    sessions: parts.sessions,
    store: parts.store,
    get tree() {
      return workbench.get().tree;
    },
    treeView: parts.treeView,
    statusBar: parts.statusBar,
    get panels() {
      return workbench.get().panels;
    },
    recentMessages: parts.recentMessages,
    creditHistory: parts.creditHistory,
    readingsOf: parts.readingsOf,
    get creditHistoryPanel() {
      return workbench.get().creditHistoryPanel;
    },
    get usagePanels() {
      return workbench.get().usagePanels;
    },
    get workbenchLoaded() {
      return workbench.isLoaded;
    },
    messageLinks: parts.messageLinks,
    smsLength: parts.smsLength,
    logUri: context.logUri,
    storage: { global: context.globalState, workspace: context.workspaceState, secrets: context.secrets },
    ready: parts.ready,
    get testing() {
      return workbench.get().testing;
    },
    activationTiming,
  });
}
