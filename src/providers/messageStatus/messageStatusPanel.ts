import * as vscode from 'vscode';
import { isPartnerError, SERVICES, type MessageStatus, type PartnerLogger, type ServiceId } from '../../api';
import type { HostMessage, PanelPersistedState, RenderReport, StatusViewData, TrackingState, WebviewMessage } from '../../webview/messageStatusProtocol';
import { errorText } from '../errorText';
import { webviewHtml } from '../webviewHtml';
import { defaultExportUri, exportFileName, writeCsvExport } from './csvExport';
import { decideTracking, nextStep, sentAt, type TrackingPolicy } from './liveTracking';
import { panelStrings } from './panelStrings';
import { buildStatusView, toCsv, toJson, toMarkdown } from './statusView';
import { showInfo } from '../notifications';

export const VIEW_TYPE = 'partnerExplorer.messageStatus';

/**
 * Where a panel reads its message: a service session (the main account's key) or
 * a sub-account browsed with its own key, held in memory only.
 */
export interface StatusSource {
  readonly service: ServiceId;
  /** The account that reads (a sub-account is read through its main account's). */
  readonly accountId: string;
  /** The account's name, shown in the title when the service has several accounts. */
  readonly accountName?: string;
  /** The sub-account's e-mail when reading with a sub-account's key. */
  readonly subaccount?: string;
  readonly hasKey: boolean;
  /**
   * Aborts when the account that reads changes (key or API URL) or goes away.
   * What a panel read belongs to the account of that moment: once this signal
   * has aborted, it is neither shown again nor copied nor exported.
   */
  readonly accountSignal: AbortSignal;
  getMessageStatus(messageId: string, signal?: AbortSignal): Promise<MessageStatus>;
  /** Fires when the key or the connection settings changed. */
  readonly onDidChangeClient?: vscode.Event<unknown>;
}

/** What a panel needs from the rest of the extension besides its source. */
export interface PanelContext {
  readonly extensionUri: vscode.Uri;
  readonly liveTracking: () => boolean;
  readonly policy: () => TrackingPolicy;
  /** Called after each successful reading (recent ids). */
  readonly onLoaded?: (panel: MessageStatusPanel) => void;
  /** Where a failed export is logged. */
  readonly log?: PartnerLogger;
}

export function panelTitle(service: ServiceId, messageId: string, subaccount?: string): string {
  return subaccount
    ? vscode.l10n.t('Message {0} · {1} · {2}', messageId, SERVICES[service].label, subaccount)
    : vscode.l10n.t('Message {0} · {1}', messageId, SERVICES[service].label);
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
  /** The last reading; only shown while `dataAccount` is the source's current account (see `held`). */
  private data: StatusViewData | undefined;
  private dataAccount: AbortSignal | undefined;
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
  private readonly extensionUri: vscode.Uri;
  readonly service: ServiceId;
  /** Live tracking: where it stands, the backoff step, the pending refresh. */
  tracking: TrackingState = { state: 'off' };
  private trackingStep = 0;
  private trackingTimer: ReturnType<typeof setTimeout> | undefined;
  private firstReadAt: number | undefined;
  /** Automatic refreshes done, for tests and diagnostics. */
  autoRefreshes = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly source: StatusSource,
    readonly messageId: string,
    private readonly context: PanelContext,
    /** Sort and filter saved by the webview, when the panel is being restored. */
    private readonly restored?: PanelPersistedState,
  ) {
    this.service = source.service;
    this.extensionUri = context.extensionUri;
    panel.title = panelTitle(this.service, messageId, source.subaccount ?? source.accountName);
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'partner.svg');
    panel.webview.options = webviewOptions(this.extensionUri);
    panel.webview.html = this.html();
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: WebviewMessage) => void this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => this.onVisibilityChanged()),
    );
    if (source.onDidChangeClient) {
      // The key or API URL changed: show what the new settings give.
      this.subscriptions.push(source.onDidChangeClient(() => void this.load()));
    }
  }

  /** The reading on screen, if the account that read it is still the one reading. */
  get current(): StatusViewData | undefined {
    return this.held();
  }

  /** True once its source can read no more (a sub-account's browsing after the main account changed). */
  get ended(): boolean {
    return this.source.accountSignal.aborted;
  }

  /** The sub-account whose key reads this message, if not the main account's. */
  get accountId(): string {
    return this.source.accountId;
  }

  get subaccount(): string | undefined {
    return this.source.subaccount;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /**
   * Fetches the status again; a newer load cancels an older one. `auto` is a
   * live-tracking refresh: it keeps backing off while nothing changes, and a
   * failure keeps the table and tries again later instead of replacing it.
   */
  async load({ auto = false }: { auto?: boolean } = {}): Promise<void> {
    this.request?.abort();
    this.clearTimer();
    const request = new AbortController();
    this.request = request;
    // The account this reading will belong to. Already aborted once a sub-account's browsing
    // has ended: the source then says so without sending anything.
    const account = this.source.accountSignal;
    const ended = account.aborted;
    // A live-tracking refresh happens in the background: the table stays as it is until the answer.
    if (!auto) {this.post({ type: 'loading' });}
    try {
      const status = await this.source.getMessageStatus(this.messageId, request.signal);
      if (request.signal.aborted || this.disposed || account.aborted) {return;}
      const who = this.source.subaccount ?? this.source.accountName;
      const label = who ? `${SERVICES[this.service].label} · ${who}` : SERVICES[this.service].label;
      const data = buildStatusView(this.service, label, status, Date.now(), this.held());
      this.data = data;
      this.dataAccount = account;
      this.firstReadAt ??= data.fetchedAt;
      if (auto) {this.autoRefreshes++;}
      this.trackingStep = auto ? nextStep(this.trackingStep, data.changes.length > 0, this.context.policy()) : 0;
      this.post({ type: 'data', data });
      this.context.onLoaded?.(this);
      this.track();
    } catch (error) {
      // The account changed while reading: the change itself reloads the panel.
      if (request.signal.aborted || this.disposed || (account.aborted && !ended)) {return;}
      if (auto && this.held()) {
        this.trackingStep = nextStep(this.trackingStep, false, this.context.policy());
        this.track();
        return;
      }
      // The webview shows the error instead of the table: nothing of it stays to show again or copy.
      this.forget();
      const keyProblem = isPartnerError(error) && error.isKeyProblem;
      const noKey = !this.source.hasKey;
      const mainAccount = !this.source.subaccount;
      const notFound = isPartnerError(error) && error.kind === 'api' && error.code === 4;
      this.post({
        type: 'error',
        message: errorText(error),
        canRetry: !ended && !keyProblem && !noKey && !notFound,
        canSetKey: mainAccount && (keyProblem || noKey),
      });
    } finally {
      if (this.request === request) {this.request = undefined;}
    }
  }

  /**
   * The reading, if the account that read it still reads: after a key or API
   * URL change it is dropped, never shown again, copied or exported.
   */
  private held(): StatusViewData | undefined {
    if (this.data && (this.dataAccount !== this.source.accountSignal || this.dataAccount.aborted)) {this.forget();}
    return this.data;
  }

  /** Drops the reading, what was sent of it, and live tracking. */
  private forget(): void {
    this.data = undefined;
    this.dataAccount = undefined;
    this.firstReadAt = undefined;
    this.trackingStep = 0;
    this.clearTimer();
    this.tracking = { state: 'off' };
    const kept = this.sent.filter((m) => m.type !== 'data');
    this.sent.splice(0, this.sent.length, ...kept);
  }

  /** Decides whether to refresh again by itself, tells the webview, and sets the timer. */
  private track(): void {
    this.clearTimer();
    const data = this.held();
    if (!data || this.disposed) {return;}
    const now = Date.now();
    this.tracking = decideTracking(
      data,
      {
        enabled: this.context.liveTracking(),
        visible: this.panel.visible,
        now,
        sentAt: sentAt(data, this.firstReadAt ?? now),
        step: this.trackingStep,
      },
      this.context.policy(),
    );
    this.post({ type: 'tracking', tracking: this.tracking });
    if (this.tracking.state === 'live') {
      this.trackingTimer = setTimeout(() => void this.load({ auto: true }), Math.max(0, this.tracking.nextAt - now));
    }
  }

  private onVisibilityChanged(): void {
    if (this.disposed || !this.held()) {return;}
    if (!this.panel.visible) {
      if (this.tracking.state === 'live') {this.track();}
      return;
    }
    // Back in view after a pause: catch up at once, then carry on tracking.
    if (this.tracking.state === 'paused' && !this.request) {void this.load({ auto: true });}
  }

  private clearTimer(): void {
    if (this.trackingTimer !== undefined) {
      clearTimeout(this.trackingTimer);
      this.trackingTimer = undefined;
    }
  }

  dispose(): void {
    if (this.disposed) {return;}
    this.disposed = true;
    this.request?.abort();
    this.clearTimer();
    this.subscriptions.forEach((d) => d.dispose());
    this.panel.dispose();
    this.onDisposeEmitter.fire();
    this.onDisposeEmitter.dispose();
    this.renderEmitter.dispose();
  }

  private async onMessage(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        this.post({ type: 'init', locale: vscode.env.language, strings: panelStrings() });
        // Shown again: the reading only if its account still reads, otherwise read again.
        const data = this.held();
        if (data) {
          this.post({ type: 'data', data });
          this.post({ type: 'tracking', tracking: this.tracking });
        } else {
          await this.load();
        }
        return;
      }
      case 'refresh':
        return this.load();
      case 'setKey':
        await vscode.commands.executeCommand('partnerExplorer.setApiKey', this.service);
        return;
      case 'copyCsv':
        return this.copy('csv', message.hidePersonal);
      case 'copyMarkdown':
        return this.copy('markdown', message.hidePersonal);
      case 'copyJson':
        return this.copy('json', message.hidePersonal);
      case 'copyMessageId':
        await vscode.env.clipboard.writeText(this.messageId);
        void showInfo(vscode.l10n.t('Message id {0} copied to the clipboard.', this.messageId));
        return;
      case 'exportCsv':
        return this.exportCsv(message.hidePersonal);
      case 'rendered':
        this.lastRender = message.report;
        this.renderEmitter.fire(message.report);
        return;
    }
  }

  /** The table as text in one of the copy formats; masked when personal data is hidden. */
  text(format: 'csv' | 'markdown' | 'json', hidePersonal: boolean): string | undefined {
    const data = this.held();
    if (!data) {return undefined;}
    const s = panelStrings();
    switch (format) {
      case 'csv': {
        const french = vscode.env.language.toLowerCase().startsWith('fr');
        return toCsv(data.rows, { recipient: s.recipient, status: s.status, cost: s.cost, stop: s.stop, date: s.date }, french ? ';' : ',', hidePersonal);
      }
      case 'markdown':
        return toMarkdown(
          data.rows,
          { title: panelTitle(this.service, this.messageId, hidePersonal ? undefined : this.source.subaccount), recipient: s.recipient, status: s.status, cost: s.cost, stop: s.stop, date: s.date, yes: s.yes, no: s.no },
          vscode.env.language,
          hidePersonal,
        );
      case 'json':
        return toJson(data, data.rows, hidePersonal);
    }
  }

  private async copy(format: 'csv' | 'markdown' | 'json', hidePersonal: boolean): Promise<void> {
    const data = this.held();
    const text = this.text(format, hidePersonal);
    if (text === undefined || !data) {return;}
    await vscode.env.clipboard.writeText(text);
    const count = data.rows.length;
    const message =
      format === 'csv' ? vscode.l10n.t('Copied {0} rows as CSV.', count) : format === 'markdown' ? vscode.l10n.t('Copied {0} rows as Markdown.', count) : vscode.l10n.t('Copied {0} rows as JSON.', count);
    void showInfo(hidePersonal ? vscode.l10n.t('{0} Personal data hidden.', message) : message);
  }

  private async exportCsv(hidePersonal: boolean): Promise<void> {
    if (!this.held()) {return;}
    const target = await vscode.window.showSaveDialog({
      defaultUri: defaultExportUri(exportFileName(this.service, this.messageId)),
      filters: { CSV: ['csv'] },
      saveLabel: vscode.l10n.t('Export'),
    });
    // The account may have changed while the dialog was open.
    const data = this.held();
    const text = this.text('csv', hidePersonal);
    if (!target || !data || text === undefined) {return;}
    await writeCsvExport(target, text, data.rows.length, this.context.log);
  }

  private post(message: HostMessage): void {
    this.sent.push(message);
    if (this.sent.length > 20) {this.sent.shift();}
    if (this.ready && !this.disposed) {
      void this.panel.webview.postMessage(message);
    }
  }

  private html(): string {
    const state: PanelPersistedState = {
      service: this.service,
      accountId: this.source.accountId,
      messageId: this.messageId,
      subaccount: this.source.subaccount,
      sort: this.restored?.sort,
      filterText: typeof this.restored?.filterText === 'string' ? this.restored.filterText : undefined,
      filterCategory: this.restored?.filterCategory,
      hidePersonal: this.restored?.hidePersonal === true,
    };
    return webviewHtml(this.panel.webview, this.extensionUri, {
      title: panelTitle(this.service, this.messageId, this.source.subaccount ?? this.source.accountName),
      styles: ['statusPanel.css'],
      script: 'statusPanel.js',
      state,
    });
  }
}
