/**
 * The messages the message-status panel and its webview exchange. Types only:
 * `media/statusPanel.js` checks itself against them (`// @ts-check`).
 */

export type StatusCategory = 'delivered' | 'failed' | 'waiting' | 'other';

export interface StatusRow {
  readonly recipient: string;
  readonly status: string;
  readonly category: StatusCategory;
  readonly cost: number | null;
  readonly stop: boolean;
  /** Milliseconds since the epoch, or null when the provider gave no date. */
  readonly date: number | null;
}

export interface StatusSummaryEntry {
  /** As the provider wrote it. */
  readonly status: string;
  readonly category: StatusCategory;
  readonly count: number;
}

export interface StatusViewData {
  readonly service: 'sms' | 'mail';
  readonly serviceLabel: string;
  readonly messageId: string;
  readonly fetchedAt: number;
  readonly rows: readonly StatusRow[];
  readonly summary: readonly StatusSummaryEntry[];
}

/** Every string the webview shows, localized by the extension. */
export interface PanelStrings {
  readonly title: string;
  readonly refresh: string;
  readonly copyCsv: string;
  readonly exportCsv: string;
  readonly setKey: string;
  readonly retry: string;
  readonly loading: string;
  readonly filterPlaceholder: string;
  readonly filterLabel: string;
  readonly allStatuses: string;
  readonly statusFilterLabel: string;
  readonly recipient: string;
  readonly status: string;
  readonly cost: string;
  readonly stop: string;
  readonly date: string;
  readonly yes: string;
  readonly no: string;
  readonly summary: string;
  readonly recipientsCount: string;
  readonly shownCount: string;
  readonly updatedAt: string;
  readonly noRows: string;
  readonly categoryDelivered: string;
  readonly categoryFailed: string;
  readonly categoryWaiting: string;
  readonly categoryOther: string;
}

export type HostMessage =
  | { readonly type: 'init'; readonly locale: string; readonly strings: PanelStrings }
  | { readonly type: 'loading' }
  | { readonly type: 'data'; readonly data: StatusViewData }
  | { readonly type: 'error'; readonly message: string; readonly canRetry: boolean; readonly canSetKey: boolean };

export type SortColumn = 'recipient' | 'status' | 'cost' | 'stop' | 'date';

export interface RenderReport {
  readonly rowCount: number;
  readonly shownCount: number;
  /** textContent of the first rendered cells, row by row. */
  readonly firstRows: readonly (readonly string[])[];
  /** Elements found inside the table that the panel never creates (img, script, svg…). */
  readonly foreignElements: number;
  readonly renderMs: number;
}

export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' }
  | { readonly type: 'setKey' }
  | { readonly type: 'copyCsv' }
  | { readonly type: 'exportCsv' }
  | { readonly type: 'rendered'; readonly report: RenderReport };

/** What the webview keeps with `setState` and the serializer gets back after a reload. */
export interface PanelPersistedState {
  readonly service: 'sms' | 'mail';
  readonly messageId: string;
  readonly sort?: { readonly column: SortColumn; readonly descending: boolean };
  readonly filterText?: string;
  readonly filterCategory?: StatusCategory | '';
}
