import * as vscode from 'vscode';
import type { ServiceId } from '../../api';
import type {
  HostMessage,
  MessageStatusProtocol,
  PanelPersistedState,
  StatusViewData,
  TrackingState,
} from '../../webview/messageStatusProtocol';
import { WebviewPanelBase, type PanelRequest } from '../webviewPanelBase';
import { panelStrings } from './panelStrings';
import { statusText, type CopyFormat, type ExportSource } from './statusExport';
import { stillOwned } from './readingOwner';
import { masked, type PersonalDataSwitch } from './personalData';
import { messagePanelOptions, sourceTitle, statusPage } from './statusPage';
import { answerRequest } from './statusRequests';
import { TrackingLoop } from './trackingLoop';
import { sourceError, sourceView, type PanelContext, type StatusSource } from './statusSource';

// The panel's companions stay importable from here, where callers have always found them.
export type { PanelContext, PersonalDataSwitch, StatusSource };
export { messagePanelOptions };

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
  private readonly loop: TrackingLoop;
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
    this.loop = new TrackingLoop({
      enabled: context.liveTracking,
      policy: context.policy,
      visible: () => this.panel.visible,
      show: (tracking) => this.show({ type: 'tracking', tracking }),
      refresh: () => void this.load({ auto: true }),
      held: () => (this.isDisposed ? undefined : this.held()),
      busy: () => this.request !== undefined,
    });
    this.exportSource = {
      service: source.service,
      messageId,
      subject: source.subject,
      subaccount: source.subaccount,
      held: () => this.held(),
    };
    this.subscriptions.push(panel.onDidChangeViewState(() => this.loop.visibilityChanged()));
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
    return this.loop.state;
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
    this.loop.clear();
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
      const data = sourceView(this.source, status, this.held());
      this.data = data;
      this.dataAccount = account;
      this.loop.read(data, auto);
      this.show({ type: 'data', data });
      this.context.onLoaded?.(this);
      this.loop.track();
    } catch (error) {
      // The account changed while reading: the change itself reloads the panel.
      if (request.signal.aborted || this.isDisposed || (account.aborted && !ended)) {
        return;
      }
      if (auto && this.held()) {
        this.loop.failed();
        this.loop.track();
        return;
      }
      // The webview shows the error instead of the table: nothing of it stays to show again or copy.
      this.forget();
      this.show(sourceError(this.source, error, ended));
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
    this.loop.reset();
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

  override dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this.request?.abort();
    this.loop.clear();
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
      this.show({ type: 'tracking', tracking: this.loop.state });
    }
  }

  protected onMessage(message: PanelRequest<MessageStatusProtocol>): Promise<void> {
    return answerRequest(message, {
      service: this.service,
      accountId: this.accountId,
      messageId: this.messageId,
      subaccount: this.subaccount,
      exportSource: this.exportSource,
      hidesPersonalData: this.hidesPersonalData,
      personalData: this.context.personalData,
      log: this.context.log,
      held: () => this.held(),
      load: () => this.load(),
      personalDataChanged: () => this.personalDataChanged(),
    });
  }
}
