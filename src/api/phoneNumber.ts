import {
  FRENCH_PLAN_CODES,
  frenchPlanCode,
  isSharedFrenchRange,
  knownCodeOf,
  NATIONAL_LENGTHS,
  TRUNK_ZERO_CODES,
} from './phoneNumberPlan';

/**
 * Phone numbers as the provider takes them: international format (`+336…`, or `00336…`),
 * or French national format (`06…`, `07…`, `01…`–`09…`), which belongs to +33 or, for the
 * overseas departments, to their own code (`0692…` is +262692…; see phoneNumberPlan.ts).
 * Spaces, dots, dashes and brackets are ignored. The answer is E.164 or a reason.
 *
 * The extension's three number checks read the typed text through `compactPhoneNumber`
 * and differ only in what they accept: this one (STOP list, number check) also takes
 * French national numbers and answers E.164; a test send takes E.164 only
 * (`sendRules.checkPhoneNumbers`); a status lookup keeps the number as typed, national or
 * not (`recipientQuery.checkRecipientNumber`), as the provider matches it as it was sent.
 * test/unit/api/phoneNumberDifferential.test.ts compares this reader with libphonenumber-js.
 */
export type PhoneCheck =
  | { readonly ok: true; readonly e164: string }
  | { readonly ok: false; readonly reason: Exclude<PhoneReason, 'countryCode'> }
  /** A number of the French plan written with another territory's code: `expected` is the right one. */
  | { readonly ok: false; readonly reason: 'countryCode'; readonly expected: string };

export type PhoneReason = 'empty' | 'characters' | 'national' | 'length' | 'countryCode';

/**
 * What every phone-number check of the extension reads first: the typed text without the
 * separators people write (spaces, including non-breaking ones, dots, dashes, brackets).
 * `+33 6 12-34.56 78` → `+33612345678`.
 */
export function compactPhoneNumber(input: string): string {
  return input.replace(/[\s.\-()]/g, '');
}

/** E.164: `+`, a country code that does not start with 0, 8 to 15 digits in all. */
export function isE164(value: string): boolean {
  return /^\+[1-9]\d{7,14}$/.test(value);
}

export function checkPhoneNumber(input: string): PhoneCheck {
  const compact = compactPhoneNumber(input);
  if (compact === '') {
    return { ok: false, reason: 'empty' };
  }
  if (!/^(\+|00)?\d+$/.test(compact)) {
    return { ok: false, reason: 'characters' };
  }
  if (compact.startsWith('+') || compact.startsWith('00')) {
    return checkInternational(compact.slice(compact.startsWith('+') ? 1 : 2));
  }
  if (/^0[1-9]\d{8}$/.test(compact)) {
    // A French national number: 0 then nine digits, of France or of an overseas department.
    const national = compact.slice(1);
    return { ok: true, e164: `+${frenchPlanCode(national)}${national}` };
  }
  return { ok: false, reason: 'national' };
}

/** The digits after `+` or `00`. */
function checkInternational(digits: string): PhoneCheck {
  const code = knownCodeOf(digits);
  if (code === undefined) {
    return isE164(`+${digits}`) ? { ok: true, e164: `+${digits}` } : { ok: false, reason: 'length' };
  }
  let national = digits.slice(code.length);
  // The trunk 0 people keep after the code, bracketed or not: `+44 (0)7911…`, `+33 06…`.
  if (TRUNK_ZERO_CODES.has(code) && national.startsWith('0')) {
    national = national.slice(1);
    if (national.startsWith('0')) {
      return { ok: false, reason: 'length' };
    }
  }
  const lengths = NATIONAL_LENGTHS.get(code);
  const e164 = `+${code}${national}`;
  if (!isE164(e164) || (lengths !== undefined && !lengths.includes(national.length))) {
    return { ok: false, reason: 'length' };
  }
  if (FRENCH_PLAN_CODES.has(code) && !isSharedFrenchRange(national)) {
    // `+33 692…` is a Réunion number under France's code: it would reach no one.
    const expected = frenchPlanCode(national);
    if (expected !== code) {
      return { ok: false, reason: 'countryCode', expected };
    }
  }
  return { ok: true, e164 };
}
