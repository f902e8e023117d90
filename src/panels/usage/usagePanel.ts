import * as vscode from 'vscode';
import {
  compareDays,
  costRangeKey,
  isPartnerError,
  money,
  parseIsoDay,
  SmsClient,
  type CostRange,
  type MonthUsage,
} from '../../api';
import { sleep, withLinkedSignal } from '../../api/abortable';
import type { AccountSession } from '../../accounts/accountSession';
import type { AccountSessions } from '../../accounts/accountSessions';
import { UsageCache } from '../../accounts/usageCache';
import type { PartnerLog } from '../../log/partnerLog';
import { errorText } from '../../ui/errorText';
import { formatCount, formatMoney } from '../../ui/localeFormat';
import type {
  UsageHostMessage,
  UsageMonth,
  UsagePersistedState,
  UsageProtocol,
  UsageRange,
  UsageStrings,
} from '../../webview/usageProtocol';
import { panelOptions, WebviewPanelBase, type PanelObserver, type PanelRequest } from '../webviewPanelBase';
import { USAGE_VIEW_TYPE } from '../viewTypes';

/** The endpoint the pacer limits to 5 a minute (PROVIDER_PACE). */
const ENDPOINT = 'statistics/cost-resume';

function usageStrings(): UsageStrings {
  return {
    title: vscode.l10n.t('Usage'),
    lastMonth: vscode.l10n.t('Last month'),
    lastTwelveMonths: vscode.l10n.t('Last 12 months'),
    custom: vscode.l10n.t('Custom range'),
    from: vscode.l10n.t('From'),
    to: vscode.l10n.t('To'),
    show: vscode.l10n.t('Show'),
    refresh: vscode.l10n.t('Read Again'),
    month: vscode.l10n.t('Month'),
    sent: vscode.l10n.t('Messages sent'),
    cost: vscode.l10n.t('Cost'),
    total: vscode.l10n.t('Total'),
    empty: vscode.l10n.t('No messages were sent in this range.'),
    readAt: vscode.l10n.t('Read at {0}'),
    waiting: vscode.l10n.t('The provider allows 5 readings a minute: this one goes out in {0} s (at {1}).'),
    loading: vscode.l10n.t('Reading…'),
    badRange: vscode.l10n.t('Choose a start day on or before the end day.'),
    chartLabel: vscode.l10n.t('Messages sent per month, {0} months from {1} to {2}'),
  };
}

/** A range from the webview, checked; undefined when it is not one. */
export function toCostRange(range: UsageRange | undefined): CostRange | undefined {
  switch (range?.kind) {
    case 'lastMonth':
      return { kind: 'lastMonth' };
    case 'lastTwelveMonths':
      return { kind: 'lastTwelveMonths' };
    case 'custom': {
      const from = parseIsoDay(range.from ?? '');
      const to = parseIsoDay(range.to ?? '');
      return from && to && compareDays(from, to) <= 0 ? { kind: 'custom', from, to } : undefined;
    }
    default:
      return undefined;
  }
}

function clock(date: Date, locale: string, seconds = false): string {
  try {
    return new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' } : {}),
    }).format(date);
  } catch {
    return date.toTimeString().slice(0, seconds ? 8 : 5);
  }
}

function monthLabel(m: MonthUsage, locale: string): string {
  const date = new Date(m.year, m.month - 1, 1);
  try {
    return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric' }).format(date);
  } catch {
    return `${m.year}-${String(m.month).padStart(2, '0')}`;
  }
}

/** Milli-euros, exact for the provider's three decimals. */
function milli(text: string): number {
  const [units, decimals = ''] = text.replace(/^-/, '').split('.');
  const value = Number(units) * 1000 + Number(decimals.padEnd(3, '0').slice(0, 3));
  return text.startsWith('-') ? -value : value;
}

export interface UsagePanelsOptions {
  readonly extensionUri: vscode.Uri;
  readonly log?: PartnerLog;
  readonly observer?: PanelObserver;
}

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
        styles: ['statusPanel.css', 'usage.css'],
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
    const locale = vscode.env.language;
    const currency = this.session.account?.credits.balance.currency ?? 'EUR';
    const rows: UsageMonth[] = months.map((m) => ({
      key: `${m.year}-${String(m.month).padStart(2, '0')}`,
      label: monthLabel(m, locale),
      sent: m.sent,
      cost: Number(m.cost),
      sentText: formatCount(m.sent, locale),
      costText: formatMoney(money(m.cost, currency), locale),
    }));
    const totalMilli = months.reduce((sum, m) => sum + milli(m.cost), 0);
    this.dropQueued((m) => m.type !== 'init');
    this.post({
      type: 'data',
      accountId: this.session.id,
      accountName: this.session.name,
      range,
      months: rows,
      totalSentText: formatCount(
        months.reduce((sum, m) => sum + m.sent, 0),
        locale,
      ),
      totalCostText: formatMoney(money((totalMilli / 1000).toFixed(3), currency), locale),
      readAt: clock(readAt, locale),
      cached,
    });
  }
}
