import type * as vscode from 'vscode';
import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';
import type { AccountStore } from '../accounts/accountStore';
import type { AccountRef, CreditHistory } from '../accounts/creditHistory';
import type { RecentMessages } from '../accounts/recentMessages';
import type { PartnerLog } from '../log/partnerLog';
import type { TrackingPolicy } from '../panels/messageStatus/liveTracking';
import type { PanelRecorder } from '../panels/panelRecorder';
import type { PartnerSettings } from '../settings/partnerSettings';
import type { TreeNode } from '../providers/tree/treeNode';
import type { KeyDiagnostics } from '../providers/apiKeys/keyDiagnostics';

/**
 * What the extension builds at startup (the accounts, their keys and sessions, the
 * log, the credit history, the tree view's shell) and hands to the parts loaded on
 * first use (see workbench.ts).
 */
export interface CoreParts {
  readonly context: vscode.ExtensionContext;
  readonly channel: vscode.LogOutputChannel;
  readonly store: AccountStore;
  readonly log: PartnerLog;
  readonly sessions: AccountSessions;
  readonly creditHistory: CreditHistory;
  readonly recentMessages: RecentMessages;
  readonly settings: () => PartnerSettings;
  /** Whose credit readings an account's session shows: known once it has been read. */
  readonly readingsOf: (session: AccountSession) => AccountRef | undefined;
  readonly treeView: vscode.TreeView<TreeNode>;
  /** Fires when an account comes or goes, or one of them gets another key. */
  readonly onDidChangeAccounts: vscode.Event<void>;
  /** API keys written in files: the Problems view's entries, which the workspace scan adds to. */
  readonly keyDiagnostics: KeyDiagnostics;
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
