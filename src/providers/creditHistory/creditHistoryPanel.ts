import * as vscode from 'vscode';
import type { ServiceId } from '../../api';
import type { AccountRef, CreditHistory } from '../../accounts/creditHistory';
import type { PartnerSettings } from '../../settings/partnerSettings';
import type { HistoryHostMessage, HistoryRenderReport, HistorySeries, HistoryStrings, HistoryWebviewMessage } from '../../webview/creditHistoryProtocol';
import { trendLines } from '../creditTrendText';
import { webviewHtml } from '../webviewHtml';
import { showWarning } from '../notifications';

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

/**
 * `Show Credit History`: one panel drawing each account's credit curve from the
 * readings kept in globalState, redrawn as new readings arrive. Each account shows
 * its own readings, never another account's.
 */
export class CreditHistoryPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The webview's last report of what it drew. */
  lastRender: HistoryRenderReport | undefined;
  /** What was sent to the webview last, for tests. */
  lastData: readonly HistorySeries[] | undefined;

  constructor(
    private readonly history: CreditHistory,
    private readonly extensionUri: vscode.Uri,
    private readonly settings: () => PartnerSettings,
    private readonly accounts: () => readonly HistoryAccount[],
  ) {
    this.subscriptions.push(history.onDidChange(() => this.send()));
  }

  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  show(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal();
      this.send();
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(HISTORY_VIEW_TYPE, vscode.l10n.t('Credit History'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    this.panel = panel;
    this.ready = false;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'partner.svg');
    panel.webview.html = this.html(panel.webview);
    panel.webview.onDidReceiveMessage((m: HistoryWebviewMessage) => void this.onMessage(m), undefined, this.subscriptions);
    panel.onDidDispose(() => {
      if (this.panel === panel) {this.panel = undefined;}
    }, undefined, this.subscriptions);
    return panel;
  }

  /** Draws again: a key changed, so whose readings to show may have. */
  refresh(): void {
    this.send();
  }

  dispose(): void {
    this.panel?.dispose();
    this.subscriptions.forEach((d) => d.dispose());
  }

  private async onMessage(message: HistoryWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post({ type: 'init', locale: vscode.env.language, strings: historyStrings() });
        this.send();
        return;
      case 'clear': {
        // The account shown when the button was pressed, even if the key changes meanwhile.
        const account = this.accounts().find((a) => a.id === message.key);
        if (!account?.readings) {return;}
        const readings = account.readings;
        const clear = vscode.l10n.t('Clear History');
        const choice = await showWarning(vscode.l10n.t('Forget every credit reading of {0}?', account.title), { modal: true }, clear);
        if (choice === clear) {await this.history.forget(readings);}
        return;
      }
      case 'rendered':
        this.lastRender = message.report;
        return;
    }
  }

  private series(): HistorySeries[] {
    const settings = this.settings();
    const locale = vscode.env.language;
    return this.accounts().map(({ id, service, title, readings }) => {
      const points = readings ? this.history.points(readings) : [];
      const last = points[points.length - 1];
      const threshold = settings.lowCreditThreshold[service];
      return {
        key: id,
        service,
        label: title,
        unit: service === 'sms' ? vscode.l10n.t('SMS') : vscode.l10n.t('e-mails'),
        points,
        threshold,
        trend: last ? trendLines(points, last.count, threshold, locale) : [],
      };
    });
  }

  private send(): void {
    if (!this.panel || !this.ready) {return;}
    const series = this.series();
    this.lastData = series;
    this.post({ type: 'data', series });
  }

  private post(message: HistoryHostMessage): void {
    void this.panel?.webview.postMessage(message);
  }

  private html(webview: vscode.Webview): string {
    return webviewHtml(webview, this.extensionUri, { title: vscode.l10n.t('Credit History'), styles: ['statusPanel.css', 'creditHistory.css'], script: 'creditHistory.js' });
  }
}
