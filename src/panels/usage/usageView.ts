import * as vscode from 'vscode';
import { costRangeKey, isPartnerError, SmsClient, type MonthUsage } from '../../api';
import { sleep, withLinkedSignal } from '../../api/abortable';
import type { AccountSession } from '../../accounts/accountSession';
import type { UsageCache } from '../../accounts/usageCache';
import { errorText } from '../../ui/errorText';
import type { UsageHostMessage, UsageProtocol, UsageRange } from '../../webview/usageProtocol';
import type { PartnerLog } from '../../log/partnerLog';
import { WebviewPanelBase, type PanelObserver, type PanelRequest } from '../webviewPanelBase';
import { clock, toCostRange, usageTable } from './usageFormats';
import { usageStrings } from './usageStrings';

/** The endpoint the pacer limits to 5 a minute (PROVIDER_PACE). */
const ENDPOINT = 'statistics/cost-resume';

export interface UsagePanelsOptions {
  readonly extensionUri: vscode.Uri;
  readonly log?: PartnerLog;
  readonly observer?: PanelObserver;
}

/** The open Usage panel of one account and its webview (media/usage.js). */
export class UsageView extends WebviewPanelBase<UsageProtocol> {
  /** The range the user chose last: only its reading is drawn. */
  private wanted: UsageRange;
  /** The reading on its way (waiting for its turn or sent), and how to call it off. */
  private pending: { readonly key: string; readonly abort: AbortController } | undefined;

  constructor(
    panel: vscode.WebviewPanel,
    readonly session: AccountSession,
    private readonly cache: UsageCache,
    private readonly options: UsagePanelsOptions,
    range: UsageRange,
  ) {
    super(panel, {
      extensionUri: options.extensionUri,
      title: vscode.l10n.t('Usage · {0}', session.name),
      page: {
        title: vscode.l10n.t('Usage'),
        styles: ['statusPanel.css', 'charts.css', 'usage.css'],
        shared: ['charts.js'],
        script: 'usage.js',
      },
      observer: options.observer,
    });
    this.wanted = range;
    this.subscriptions.push({ dispose: () => this.pending?.abort.abort() });
    void this.select(range);
  }

  /** Shows `range`: from the cache when read already, else one request when the pacer allows. */
  async select(range: UsageRange, force = false): Promise<void> {
    this.wanted = range;
    const costRange = toCostRange(range);
    if (!costRange) {
      this.post({ type: 'error', range, text: vscode.l10n.t('Choose a start day on or before the end day.') });
      return;
    }
    const client = this.session.client;
    if (!(client instanceof SmsClient)) {
      this.post({
        type: 'error',
        range,
        text: client
          ? vscode.l10n.t(
              '{0} documents no sending statistics: only SMS Partner accounts have them.',
              this.session.label,
            )
          : vscode.l10n.t('{0} has no API key set.', this.session.label),
      });
      return;
    }
    const key = costRangeKey(costRange);
    const cached = this.cache.get(this.session.id, costRange);
    if (cached && !force) {
      this.pending?.abort.abort();
      this.pending = undefined;
      this.postData(range, cached.months, cached.readAt, true);
      return;
    }
    if (this.pending?.key === key) {
      return; // already on its way: a second click asks nothing more
    }
    // A newer choice replaces a reading still waiting for its turn (its turn is given back).
    this.pending?.abort.abort();
    const abort = new AbortController();
    const pending = { key, abort };
    this.pending = pending;
    const waitMs = client.estimateWaitMs(1, ENDPOINT);
    const locale = vscode.env.language;
    this.dropQueued((m) => m.type !== 'init');
    if (waitMs > 500) {
      const at = new Date(Date.now() + waitMs);
      this.post({ type: 'waiting', range, seconds: Math.ceil(waitMs / 1000), at: clock(at, locale, true) });
    } else {
      this.post({ type: 'loading', range });
    }
    try {
      const months = await withLinkedSignal([abort.signal, this.session.accountSignal], async (signal) => {
        // Wait here, not in the pacer's queue: a newer click then costs nothing, and only
        // the reading the user wants last takes one of the 5 a minute.
        for (let wait = waitMs; wait > 0; wait = client.estimateWaitMs(1, ENDPOINT)) {
          await sleep(wait, [signal], () => new Error('superseded'));
        }
        return client.costResume(costRange, { signal });
      });
      const readAt = new Date();
      this.cache.set(this.session.id, costRange, { months, readAt });
      if (this.pending === pending && !this.isDisposed) {
        this.postData(range, months, readAt, false);
      }
    } catch (error) {
      if (abort.signal.aborted || this.isDisposed || this.pending !== pending) {
        return;
      }
      if (!(isPartnerError(error) && error.kind === 'cancelled')) {
        this.options.log?.warn(
          `${this.session.label} (${this.session.id}): reading sending statistics failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      this.post({ type: 'error', range, text: errorText(error) });
    } finally {
      if (this.pending === pending) {
        this.pending = undefined;
      }
    }
  }

  protected init(): UsageHostMessage {
    return { type: 'init', locale: vscode.env.language, strings: usageStrings() };
  }

  protected onReady(first: boolean): void {
    if (!first) {
      void this.select(this.wanted);
    }
  }

  protected onMessage(message: PanelRequest<UsageProtocol>): Promise<void> | void {
    if (message.type === 'range') {
      return this.select(message.range, message.force === true);
    }
  }

  private postData(range: UsageRange, months: readonly MonthUsage[], readAt: Date, cached: boolean): void {
    const currency = this.session.account?.credits.balance.currency ?? 'EUR';
    this.dropQueued((m) => m.type !== 'init');
    this.post({
      type: 'data',
      accountId: this.session.id,
      accountName: this.session.name,
      range,
      ...usageTable(months, currency, vscode.env.language),
      readAt: clock(readAt, vscode.env.language),
      cached,
    });
  }
}
