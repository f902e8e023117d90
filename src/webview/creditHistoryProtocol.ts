/**
 * The messages the credit-history panel and its webview exchange. Types only:
 * `media/creditHistory.js` checks itself against them (`// @ts-check`).
 */

export interface HistoryPoint {
  /** Milliseconds since the epoch. */
  readonly t: number;
  readonly count: number;
  readonly balance: number;
}

export interface HistorySeries {
  /** The account the readings belong to (its id; never a key). */
  readonly key: string;
  readonly service: 'sms' | 'mail';
  readonly label: string;
  /** What the count counts (SMS, e-mails), localized. */
  readonly unit: string;
  readonly points: readonly HistoryPoint[];
  readonly threshold: number;
  /** The trend sentences the status-bar tooltip shows too. */
  readonly trend: readonly string[];
}

export interface HistoryStrings {
  readonly title: string;
  readonly empty: string;
  readonly date: string;
  readonly count: string;
  readonly balance: string;
  readonly readings: string;
  /** {0}: the threshold. */
  readonly threshold: string;
  readonly clear: string;
  /** {0}: number of readings, {1}: first date, {2}: last date. */
  readonly chartLabel: string;
}

export type HistoryHostMessage =
  | { readonly type: 'init'; readonly locale: string; readonly strings: HistoryStrings }
  | { readonly type: 'data'; readonly series: readonly HistorySeries[] };

export interface HistoryRenderReport {
  readonly series: readonly { readonly service: 'sms' | 'mail'; readonly readings: number; readonly plotted: number }[];
}

export type HistoryWebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'clear'; readonly key: string }
  | { readonly type: 'rendered'; readonly report: HistoryRenderReport };

/** The panel's protocol as a whole (see PanelProtocol in src/panels/webviewPanelBase.ts). */
export interface CreditHistoryProtocol {
  readonly host: HistoryHostMessage;
  readonly webview: HistoryWebviewMessage;
  readonly report: HistoryRenderReport;
}
