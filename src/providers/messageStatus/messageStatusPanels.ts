import * as vscode from 'vscode';
import { checkMessageId, type PartnerLogger, type ServiceId } from '../../api';
import type { RecentMessages } from '../../accounts/recentMessages';
import type { ServiceSession } from '../../accounts/serviceSession';
import type { PanelPersistedState } from '../../webview/protocol';
import { DEFAULT_TRACKING, type TrackingPolicy } from './liveTracking';
import { MessageStatusPanel, VIEW_TYPE, webviewOptions, type PanelContext, type StatusSource } from './messageStatusPanel';

/** One panel per service, account and message id; restores panels after a reload. */
export class MessageStatusPanels implements vscode.Disposable, vscode.WebviewPanelSerializer<PanelPersistedState> {
  private readonly panels = new Map<string, MessageStatusPanel>();
  /** Live-tracking delays; integration tests shorten them. */
  policy: TrackingPolicy = DEFAULT_TRACKING;
  private readonly context: PanelContext;

  constructor(
    private readonly sessions: Readonly<Record<ServiceId, ServiceSession>>,
    extensionUri: vscode.Uri,
    liveTracking: () => boolean,
    private readonly recent: RecentMessages,
    log?: PartnerLogger,
  ) {
    this.context = {
      extensionUri,
      liveTracking,
      log,
      policy: () => this.policy,
      // Only the main account's lookups are offered again: a sub-account's key is gone once its panel closes.
      onLoaded: (panel) => {
        if (!panel.subaccount) {void this.recent.remember(panel.service, panel.messageId);}
      },
    };
  }

  get(service: ServiceId, messageId: string, subaccount?: string): MessageStatusPanel | undefined {
    return this.panels.get(panelKey(service, messageId, subaccount));
  }

  /** Opens (or reveals and refreshes) the panel for a message read with the main account's key. */
  show(service: ServiceId, messageId: string): MessageStatusPanel {
    return this.showFrom(this.sessions[service], messageId);
  }

  /** Opens (or reveals and refreshes) the panel for a message read from `source`. */
  showFrom(source: StatusSource, messageId: string): MessageStatusPanel {
    const existing = this.get(source.service, messageId, source.subaccount);
    if (existing && !existing.ended) {
      existing.reveal();
      void existing.load();
      return existing;
    }
    // Browsing as a sub-account again after the main account changed: the new source reads.
    existing?.dispose();
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, messageId, vscode.ViewColumn.Active, webviewOptions(this.context.extensionUri));
    return this.track(new MessageStatusPanel(panel, source, messageId, this.context));
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PanelPersistedState | undefined): Promise<void> {
    const service = state?.service;
    const id = state?.messageId !== undefined ? checkMessageId(String(state.messageId)) : undefined;
    // A sub-account's key was never stored, so its panels cannot come back.
    if ((service !== 'sms' && service !== 'mail') || !id?.ok || state?.subaccount || this.get(service, id.id)) {
      panel.dispose();
      return;
    }
    this.track(new MessageStatusPanel(panel, this.sessions[service], id.id, this.context, state));
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) {p.dispose();}
    this.panels.clear();
  }

  private track(panel: MessageStatusPanel): MessageStatusPanel {
    const key = panelKey(panel.service, panel.messageId, panel.subaccount);
    this.panels.set(key, panel);
    panel.onDidDispose(() => {
      if (this.panels.get(key) === panel) {this.panels.delete(key);}
    });
    return panel;
  }
}

function panelKey(service: ServiceId, messageId: string, subaccount?: string): string {
  return `${service}:${subaccount ?? ''}:${messageId}`;
}
