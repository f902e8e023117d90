import { isProviderDateTime } from './providerDates';

/**
 * What each kind of field in the provider's answers looks like. These shapes place
 * positional XML entries (see `placeEntries` in schema.ts), so they must tell the
 * optional fields of one object apart: a type is never a token, a date never a cost.
 */

/** `simple` or `advanced`, the only sub-account types the docs list. */
export const isSubaccountType = (v: string): boolean => v === 'simple' || v === 'advanced';

/** An ISO 4217 code such as `EUR` (it goes into Intl currency formatting). */
export const isCurrency = (v: string): boolean => /^[A-Z]{3}$/.test(v);

/** A count of credits, messages, pages or sub-accounts. */
export const isCount = (v: number): boolean => Number.isSafeInteger(v) && v >= 0;

/** An id, a page number, a page size. */
export const isPositiveInteger = (v: number): boolean => Number.isSafeInteger(v) && v > 0;

/** Unix seconds as text (`"1599061044"`); out-of-range values are still dates, shown raw. */
export const isUnixSecondsText = (v: string): boolean => /^\d{1,15}$/.test(v);

/**
 * A recipient's cost: a small non-negative number. The bound keeps it apart from the
 * 9–10-digit Unix seconds that follow it in a status row.
 */
export const isCost = (v: number): boolean => Number.isFinite(v) && v >= 0 && v < 1_000_000;

/**
 * A token or key: text that is not a date, neither `YYYY-MM-DD HH:MM:SS` nor Unix
 * seconds (9 digits or more). Short digit strings such as `007` stay tokens.
 */
export const isTokenText = (v: string): boolean =>
  v.trim() !== '' && !isProviderDateTime(v) && !/^\d{9,}$/.test(v.trim());
