import * as vscode from 'vscode';
import type { AccountSession } from '../../accounts/accountSession';
import type { AccountSessions } from '../../accounts/accountSessions';
import { UsageCache } from '../../accounts/usageCache';
import type { UsagePersistedState, UsageRange } from '../../webview/usageProtocol';
import { panelOptions } from '../webviewPanelBase';
import { USAGE_VIEW_TYPE } from '../viewTypes';
import { toCostRange } from './usageFormats';
import { UsageView, type UsagePanelsOptions } from './usageView';

// The panel's parts, where callers have always found them.
export { toCostRange, UsageView, type UsagePanelsOptions };

/**
 * `Show Usage…`: one Usage panel per SMS account, its readings cached per account and
 * range (UsageCache), every request through the shared pacer (5 a minute). Restores
 * panels after a reload (serializer).
 */
export class UsagePanels implements vscode.Disposable, vscode.WebviewPanelSerializer<UsagePersistedState> {
  private readonly views = new Map<string, UsageView>();
  readonly cache = new UsageCache();
  private readonly watched = new WeakSet<AccountSession>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly sessions: AccountSessions,
    private readonly options: UsagePanelsOptions,
  ) {}

  get(accountId: string): UsageView | undefined {
    return this.views.get(accountId);
  }

  show(session: AccountSession, range: UsageRange = { kind: 'lastTwelveMonths' }): UsageView {
    const open = this.views.get(session.id);
    if (open) {
      open.reveal();
      void open.select(range);
      return open;
    }
    const panel = vscode.window.createWebviewPanel(
      USAGE_VIEW_TYPE,
      vscode.l10n.t('Usage · {0}', session.name),
      vscode.ViewColumn.Active,
      panelOptions(this.options.extensionUri),
    );
    return this.open(panel, session, range);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: UsagePersistedState | undefined): Promise<void> {
    await this.sessions.sync();
    const session = state && this.sessions.get(state.accountId);
    if (!session || this.views.has(session.id)) {
      panel.dispose();
      return;
    }
    this.open(panel, session, toCostRange(state.range) ? state.range : { kind: 'lastTwelveMonths' });
  }

  dispose(): void {
    for (const view of [...this.views.values()]) {
      view.dispose();
    }
    this.subscriptions.forEach((d) => d.dispose());
  }

  private open(panel: vscode.WebviewPanel, session: AccountSession, range: UsageRange): UsageView {
    if (!this.watched.has(session)) {
      this.watched.add(session);
      this.subscriptions.push(
        session.onDidChangeClient(({ accountChanged }) => {
          if (accountChanged) {
            this.cache.forget(session.id);
            this.views.get(session.id)?.dispose();
          }
        }),
      );
    }
    const view = new UsageView(panel, session, this.cache, this.options, range);
    this.views.set(session.id, view);
    view.onDidDispose(() => {
      if (this.views.get(session.id) === view) {
        this.views.delete(session.id);
      }
    });
    return view;
  }
}
