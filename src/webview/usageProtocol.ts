/**
 * The messages the Usage panel (sending statistics, `statistics/cost-resume`) and its
 * webview exchange. Types only: `media/usage.js` checks itself against them (`// @ts-check`).
 */

export type UsageRangeKind = 'lastMonth' | 'lastTwelveMonths' | 'custom';

/** A range as the webview asks for it: days as `YYYY-MM-DD`. */
export interface UsageRange {
  readonly kind: UsageRangeKind;
  readonly from?: string;
  readonly to?: string;
}

export interface UsageMonth {
  /** `2025-03`: stable, for tests and keys. */
  readonly key: string;
  /** The month in the UI language (`Mar 2025`, `mars 2025`). */
  readonly label: string;
  readonly sent: number;
  readonly cost: number;
  /** Formatted in the UI language by the host. */
  readonly sentText: string;
  readonly costText: string;
}

export interface UsageStrings {
  readonly title: string;
  readonly lastMonth: string;
  readonly lastTwelveMonths: string;
  readonly custom: string;
  readonly from: string;
  readonly to: string;
  readonly show: string;
  readonly refresh: string;
  readonly month: string;
  readonly sent: string;
  readonly cost: string;
  readonly total: string;
  readonly empty: string;
  /** {0}: HH:MM */
  readonly readAt: string;
  /** {0}: seconds, {1}: HH:MM */
  readonly waiting: string;
  readonly loading: string;
  readonly badRange: string;
  /** {0}: months, {1}: first, {2}: last */
  readonly chartLabel: string;
}

export interface UsageData {
  readonly type: 'data';
  /** The account (its id; never a key) and what the user calls it. */
  readonly accountId: string;
  readonly accountName: string;
  readonly range: UsageRange;
  readonly months: readonly UsageMonth[];
  readonly totalSentText: string;
  readonly totalCostText: string;
  /** HH:MM of the reading. */
  readonly readAt: string;
  /** Answered from the memory cache, no request. */
  readonly cached: boolean;
}

export type UsageHostMessage =
  | { readonly type: 'init'; readonly locale: string; readonly strings: UsageStrings }
  | UsageData
  | { readonly type: 'loading'; readonly range: UsageRange }
  /** The 5-a-minute budget is spent: the reading goes out in `seconds`, at `at` (HH:MM:SS). */
  | { readonly type: 'waiting'; readonly range: UsageRange; readonly seconds: number; readonly at: string }
  | { readonly type: 'error'; readonly range: UsageRange; readonly text: string };

export interface UsageRenderReport {
  readonly range: UsageRangeKind;
  readonly months: number;
  readonly bars: number;
  /** The table's rows as shown: month, messages, cost. */
  readonly rows: readonly (readonly [string, string, string])[];
}

export type UsageWebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'range'; readonly range: UsageRange; readonly force?: boolean }
  | { readonly type: 'rendered'; readonly report: UsageRenderReport };

/** What the webview keeps with setState, and the serializer restores from. */
export interface UsagePersistedState {
  readonly accountId: string;
  readonly range: UsageRange;
}

/** The panel's protocol as a whole (see PanelProtocol in src/panels/webviewPanelBase.ts). */
export interface UsageProtocol {
  readonly host: UsageHostMessage;
  readonly webview: UsageWebviewMessage;
  readonly report: UsageRenderReport;
}
