import { isUnixSecondsText } from './fieldShapes';
import { alias, bool, dec, list, num, obj, opt, shaped, str, type Infer } from './schema';
import { isCount } from './fieldShapes';

/**
 * `statistics/cost-resume` (SMS Partner): messages sent and their cost per month over a
 * range. The provider allows 5 requests a minute (see PROVIDER_PACE in pacer.ts).
 */

/** A calendar day, as the form and the cache key hold it. */
export interface CalendarDay {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

export type CostRange =
  | { readonly kind: 'lastMonth' }
  | { readonly kind: 'lastTwelveMonths' }
  | { readonly kind: 'custom'; readonly from: CalendarDay; readonly to: CalendarDay };

export interface MonthUsage {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** Messages sent. */
  readonly sent: number;
  /** Euros, as the provider's exact decimal text. */
  readonly cost: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `DD-MM-YYYY`, as the docs' example (`from=21-10-2022`). */
export function providerDay(d: CalendarDay): string {
  return `${pad(d.day)}-${pad(d.month)}-${pad(d.year, 4)}`;
}

/** `YYYY-MM-DD`: what the user types and the cache key holds. */
export function isoDay(d: CalendarDay): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** Reads `YYYY-MM-DD` into a real calendar day (no 31 February), or undefined. */
export function parseIsoDay(text: string): CalendarDay | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) {
    return undefined;
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day };
}

export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The query parameters of one range. */
export function costResumeParams(range: CostRange): Record<string, string> {
  switch (range.kind) {
    case 'lastMonth':
      return { interval: 'last_month' };
    case 'lastTwelveMonths':
      return { interval: 'last_twelve_months' };
    case 'custom':
      return { interval: 'custom', from: providerDay(range.from), to: providerDay(range.to) };
  }
}

/** One string per distinct range: the cache key (with the account's id). */
export function costRangeKey(range: CostRange): string {
  return range.kind === 'custom' ? `custom:${isoDay(range.from)}:${isoDay(range.to)}` : range.kind;
}

const digits = (min: number, max: number) => (v: string) => new RegExp(`^\\d{${min},${max}}$`).test(v.trim());

// In the documented order (the positional XML follows it): month, year, m, date, type, cost, nb_send.
const monthRow = obj({
  month: opt(shaped(str(), 'a month name', (v) => /^[^\d\s.,]+$/u.test(v.trim()) && v.trim() !== 'month')),
  year: shaped(str(), 'a four-digit year', digits(4, 4)),
  m: shaped(str(), 'a month number', (v) => digits(1, 2)(v) && Number(v) >= 1 && Number(v) <= 12),
  // Unix seconds: 9 digits or more, so a short count or year is never taken for one.
  date: opt(shaped(str(), 'Unix seconds', (v) => isUnixSecondsText(v) && v.trim().length >= 9)),
  type: opt(shaped(str(), 'a period type', (v) => /^[a-z_]+$/i.test(v.trim()))),
  cost: dec(),
  nb_send: shaped(num(), 'a count', isCount),
});

export const costResumeSchema = obj({
  success: bool(),
  // The docs' sample has no code; every other answer does.
  code: opt(shaped(num(), 'a count', isCount)),
  // `datas` in the docs; `data`, as in every other list answer, read too.
  datas: alias(list(monthRow), 'data'),
});

export function toMonthUsage(raw: Infer<typeof costResumeSchema>): MonthUsage[] {
  return raw.datas
    .map((r) => ({ year: Number(r.year), month: Number(r.m), sent: r.nb_send, cost: r.cost }))
    .sort((a, b) => a.year - b.year || a.month - b.month);
}
