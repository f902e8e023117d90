import { isCount, isPositiveInteger } from './fieldShapes';
import { fromProviderDateTime, isProviderDateTime } from './providerDates';
import { providerText } from './providerText';
import { bool, list, num, obj, opt, SchemaError, shaped, str, type Infer } from './schema';
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

/*
 * A refused row is `request, success, message` (recorded by the provider's Go SDK). In
 * positional XML its third entry must find its field: the reason is a sentence (three words
 * or more, ending with its mark), which no name field and no number takes.
 */
const isSentence = (v: string) => /[.!?…]$/.test(v.trim()) && v.trim().split(/\s+/).length >= 3;
const name = () => shaped(str(), 'a name', (v: string) => !isSentence(v));

export const lookupSchema = obj({
  ...envelope,
  lookup: list(
    obj({
      request: opt(str()),
      success: bool(),
      countryCode: opt(name()),
      prefixCode: opt(num()),
      phoneNumber: opt(shaped(str(), 'a phone number', (v: string) => /^[\s+\d().-]*$/.test(v))),
      type: opt(name()),
      network: opt(name()),
      format: opt(
        shaped(
          obj({
            e164: opt(str()),
            international: opt(str()),
            national: opt(str()),
            rfc3966: opt(str()),
          }),
          'the number in its formats',
          (f) => Object.values(f).some((v) => v !== undefined),
        ),
      ),
      /** Why the number was refused (`success: false`), in the provider's words. */
      message: opt(shaped(str(), 'a sentence', isSentence)),
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

/**
 * The entry about the number asked: the one whose `request`, `phoneNumber` or E.164 format
 * is that number (the provider echoes the request with a leading space: `" +212666123456"`,
 * and the docs print it without its `+`), never one taken by position. None: a SchemaError.
 */
export function toNumberLookup(raw: Infer<typeof lookupSchema>, asked: string): NumberLookup {
  const digits = (v: string | undefined) => (v ?? '').trim().replace(/^\+/, '');
  const entry = raw.lookup.find((e) =>
    [e.request, e.phoneNumber, e.format?.e164].some((v) => v !== undefined && digits(v) === digits(asked)),
  );
  if (!entry) {
    throw new SchemaError('lookup', 'no entry for the number asked');
  }
  const blank = (v: string | undefined) => (v && v.trim() !== '' ? v : undefined);
  const f = entry.format;
  const reason = blank(entry.message);
  const result: NumberLookup = {
    asked,
    valid: entry.success,
    country: blank(entry.countryCode),
    prefix: entry.prefixCode,
    type: blank(entry.type),
    network: blank(entry.network),
    e164: blank(f?.e164) ?? blank(entry.phoneNumber),
    international: blank(f?.international),
    national: blank(f?.national),
    reason: entry.success || reason === undefined ? undefined : providerText(reason),
  };
  for (const key of Object.keys(result) as (keyof NumberLookup)[]) {
    if (result[key] === undefined) {
      delete result[key];
    }
  }
  return result;
}
