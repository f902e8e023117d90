import { isCount, isPositiveInteger } from './fieldShapes';
import { fromProviderDateTime, isProviderDateTime } from './providerDates';
import { bool, list, num, obj, opt, shaped, str, type Infer } from './schema';
import type { NumberLookup, StopEntry, StopPage } from './types';

/**
 * The STOP list and number-lookup answers (see docs/api-decisions.md, "STOP list and
 * number check"), keys in the documented order for positional XML.
 */

const envelope = { success: bool(), code: shaped(num(), 'a count', isCount) };
const dateTime = () => shaped(str(), 'a YYYY-MM-DD HH:MM:SS date', isProviderDateTime);

export const stopListSchema = obj({
  ...envelope,
  nbData: opt(shaped(num(), 'a count', isCount)),
  data: list(
    obj({
      id: shaped(num(), 'a positive integer', isPositiveInteger),
      phoneNumber: str(),
      createdAt: opt(dateTime()),
    }),
  ),
});

export const stopAddSchema = obj({
  ...envelope,
  stopId: opt(shaped(num(), 'a positive integer', isPositiveInteger)),
});

export const envelopeSchema = obj({ ...envelope });

export const lookupSchema = obj({
  ...envelope,
  lookup: list(
    obj({
      request: opt(str()),
      success: bool(),
      countryCode: opt(str()),
      prefixCode: opt(num()),
      phoneNumber: opt(str()),
      type: opt(str()),
      network: opt(str()),
      format: opt(
        obj({
          e164: opt(str()),
          international: opt(str()),
          national: opt(str()),
          rfc3966: opt(str()),
        }),
      ),
    }),
  ),
});

export function toStopPage(raw: Infer<typeof stopListSchema>, page: number): StopPage {
  return {
    page,
    items: raw.data.map((e): StopEntry => ({
      id: e.id,
      phoneNumber: e.phoneNumber,
      ...(e.createdAt ? { createdAtText: e.createdAt, createdAt: fromProviderDateTime(e.createdAt) } : {}),
    })),
  };
}

export function toNumberLookup(raw: Infer<typeof lookupSchema>, asked: string): NumberLookup {
  const first = raw.lookup[0];
  if (!first) {
    return { asked, valid: false };
  }
  const blank = (v: string | undefined) => (v && v.trim() !== '' ? v : undefined);
  const f = first.format;
  const result: NumberLookup = {
    asked,
    valid: first.success,
    country: blank(first.countryCode),
    prefix: first.prefixCode,
    type: blank(first.type),
    network: blank(first.network),
    e164: blank(f?.e164) ?? blank(first.phoneNumber),
    international: blank(f?.international),
    national: blank(f?.national),
  };
  for (const key of Object.keys(result) as (keyof NumberLookup)[]) {
    if (result[key] === undefined) {
      delete result[key];
    }
  }
  return result;
}
