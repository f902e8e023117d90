/**
 * Phone numbers as the provider takes them: international format (`+336…`, or `00336…`),
 * or French national format (`06…`, `07…`, `01…`–`09…`) which the provider reads as +33.
 * Spaces, dots, dashes and brackets are ignored. The answer is E.164 or a reason.
 *
 * The extension's three number checks read the typed text through `compactPhoneNumber`
 * and differ only in what they accept: this one (STOP list, number check) also takes
 * French national numbers and answers E.164; a test send takes E.164 only
 * (`sendRules.checkPhoneNumbers`); a status lookup keeps the number as typed, national or
 * not (`recipientQuery.checkRecipientNumber`), as the provider matches it as it was sent.
 */
export type PhoneCheck =
  { readonly ok: true; readonly e164: string } | { readonly ok: false; readonly reason: PhoneReason };

export type PhoneReason = 'empty' | 'characters' | 'national' | 'length';

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
  let international: string;
  if (compact.startsWith('+')) {
    international = compact;
  } else if (compact.startsWith('00')) {
    international = `+${compact.slice(2)}`;
  } else if (/^0[1-9]\d{8}$/.test(compact)) {
    // A French national number: 0 then nine digits.
    international = `+33${compact.slice(1)}`;
  } else {
    return { ok: false, reason: 'national' };
  }
  // +33 0 6… is a common mistake: the national 0 is dropped after the country code.
  if (/^\+330[1-9]\d{8}$/.test(international)) {
    international = `+33${international.slice(4)}`;
  }
  if (!isE164(international) || (international.startsWith('+33') && international.length !== 12)) {
    return { ok: false, reason: 'length' };
  }
  return { ok: true, e164: international };
}
