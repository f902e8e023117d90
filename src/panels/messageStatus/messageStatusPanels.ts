import * as vscode from 'vscode';
import { checkMessageId, type PartnerLogger } from '../../api';
import type { AccountSession } from '../../accounts/accountSession';
import type { AccountSessions } from '../../accounts/accountSessions';
import type { RecentMessages } from '../../accounts/recentMessages';
import type { PanelPersistedState } from '../../webview/messageStatusProtocol';
import type { PanelObserver } from '../webviewPanelBase';
import { DEFAULT_TRACKING, type TrackingPolicy } from './liveTracking';
import {
  messagePanelOptions,
  MessageStatusPanel,
  VIEW_TYPE,
  type PanelContext,
  type StatusSource,
} from './messageStatusPanel';

/** What the panels share besides the accounts and the recent ids. */
export interface MessagePanelsOptions {
  readonly extensionUri: vscode.Uri;
  /** The `messageStatus.liveTracking` setting. */
  readonly liveTracking: () => boolean;
  /** Live-tracking delays: the defaults unless Test mode sets shorter ones. */
  readonly policy?: () => TrackingPolicy;
  readonly log?: PartnerLogger;
  /** Sees what each panel sends and draws (Test mode only). */
  readonly observer?: PanelObserver;
}

/** One panel per account (or sub-account) and message id; restores panels after a reload. */
export class MessageStatusPanels implements vscode.Disposable, vscode.WebviewPanelSerializer<PanelPersistedState> {
  private readonly panels = new Map<string, MessageStatusPanel>();
  private readonly context: PanelContext;

  constructor(
    private readonly sessions: AccountSessions,
    private readonly recent: RecentMessages,
    options: MessagePanelsOptions,
  ) {
    this.context = {
      extensionUri: options.extensionUri,
      liveTracking: options.liveTracking,
      log: options.log,
      observer: options.observer,
      policy: options.policy ?? (() => DEFAULT_TRACKING),
      // Only the main account's lookups are offered again: a sub-account's key is gone once its panel closes.
      onLoaded: (panel) => {
        if (!panel.subaccount) {
          void this.recent.remember(panel.accountId, panel.messageId);
        }
      },
    };
  }

  get(accountId: string, messageId: string, subaccount?: string): MessageStatusPanel | undefined {
    return this.panels.get(panelKey(accountId, messageId, subaccount));
  }

  /** Opens (or reveals and refreshes) the panel for a message read with an account's key. */
  show(session: AccountSession, messageId: string): MessageStatusPanel {
    return this.showFrom(this.sourceOf(session), messageId);
  }

  /** An account as a panel's source; named in titles when its service has several accounts. */
  sourceOf(session: AccountSession): StatusSource {
    const several = this.sessions.forService(session.service).length > 1;
    return {
      service: session.service,
      accountId: session.id,
      accountName: several ? session.name : undefined,
      get hasKey() {
        return session.hasKey;
      },
      get accountSignal() {
        return session.accountSignal;
      },
      onDidChangeClient: session.onDidChangeClient,
      getMessageStatus: (id, signal) => session.getMessageStatus(id, signal),
    };
  }

  /** Opens (or reveals and refreshes) the panel for a message read from `source`. */
  showFrom(source: StatusSource, messageId: string): MessageStatusPanel {
    const existing = this.get(source.accountId, messageId, source.subaccount);
    if (existing && !existing.ended) {
      existing.reveal();
      void existing.load();
      return existing;
    }
    // Browsing as a sub-account again after the main account changed: the new source reads.
    existing?.dispose();
    const options = messagePanelOptions(this.context.extensionUri);
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, messageId, vscode.ViewColumn.Active, options);
    return this.track(new MessageStatusPanel(panel, source, messageId, this.context));
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PanelPersistedState | undefined): Promise<void> {
    const service = state?.service;
    const id = state?.messageId !== undefined ? checkMessageId(String(state.messageId)) : undefined;
    await this.sessions.sync();
    // Its account, else (a panel saved before accounts existed) the service's pinned one.
    const session =
      (state?.accountId ? this.sessions.get(state.accountId) : undefined) ??
      (service === 'sms' || service === 'mail' ? this.sessions.pinned(service) : undefined);
    // A sub-account's key was never stored, so its panels cannot come back.
    if (!session || !id?.ok || state?.subaccount || this.get(session.id, id.id)) {
      panel.dispose();
      return;
    }
    this.track(new MessageStatusPanel(panel, this.sourceOf(session), id.id, this.context, state));
  }

  /**
   * Whether *Hide personal data* is on in an open panel: the user is hiding
   * recipients (a shared screen, a recording), so chat tools mask them too.
   */
  get personalDataHidden(): boolean {
    return [...this.panels.values()].some((p) => p.hidesPersonalData);
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) {
      p.dispose();
    }
    this.panels.clear();
  }

  private track(panel: MessageStatusPanel): MessageStatusPanel {
    const key = panelKey(panel.accountId, panel.messageId, panel.subaccount);
    this.panels.set(key, panel);
    panel.onDidDispose(() => {
      if (this.panels.get(key) === panel) {
        this.panels.delete(key);
      }
    });
    return panel;
  }
}

function panelKey(accountId: string, messageId: string, subaccount?: string): string {
  return `${accountId}:${subaccount ?? ''}:${messageId}`;
}
