import { checkPhoneNumber, compactPhoneNumber, isE164 } from './phoneNumber';
import { measureSms } from './smsLength';

/**
 * The provider's rules for a test send, checked before any request (pure, no HTTP):
 * what the send pages say about recipients, sender, message, schedule and size, plus
 * this extension's own bound on a *test* (a handful of recipients). Decisions where
 * the pages are silent or contradict: docs/api-decisions.md, "Sending a test message".
 */

/** A test goes to a handful of people; the API itself takes 500 (code 50). */
export const MAX_TEST_RECIPIENTS = 5;

/** Code 52: "The number of concatenated SMS cannot exceed 10 SMS". */
export const MAX_SMS_PARTS = 10;

/** Sender name: "between 3 and 11 inclusive", no special characters. */
export const SENDER_MIN = 3;
export const SENDER_MAX = 11;

/**
 * The Mail page gives no size for `htmlContent`; its only size is 5 MB per attachment,
 * which bounds the content too (UTF-8 bytes).
 */
export const MAX_HTML_BYTES = 5 * 1024 * 1024;

export type RecipientsCheck =
  | { readonly ok: true; readonly recipients: readonly string[] }
  | { readonly ok: false; readonly reason: 'empty' | 'tooMany' }
  | { readonly ok: false; readonly reason: 'invalid' | 'duplicate'; readonly value: string };

/** Splits a typed list on commas, semicolons and line breaks (spaces may be inside a number). */
function splitList(input: string): string[] {
  return input
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Test recipients: international numbers only (`+…`), read as the STOP list reads them, so
 * `+44 (0)7911 123456` goes to +447911123456 and `+33 0 12 34 56 78` is refused.
 */
export function checkPhoneNumbers(input: string): RecipientsCheck {
  const typed = splitList(input).map(compactPhoneNumber);
  const read = typed.map((v) => {
    const checked = v.startsWith('+') ? checkPhoneNumber(v) : undefined;
    return checked?.ok ? checked.e164 : undefined;
  });
  const bad = read.indexOf(undefined);
  if (bad >= 0) {
    return { ok: false, reason: 'invalid', value: typed[bad] };
  }
  return checkList(read as string[], isE164);
}

/** A plain address: one `@`, no spaces or brackets, a dot in the domain. */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && /^[^\s@,;<>()"[\]]+@[^\s@,;<>()"[\]]+\.[A-Za-z]{2,}$/.test(value);
}

export function checkEmails(input: string): RecipientsCheck {
  return checkList(
    input
      .split(/[,;\s]+/)
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    isEmailAddress,
  );
}

function checkList(values: readonly string[], valid: (v: string) => boolean): RecipientsCheck {
  if (values.length === 0) {
    return { ok: false, reason: 'empty' };
  }
  const bad = values.find((v) => !valid(v));
  if (bad !== undefined) {
    return { ok: false, reason: 'invalid', value: bad };
  }
  const seen = new Set<string>();
  for (const v of values) {
    const key = v.toLowerCase();
    if (seen.has(key)) {
      return { ok: false, reason: 'duplicate', value: v };
    }
    seen.add(key);
  }
  if (values.length > MAX_TEST_RECIPIENTS) {
    return { ok: false, reason: 'tooMany' };
  }
  return { ok: true, recipients: values };
}

export type SenderCheck =
  | { readonly ok: true; readonly sender: string | undefined }
  | { readonly ok: false; readonly reason: 'tooShort' | 'tooLong' | 'characters' };

/** Empty means no sender: the provider then uses an operator short code. */
export function checkSender(input: string): SenderCheck {
  const sender = input.trim();
  if (sender === '') {
    return { ok: true, sender: undefined };
  }
  if (!/^[A-Za-z0-9 ]+$/.test(sender)) {
    return { ok: false, reason: 'characters' };
  }
  if (sender.length < SENDER_MIN) {
    return { ok: false, reason: 'tooShort' };
  }
  if (sender.length > SENDER_MAX) {
    return { ok: false, reason: 'tooLong' };
  }
  return { ok: true, sender };
}

export interface SmsTextOptions {
  readonly unicode?: boolean;
  readonly stopMention?: boolean;
}

export type SmsTextCheck =
  | { readonly ok: true; readonly parts: number }
  | { readonly ok: false; readonly reason: 'empty' }
  | { readonly ok: false; readonly reason: 'tooLong'; readonly parts: number };

export function checkSmsText(text: string, options: SmsTextOptions = {}): SmsTextCheck {
  if (text.trim() === '') {
    return { ok: false, reason: 'empty' };
  }
  const { parts } = measureSms(text, options);
  return parts > MAX_SMS_PARTS ? { ok: false, reason: 'tooLong', parts } : { ok: true, parts };
}

export type HtmlCheck =
  | { readonly ok: true; readonly bytes: number }
  | { readonly ok: false; readonly reason: 'empty' }
  | { readonly ok: false; readonly reason: 'tooLarge'; readonly bytes: number };

export function checkHtmlContent(html: string): HtmlCheck {
  if (html.trim() === '') {
    return { ok: false, reason: 'empty' };
  }
  const bytes = Buffer.byteLength(html, 'utf8');
  return bytes > MAX_HTML_BYTES ? { ok: false, reason: 'tooLarge', bytes } : { ok: true, bytes };
}

/** A later send, as the API takes it: `dd/MM/yyyy`, hour 0–23, minute 0–55 by fives (Paris time). */
export interface Schedule {
  readonly date: string;
  readonly hour: number;
  readonly minute: number;
}

export type ScheduleCheck =
  | { readonly ok: true; readonly schedule: Schedule }
  | { readonly ok: false; readonly reason: 'format' | 'date' | 'minute' | 'past' };

/** Wall-clock parts of `now` in the provider's zone (Paris), for "not in the past". */
function parisNow(now: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
}

/** `25/12/2026 09:30` (Paris time), later than `now`. */
export function checkSchedule(input: string, now: Date = new Date()): ScheduleCheck {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2})[:h](\d{2})\s*$/i.exec(input);
  if (!m) {
    return { ok: false, reason: 'format' };
  }
  const [day, month, year, hour, minute] = m.slice(1).map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (
    hour > 23 ||
    minute > 59 ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return { ok: false, reason: 'date' };
  }
  if (minute % 5 !== 0) {
    return { ok: false, reason: 'minute' };
  }
  if (wall <= parisNow(now)) {
    return { ok: false, reason: 'past' };
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return { ok: true, schedule: { date: `${pad(day)}/${pad(month)}/${year}`, hour, minute } };
}
