import type { Money } from '../api';

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
      ? new Intl.NumberFormat(safeLocale(locale), { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals })
      : new Intl.NumberFormat(safeLocale(locale), { minimumFractionDigits: decimals, maximumFractionDigits: decimals }),
  );
  const text = f.format(money.value);
  return currency ? text : `${text} ${money.currency}`.trim();
}

export function formatDateTime(date: Date, locale: string): string {
  return cached(`d:${locale}`, () => new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: 'medium', timeStyle: 'short' })).format(date);
}

export function formatDate(date: Date, locale: string): string {
  return cached(`day:${locale}`, () => new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: 'medium' })).format(date);
}

export function formatTime(date: Date, locale: string): string {
  return cached(`t:${locale}`, () => new Intl.DateTimeFormat(safeLocale(locale), { timeStyle: 'medium' })).format(date);
}
