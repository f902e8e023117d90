import * as vscode from 'vscode';
import { checkMessageId, type ServiceId } from '../../api';
import type { ServiceSession } from '../../accounts/serviceSession';
import type { PanelPersistedState } from '../../webview/protocol';
import { MessageStatusPanel, VIEW_TYPE, webviewOptions } from './messageStatusPanel';

/** One panel per service and message id; restores panels after a reload. */
export class MessageStatusPanels implements vscode.Disposable, vscode.WebviewPanelSerializer<PanelPersistedState> {
  private readonly panels = new Map<string, MessageStatusPanel>();

  constructor(
    private readonly sessions: Readonly<Record<ServiceId, ServiceSession>>,
    private readonly extensionUri: vscode.Uri,
  ) {}

  get(service: ServiceId, messageId: string): MessageStatusPanel | undefined {
    return this.panels.get(`${service}:${messageId}`);
  }

  show(service: ServiceId, messageId: string): MessageStatusPanel {
    const existing = this.get(service, messageId);
    if (existing) {
      existing.reveal();
      void existing.load();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, messageId, vscode.ViewColumn.Active, webviewOptions(this.extensionUri));
    return this.track(new MessageStatusPanel(panel, service, messageId, this.sessions[service], this.extensionUri));
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PanelPersistedState | undefined): Promise<void> {
    const service = state?.service;
    const id = state?.messageId !== undefined ? checkMessageId(String(state.messageId)) : undefined;
    if ((service !== 'sms' && service !== 'mail') || !id?.ok || this.get(service, id.id)) {
      panel.dispose();
      return;
    }
    this.track(new MessageStatusPanel(panel, service, id.id, this.sessions[service], this.extensionUri, state));
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) {p.dispose();}
    this.panels.clear();
  }

  private track(panel: MessageStatusPanel): MessageStatusPanel {
    const key = `${panel.service}:${panel.messageId}`;
    this.panels.set(key, panel);
    panel.onDidDispose(() => {
      if (this.panels.get(key) === panel) {this.panels.delete(key);}
    });
    return panel;
  }
}
