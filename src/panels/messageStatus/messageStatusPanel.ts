import * as vscode from 'vscode';
import { isPartnerError, SERVICES, type MessageStatus, type PartnerLogger, type ServiceId } from '../../api';
import type {
  HostMessage,
  MessageStatusProtocol,
  PanelPersistedState,
  StatusViewData,
  TrackingState,
} from '../../webview/messageStatusProtocol';
import { errorText } from '../../ui/errorText';
import { showInfo } from '../../ui/notifications';
import { panelOptions, WebviewPanelBase, type PanelObserver, type PanelRequest } from '../webviewPanelBase';
import type { WebviewPage } from '../webviewHtml';
import { decideTracking, nextStep, sentAt, type TrackingPolicy } from './liveTracking';
import { panelStrings, panelTitle, tagPanelTitle } from './panelStrings';
import { copyStatus, exportStatusCsv, statusText, type CopyFormat, type ExportSource } from './statusExport';
import { stillOwned } from './readingOwner';
import { buildStatusView } from './statusView';
import { masked, type PersonalDataSwitch } from './personalData';

export type { PersonalDataSwitch };

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
  /** `tag`: `messageId` is a tag and the reading covers every message sent with it. */
  readonly subject?: 'message' | 'tag';
  /** The account's own key reads: it may cancel the message's scheduled send. */
  readonly canCancel?: boolean;
  /** An SMS Partner account's own key reads: one recipient can be looked up by number. */
  readonly canLookUpRecipient?: boolean;
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
  /** Sees what the panel sends and what its webview draws (Test mode only). */
  readonly observer?: PanelObserver;
  /** The Hide personal data setting, which the panel's button changes. */
  readonly personalData: PersonalDataSwitch;
}

/** How a message panel is created: like every panel, plus Find in its table. */
export function messagePanelOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return panelOptions(extensionUri, { enableFindWidget: true });
}

/**
 * One message's delivery-status panel. The host fetches and sends typed messages;
 * the webview (media/statusPanel.js) renders them as text, sorts and filters.
 */
export class MessageStatusPanel extends WebviewPanelBase<MessageStatusProtocol> {
  /** The last reading; only shown while `dataAccount` is the source's current account (see `held`). */
  private data: StatusViewData | undefined;
  private dataAccount: AbortSignal | undefined;
  private request: AbortController | undefined;
  readonly service: ServiceId;
  /** Live tracking: where it stands, the backoff step, the pending refresh. */
  private trackingState: TrackingState = { state: 'off' };
  private trackingStep = 0;
  private trackingTimer: ReturnType<typeof setTimeout> | undefined;
  private firstReadAt: number | undefined;
  /** What Copy and Export read: the reading only while its account still reads. */
  private readonly exportSource: ExportSource;

  constructor(
    panel: vscode.WebviewPanel,
    private readonly source: StatusSource,
    readonly messageId: string,
    private readonly context: PanelContext,
    /** Sort and filter saved by the webview, when the panel is being restored. */
    restored?: PanelPersistedState,
  ) {
    super(panel, {
      extensionUri: context.extensionUri,
      title: sourceTitle(source, messageId),
      page: statusPage(source, messageId, context.personalData.hidden(), restored),
      observer: context.observer,
    });
    this.service = source.service;
    this.exportSource = {
      service: source.service,
      messageId,
      subject: source.subject,
      subaccount: source.subaccount,
      held: () => this.held(),
    };
    this.subscriptions.push(panel.onDidChangeViewState(() => this.onVisibilityChanged()));
    if (source.onDidChangeClient) {
      // The key or API URL changed: show what the new settings give.
      this.subscriptions.push(source.onDidChangeClient(() => void this.load()));
    }
  }

  /** The reading on screen, if the account that read it is still the one reading. */
  get current(): StatusViewData | undefined {
    return this.held();
  }

  /** Where live tracking stands (the webview shows it under the table). */
  get tracking(): TrackingState {
    return this.trackingState;
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

  /** Whether `messageId` is a message id or a tag. */
  get subject(): 'message' | 'tag' {
    return this.source.subject ?? 'message';
  }

  /** What Copy as CSV / Markdown / JSON gives now: nothing once the account that read it changed. */
  text(format: CopyFormat, hidePersonal: boolean): string | undefined {
    return statusText(this.exportSource, format, hidePersonal);
  }

  /** The Hide personal data setting changed: the button and the rows follow it. */
  personalDataChanged(): void {
    if (this.isDisposed) {
      return;
    }
    this.show({ type: 'personalData', hidden: this.hidesPersonalData });
    const data = this.held();
    if (data) {
      this.show({ type: 'data', data });
    }
  }

  private get hidesPersonalData(): boolean {
    return this.context.personalData.hidden();
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
    if (!auto) {
      this.show({ type: 'loading' });
    }
    try {
      const status = await this.source.getMessageStatus(this.messageId, request.signal);
      if (request.signal.aborted || this.isDisposed || account.aborted) {
        return;
      }
      const who = this.source.subaccount ?? this.source.accountName;
      const label = who ? `${SERVICES[this.service].label} · ${who}` : SERVICES[this.service].label;
      const built = buildStatusView(this.service, label, status, Date.now(), this.held());
      const tag = this.subject === 'tag';
      const data: StatusViewData = {
        ...built,
        subject: this.subject,
        // The docs give no "scheduled" flag: a message some recipient still waits for may be one.
        canCancel: !tag && this.source.canCancel === true && built.summary.some((e) => e.category === 'waiting'),
        canLookUpRecipient: !tag && this.source.canLookUpRecipient === true,
      };
      this.data = data;
      this.dataAccount = account;
      this.firstReadAt ??= data.fetchedAt;
      this.trackingStep = auto ? nextStep(this.trackingStep, data.changes.length > 0, this.context.policy()) : 0;
      this.show({ type: 'data', data });
      this.context.onLoaded?.(this);
      this.track();
    } catch (error) {
      // The account changed while reading: the change itself reloads the panel.
      if (request.signal.aborted || this.isDisposed || (account.aborted && !ended)) {
        return;
      }
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
      this.show({
        type: 'error',
        message: errorText(error),
        canRetry: !ended && !keyProblem && !noKey && !notFound,
        canSetKey: mainAccount && (keyProblem || noKey),
      });
    } finally {
      if (this.request === request) {
        this.request = undefined;
      }
    }
  }

  /**
   * The reading, if the account that read it still reads: after a key or API
   * URL change it is dropped, never shown again, copied or exported.
   */
  private held(): StatusViewData | undefined {
    if (this.data && !stillOwned(this.dataAccount, this.source.accountSignal)) {
      this.forget();
    }
    return this.data;
  }

  /** Drops the reading, what still waits to be sent of it, and live tracking. */
  private forget(): void {
    this.data = undefined;
    this.dataAccount = undefined;
    this.firstReadAt = undefined;
    this.trackingStep = 0;
    this.clearTimer();
    this.trackingState = { state: 'off' };
    this.dropQueued((m) => m.type === 'data' || m.type === 'tracking');
  }

  /**
   * Posts what the table or the tracking line shows now. Before the webview is ready,
   * it replaces what would have shown there: what waits stays the latest, and bounded.
   */
  private show(message: HostMessage): void {
    const slot = (m: HostMessage) =>
      m.type === 'tracking' || m.type === 'init' || m.type === 'personalData' ? m.type : 'table';
    this.dropQueued((m) => slot(m) === slot(message));
    // While personal data is hidden, recipients in clear never reach the webview.
    this.post(
      message.type === 'data' && this.hidesPersonalData ? { type: 'data', data: masked(message.data) } : message,
    );
  }

  /** Decides whether to refresh again by itself, tells the webview, and sets the timer. */
  private track(): void {
    this.clearTimer();
    const data = this.held();
    if (!data || this.isDisposed) {
      return;
    }
    const now = Date.now();
    const tracking = decideTracking(
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
    this.trackingState = tracking;
    this.show({ type: 'tracking', tracking });
    if (tracking.state === 'live') {
      this.trackingTimer = setTimeout(() => void this.load({ auto: true }), Math.max(0, tracking.nextAt - now));
    }
  }

  private onVisibilityChanged(): void {
    if (this.isDisposed || !this.held()) {
      return;
    }
    if (!this.panel.visible) {
      if (this.trackingState.state === 'live') {
        this.track();
      }
      return;
    }
    // Back in view after a pause: catch up at once, then carry on tracking.
    if (this.trackingState.state === 'paused' && !this.request) {
      void this.load({ auto: true });
    }
  }

  private clearTimer(): void {
    if (this.trackingTimer !== undefined) {
      clearTimeout(this.trackingTimer);
      this.trackingTimer = undefined;
    }
  }

  override dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this.request?.abort();
    this.clearTimer();
    super.dispose();
  }

  protected init(): HostMessage {
    return { type: 'init', locale: vscode.env.language, strings: panelStrings(), hidePersonal: this.hidesPersonalData };
  }

  protected async onReady(first: boolean): Promise<void> {
    // Shown again: the reading only if its account still reads, otherwise read again.
    // The first time, a reading already held was posted meanwhile and has just followed `init`.
    const data = this.held();
    if (!data) {
      await this.load();
    } else if (!first) {
      this.show({ type: 'data', data });
      this.show({ type: 'tracking', tracking: this.trackingState });
    }
  }

  protected async onMessage(message: PanelRequest<MessageStatusProtocol>): Promise<void> {
    switch (message.type) {
      case 'refresh':
        return this.load();
      case 'setKey':
        await vscode.commands.executeCommand('partnerExplorer.setApiKey', this.service);
        return;
      case 'copyCsv':
        return copyStatus(this.exportSource, 'csv', this.hidesPersonalData);
      case 'copyMarkdown':
        return copyStatus(this.exportSource, 'markdown', this.hidesPersonalData);
      case 'copyJson':
        return copyStatus(this.exportSource, 'json', this.hidesPersonalData);
      case 'hidePersonal': {
        const wanted = message.hidden === true;
        await this.context.personalData.setHidden(wanted);
        if (this.hidesPersonalData !== wanted) {
          // Still hidden (another level of the setting asks for it): the button shows the truth.
          this.personalDataChanged();
        }
        return;
      }
      case 'copyMessageId':
        await vscode.env.clipboard.writeText(this.messageId);
        void showInfo(vscode.l10n.t('Message id {0} copied to the clipboard.', this.messageId));
        return;
      case 'exportCsv':
        return exportStatusCsv(this.exportSource, this.hidesPersonalData, this.context.log);
      case 'cancelSend':
        if (this.held()?.canCancel) {
          await vscode.commands.executeCommand('partnerExplorer.cancelScheduledSend', this.accountId, this.messageId);
        }
        return;
      case 'recipientStatus': {
        // Only a recipient of the reading on screen, as the table shows it: the webview cannot ask about anyone else.
        const data = this.held();
        const row = Number.isInteger(message.row) ? data?.rows[message.row] : undefined;
        const hidden = this.hidesPersonalData;
        if (data?.canLookUpRecipient && row && (hidden ? row.masked : row.recipient) === message.recipient) {
          await vscode.commands.executeCommand(
            'partnerExplorer.showRecipientStatus',
            this.accountId,
            this.messageId,
            row.recipient,
            hidden,
          );
        }
        return;
      }
    }
  }
}

/** The HTML shell's page: the webview's initial state carries no API data, only what to show. */
function statusPage(
  source: StatusSource,
  messageId: string,
  hidePersonal: boolean,
  restored?: PanelPersistedState,
): WebviewPage {
  const state: PanelPersistedState = {
    service: source.service,
    accountId: source.accountId,
    messageId,
    subject: source.subject === 'tag' ? 'tag' : undefined,
    subaccount: source.subaccount,
    sort: restored?.sort,
    filterText: typeof restored?.filterText === 'string' ? restored.filterText : undefined,
    filterCategory: restored?.filterCategory,
    hidePersonal,
  };
  return {
    title: sourceTitle(source, messageId),
    styles: ['statusPanel.css'],
    script: 'statusPanel.js',
    state,
  };
}

function sourceTitle(source: StatusSource, id: string): string {
  const who = source.subaccount ?? source.accountName;
  return source.subject === 'tag' ? tagPanelTitle(source.service, id, who) : panelTitle(source.service, id, who);
}
