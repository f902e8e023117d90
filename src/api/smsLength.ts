// Placeholder until feat-smslen lands: the lead keeps that branch's version of this file.
export type SmsEncoding = 'gsm' | 'unicode';

export interface SmsLengthOptions {
  /** `isUnicode=1`: the text is sent as written, 70 units per part, 67 when concatenated. */
  readonly unicode?: boolean;
  /** `isStopSms=1` (Premium range): the provider appends the STOP mention, which is counted. */
  readonly stopMention?: boolean;
}

/** A character (or sequence) the provider replaces or removes when `isUnicode` is off. */
export interface SmsCharChange {
  /** Offset in the input text, in UTF-16 code units (what a VS Code Range uses). */
  readonly offset: number;
  readonly length: number;
  readonly original: string;
  /** What is sent instead; '' when the provider removes it. */
  readonly replacement: string;
}

export interface SmsLength {
  readonly encoding: SmsEncoding;
  /** The text that will actually be sent: replacements applied, the STOP mention appended. */
  readonly sentText: string;
  /** Units counted (GSM: basic set 1, extension table 2; Unicode: UTF-16 code units). */
  readonly units: number;
  /** Number of SMS parts (0 for an empty text). */
  readonly parts: number;
  /** Units the `parts` parts can hold: 160 / 306 / 459 … in GSM, 70 / 134 / 201 … in Unicode. */
  readonly capacity: number;
  /** Empty when `unicode` is on (sent as written). */
  readonly changes: readonly SmsCharChange[];
}

const STOP_MENTION = ' STOP SMS 36111';

export function measureSms(text: string, options: SmsLengthOptions = {}): SmsLength {
  const sentText = options.stopMention && text !== '' ? `${text}${STOP_MENTION}` : text;
  const units = sentText.length;
  const [single, part] = options.unicode ? [70, 67] : [160, 153];
  const parts = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / part);
  const capacity = parts <= 1 ? parts * single : parts * part;
  return { encoding: options.unicode ? 'unicode' : 'gsm', sentText, units, parts, capacity, changes: [] };
}
