import { isSaneTime, type Money } from '../api';

/** Number and date formatting in the user's UI language (`vscode.env.language`). */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

function safeLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en';
  } catch {
    return 'en';
  }
}

export function formatCount(value: number, locale: string): string {
  return cached(`n:${locale}`, () => new Intl.NumberFormat(safeLocale(locale))).format(value);
}

/** Keeps the provider's own precision (`10225.119` shows three decimals). */
export function formatMoney(money: Money, locale: string): string {
  const decimals = Math.min(3, Math.max(2, money.amount.split('.')[1]?.length ?? 0));
  const currency = /^[A-Z]{3}$/.test(money.currency) ? money.currency : undefined;
  const f = cached(`m:${locale}:${currency}:${decimals}`, () =>
    currency
      ? new Intl.NumberFormat(safeLocale(locale), {
          style: 'currency',
          currency,
          minimumFractionDigits: decimals,
          maximumFractionDigits: decimals,
        })
      : new Intl.NumberFormat(safeLocale(locale), { minimumFractionDigits: decimals, maximumFractionDigits: decimals }),
  );
  const text = f.format(money.value);
  return currency ? text : `${text} ${money.currency}`.trim();
}

/*
 * Dates: a provider date that is not a valid time between 2000 and 2100 (see SANE_DATES)
 * shows as `raw`, the provider's own text, so no value it sends can make Intl throw.
 */

export function formatDateTime(date: Date | undefined, locale: string, raw = ''): string {
  return formatSafely(date, raw, () =>
    cached(
      `d:${locale}`,
      () => new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }),
    ),
  );
}

export function formatDate(date: Date | undefined, locale: string, raw = ''): string {
  return formatSafely(date, raw, () =>
    cached(`day:${locale}`, () => new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: 'medium' })),
  );
}

/** A time of this machine's clock (when something was read): any valid date is shown. */
export function formatTime(date: Date | undefined, locale: string, raw = ''): string {
  const valid = date !== undefined && Number.isFinite(date.getTime());
  if (!valid) {
    return raw;
  }
  return cached(`t:${locale}`, () => new Intl.DateTimeFormat(safeLocale(locale), { timeStyle: 'medium' })).format(date);
}

function formatSafely(date: Date | undefined, raw: string, format: () => Intl.DateTimeFormat): string {
  return date && isSaneTime(date.getTime()) ? format().format(date) : raw;
}
