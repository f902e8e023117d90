import * as vscode from 'vscode';
import { isPartnerError, SERVICES, type ServiceId } from '../../api';
import type { ServiceSession } from '../../accounts/serviceSession';
import type { HostMessage, PanelPersistedState, RenderReport, StatusViewData, WebviewMessage } from '../../webview/protocol';
import { errorText } from '../errorText';
import { panelStrings } from './panelStrings';
import { buildStatusView, toCsv } from './statusView';

export const VIEW_TYPE = 'partnerExplorer.messageStatus';

export function panelTitle(service: ServiceId, messageId: string): string {
  return vscode.l10n.t('Message {0} · {1}', messageId, SERVICES[service].label);
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  // Scripts and styles come from media/ only; nothing else is reachable.
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')], enableFindWidget: true };
}

/**
 * One message's delivery-status panel. The host fetches and sends typed messages;
 * the webview (media/statusPanel.js) renders them as text, sorts and filters.
 */
export class MessageStatusPanel implements vscode.Disposable {
  private data: StatusViewData | undefined;
  private request: AbortController | undefined;
  private ready = false;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDisposeEmitter.event;
  /** What was sent to the webview, newest last (bounded), for diagnostics and tests. */
  readonly sent: HostMessage[] = [];
  /** The webview's last report of what it rendered. */
  lastRender: RenderReport | undefined;
  private readonly renderEmitter = new vscode.EventEmitter<RenderReport>();
  readonly onDidRender = this.renderEmitter.event;
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly service: ServiceId,
    readonly messageId: string,
    private readonly session: ServiceSession,
    private readonly extensionUri: vscode.Uri,
    /** Sort and filter saved by the webview, when the panel is being restored. */
    private readonly restored?: PanelPersistedState,
  ) {
    panel.title = panelTitle(service, messageId);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'partner.svg');
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = this.html();
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: WebviewMessage) => void this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
      // The key or API URL changed: show what the new settings give.
      session.onDidChangeClient(() => void this.load()),
    );
  }

  get current(): StatusViewData | undefined {
    return this.data;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Fetches the status again; a newer load cancels an older one. */
  async load(): Promise<void> {
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    this.post({ type: 'loading' });
    try {
      const status = await this.session.getMessageStatus(this.messageId, request.signal);
      if (request.signal.aborted) {return;}
      this.data = buildStatusView(this.service, SERVICES[this.service].label, status);
      this.post({ type: 'data', data: this.data });
    } catch (error) {
      if (request.signal.aborted || this.disposed) {return;}
      const keyProblem = isPartnerError(error) && error.isKeyProblem;
      const noKey = !this.session.client;
      this.post({
        type: 'error',
        message: errorText(error),
        canRetry: !keyProblem && !noKey && !(isPartnerError(error) && error.kind === 'api' && error.code === 4),
        canSetKey: keyProblem || noKey,
      });
    } finally {
      if (this.request === request) {this.request = undefined;}
    }
  }

  dispose(): void {
    if (this.disposed) {return;}
    this.disposed = true;
    this.request?.abort();
    this.subscriptions.forEach((d) => d.dispose());
    this.panel.dispose();
    this.onDisposeEmitter.fire();
    this.onDisposeEmitter.dispose();
    this.renderEmitter.dispose();
  }

  private async onMessage(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post({ type: 'init', locale: vscode.env.language, strings: panelStrings() });
        if (this.data) {
          this.post({ type: 'data', data: this.data });
        } else {
          await this.load();
        }
        return;
      case 'refresh':
        return this.load();
      case 'setKey':
        await vscode.commands.executeCommand('partnerExplorer.setApiKey', this.service);
        return;
      case 'copyCsv':
        if (this.data) {
          await vscode.env.clipboard.writeText(this.csv(this.data));
          void vscode.window.showInformationMessage(vscode.l10n.t('Copied {0} rows as CSV.', this.data.rows.length));
        }
        return;
      case 'exportCsv':
        return this.exportCsv();
      case 'rendered':
        this.lastRender = message.report;
        this.renderEmitter.fire(message.report);
        return;
    }
  }

  private csv(data: StatusViewData): string {
    const french = vscode.env.language.toLowerCase().startsWith('fr');
    const s = panelStrings();
    return toCsv(data.rows, { recipient: s.recipient, status: s.status, cost: s.cost, stop: s.stop, date: s.date }, french ? ';' : ',');
  }

  private async exportCsv(): Promise<void> {
    if (!this.data) {return;}
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(`message-${this.service}-${this.messageId}.csv`),
      filters: { CSV: ['csv'] },
      saveLabel: vscode.l10n.t('Export'),
    });
    if (!target) {return;}
    // A BOM makes Excel read the file as UTF-8 (accents, names).
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(this.csv(this.data), 'utf8')]);
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} rows to {1}.', this.data.rows.length, target.fsPath));
  }

  private post(message: HostMessage): void {
    this.sent.push(message);
    if (this.sent.length > 20) {this.sent.shift();}
    if (this.ready && !this.disposed) {
      void this.panel.webview.postMessage(message);
    }
  }

  private html(): string {
    const webview = this.panel.webview;
    const nonce = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(16))).toString('base64');
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', file)).toString();
    const state: PanelPersistedState = {
      service: this.service,
      messageId: this.messageId,
      sort: this.restored?.sort,
      filterText: typeof this.restored?.filterText === 'string' ? this.restored.filterText : undefined,
      filterCategory: this.restored?.filterCategory,
    };
    const lang = vscode.env.language.replace(/[^A-Za-z-]/g, '');
    return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource}; font-src ${webview.cspSource};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('statusPanel.css')}">
<title>${escapeHtml(panelTitle(this.service, this.messageId))}</title>
</head>
<body data-state="${escapeHtml(JSON.stringify(state))}">
<main id="app" aria-busy="true"></main>
<script nonce="${nonce}" src="${media('statusPanel.js')}"></script>
</body>
</html>`;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
