/**
 * The messages the message-status panel and its webview exchange. Types only:
 * `media/statusPanel.js` checks itself against them (`// @ts-check`).
 */

export type StatusCategory = 'delivered' | 'failed' | 'waiting' | 'other';

export interface StatusRow {
  readonly recipient: string;
  /** The recipient with most characters hidden, shown when personal data is hidden. */
  readonly masked: string;
  readonly status: string;
  readonly category: StatusCategory;
  readonly cost: number | null;
  readonly stop: boolean;
  /** Milliseconds since the epoch (2000 to 2100), or null when the provider gave no usable date. */
  readonly date: number | null;
  /** The provider's text for a date it sent that is not usable (`"99999999999999"`): shown as it came. */
  readonly dateText?: string;
  /** The status at the previous refresh, when it was different. */
  readonly previousStatus?: string;
}

/** How many recipients moved from one status to another since the previous refresh. */
export interface StatusChange {
  readonly from: string;
  readonly to: string;
  readonly count: number;
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
  readonly changes: readonly StatusChange[];
  /** When the reading `changes` compares with was taken; null for the first reading. */
  readonly previousFetchedAt: number | null;
  /** `tag`: every recipient of the messages sent with the tag `messageId` (bulk-status-by-tag). */
  readonly subject?: 'message' | 'tag';
  /** Offer Cancel Scheduled Send: some recipient is still waiting and the account's own key reads. */
  readonly canCancel?: boolean;
  /** Offer each row's Status of One Recipient (SMS Partner messages read with the account's key). */
  readonly canLookUpRecipient?: boolean;
}

/**
 * Live tracking: `live` while some recipient is still waiting (next refresh at
 * `nextAt`), `paused` while the panel is hidden, `final` once every status is
 * final, `expired` 48 h after the message was sent, `off` when the setting is.
 */
export type TrackingState =
  { readonly state: 'live'; readonly nextAt: number } | { readonly state: 'paused' | 'final' | 'expired' | 'off' };

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
  readonly copyMarkdown: string;
  readonly copyJson: string;
  readonly copyMessageId: string;
  readonly copyAsCode: string;
  readonly hidePersonal: string;
  /** {0}: count, {1}: time of the previous refresh. */
  readonly changesSince: string;
  /** {0}: from, {1}: to, {2}: count. */
  readonly changeEntry: string;
  readonly noChanges: string;
  readonly changedFrom: string;
  /** {0}: time of the next refresh. */
  readonly trackingLive: string;
  readonly trackingPaused: string;
  readonly trackingFinal: string;
  readonly trackingExpired: string;
  /** {0}: tag, {1}: service. */
  readonly tagTitle: string;
  readonly cancelSend: string;
  /** The row action's label: {0}: the recipient as shown. */
  readonly recipientAction: string;
}

export type HostMessage =
  | {
      readonly type: 'init';
      readonly locale: string;
      readonly strings: PanelStrings;
      /** The Hide personal data setting: while on, rows' `recipient` is already masked. */
      readonly hidePersonal: boolean;
    }
  /** The Hide personal data setting changed (the rows follow in a new `data`). */
  | { readonly type: 'personalData'; readonly hidden: boolean }
  | { readonly type: 'loading' }
  | { readonly type: 'data'; readonly data: StatusViewData }
  | { readonly type: 'tracking'; readonly tracking: TrackingState }
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
  /** Copy and export mask recipients as the Hide personal data setting says, not as the webview asks. */
  | { readonly type: 'copyCsv' }
  | { readonly type: 'exportCsv' }
  | { readonly type: 'copyMarkdown' }
  | { readonly type: 'copyJson' }
  | { readonly type: 'copyMessageId' }
  /** The request behind the panel, as code (the extension asks the language). */
  | { readonly type: 'copyAsCode' }
  /** The panel's Hide personal data button: changes the user's setting, which every view follows. */
  | { readonly type: 'hidePersonal'; readonly hidden: boolean }
  | { readonly type: 'cancelSend' }
  /**
   * The row action: the row's place in the reading's rows and its recipient as the table
   * shows it (masked while personal data is hidden; never logged).
   */
  | { readonly type: 'recipientStatus'; readonly row: number; readonly recipient: string }
  | { readonly type: 'rendered'; readonly report: RenderReport };

/** What the webview keeps with `setState` and the serializer gets back after a reload. */
export interface PanelPersistedState {
  readonly service: 'sms' | 'mail';
  /** The account that read it (its id, never its key). */
  readonly accountId?: string;
  readonly messageId: string;
  /** `tag`: `messageId` is a tag (Show Status by Tag). */
  readonly subject?: 'message' | 'tag';
  /** Set when the panel read the message with a sub-account's key (never the key itself). */
  readonly subaccount?: string;
  readonly sort?: { readonly column: SortColumn; readonly descending: boolean };
  readonly filterText?: string;
  readonly filterCategory?: StatusCategory | '';
  /** What the setting said when last shown (older panels saved their own switch here: it is not read back). */
  readonly hidePersonal?: boolean;
}

/** The panel's protocol as a whole (see PanelProtocol in src/panels/webviewPanelBase.ts). */
export interface MessageStatusProtocol {
  readonly host: HostMessage;
  readonly webview: WebviewMessage;
  readonly report: RenderReport;
}
