import * as vscode from 'vscode';
import type { ServiceId } from '../../api';
import type { AccountRef, CreditHistory } from '../../accounts/creditHistory';
import type { PartnerSettings } from '../../settings/partnerSettings';
import type {
  CreditHistoryProtocol,
  HistoryHostMessage,
  HistorySeries,
  HistoryStrings,
} from '../../webview/creditHistoryProtocol';
import { trendLines } from '../../ui/creditTrendText';
import { showWarning } from '../../ui/notifications';
import { panelOptions, WebviewPanelBase, type PanelObserver, type PanelRequest } from '../webviewPanelBase';

export const HISTORY_VIEW_TYPE = 'partnerExplorer.creditHistory';

function historyStrings(): HistoryStrings {
  return {
    title: vscode.l10n.t('Credit History'),
    empty: vscode.l10n.t('No readings yet: credits are recorded each time they are read.'),
    date: vscode.l10n.t('Date'),
    count: vscode.l10n.t('Credits'),
    balance: vscode.l10n.t('Balance'),
    readings: vscode.l10n.t('Readings'),
    threshold: vscode.l10n.t('Low-credit threshold: {0}'),
    clear: vscode.l10n.t('Clear History'),
    chartLabel: vscode.l10n.t('{0} readings from {1} to {2}'),
  };
}

/** An account whose curve the panel draws. */
export interface HistoryAccount {
  readonly id: string;
  readonly service: ServiceId;
  /** The title of its chart. */
  readonly title: string;
  /** Whose readings: undefined until the account has been read. */
  readonly readings: AccountRef | undefined;
}

/** What the credit-history panel reads. */
export interface CreditHistoryOptions {
  readonly history: CreditHistory;
  readonly extensionUri: vscode.Uri;
  readonly settings: () => PartnerSettings;
  /** The accounts with a key, in tree order. */
  readonly accounts: () => readonly HistoryAccount[];
  /** Sees what the panel sends and what its webview draws (Test mode only). */
  readonly observer?: PanelObserver;
}

/**
 * `Show Credit History`: one panel drawing each account's credit curve from the
 * readings kept in globalState, redrawn as new readings arrive. Each account shows
 * its own readings, never another account's. This keeps the one open view, if any.
 */
export class CreditHistoryPanel implements vscode.Disposable {
  private current: CreditHistoryView | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly options: CreditHistoryOptions) {
    this.subscription = options.history.onDidChange(() => this.current?.send());
  }

  /** The open view, if any. */
  get view(): CreditHistoryView | undefined {
    return this.current;
  }

  show(): vscode.WebviewPanel {
    if (this.current) {
      this.current.reveal();
      this.current.send();
      return this.current.panel;
    }
    const options = panelOptions(this.options.extensionUri);
    const panel = vscode.window.createWebviewPanel(
      HISTORY_VIEW_TYPE,
      vscode.l10n.t('Credit History'),
      vscode.ViewColumn.Active,
      options,
    );
    const view = new CreditHistoryView(panel, this.options);
    this.current = view;
    view.onDidDispose(() => {
      if (this.current === view) {
        this.current = undefined;
      }
    });
    return panel;
  }

  /** Draws again: a key changed, so whose readings to show may have. */
  refresh(): void {
    this.current?.send();
  }

  dispose(): void {
    this.current?.dispose();
    this.subscription.dispose();
  }
}

/** The open credit-history panel and its webview (media/creditHistory.js). */
export class CreditHistoryView extends WebviewPanelBase<CreditHistoryProtocol> {
  constructor(
    panel: vscode.WebviewPanel,
    private readonly options: CreditHistoryOptions,
  ) {
    super(panel, {
      extensionUri: options.extensionUri,
      title: vscode.l10n.t('Credit History'),
      page: {
        title: vscode.l10n.t('Credit History'),
        styles: ['statusPanel.css', 'charts.css', 'creditHistory.css'],
        shared: ['charts.js'],
        script: 'creditHistory.js',
      },
      observer: options.observer,
    });
    this.send();
  }

  /** Sends every account's curve; a curve still waiting for the webview is replaced. */
  send(): void {
    this.dropQueued((m) => m.type === 'data');
    this.post({ type: 'data', series: this.series() });
  }

  protected init(): HistoryHostMessage {
    return { type: 'init', locale: vscode.env.language, strings: historyStrings() };
  }

  protected onReady(first: boolean): void {
    // The first time, the curves posted at creation have just followed `init`.
    if (!first) {
      this.send();
    }
  }

  protected async onMessage(message: PanelRequest<CreditHistoryProtocol>): Promise<void> {
    switch (message.type) {
      case 'clear': {
        // The account shown when the button was pressed, even if the key changes meanwhile.
        const account = this.options.accounts().find((a) => a.id === message.key);
        if (!account?.readings) {
          return;
        }
        const readings = account.readings;
        const clear = vscode.l10n.t('Clear History');
        const question = vscode.l10n.t('Forget every credit reading of {0}?', account.title);
        const choice = await showWarning(question, { modal: true }, clear);
        if (choice === clear) {
          await this.options.history.forget(readings);
        }
        return;
      }
    }
  }

  private series(): HistorySeries[] {
    const settings = this.options.settings();
    const locale = vscode.env.language;
    return this.options.accounts().map(({ id, service, title, readings }) => {
      const points = readings ? this.options.history.points(readings) : [];
      const last = points[points.length - 1];
      const threshold = settings.lowCreditThreshold[service];
      return {
        key: id,
        service,
        label: title,
        unit: service === 'sms' ? vscode.l10n.t('SMS') : vscode.l10n.t('e-mails'),
        points,
        threshold,
        trend: last ? trendLines(points, last.count, threshold, vscode.l10n.t, locale) : [],
      };
    });
  }
}
