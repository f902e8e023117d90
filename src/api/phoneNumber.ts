/**
 * Phone numbers as the provider takes them: international format (`+336…`, or `00336…`),
 * or French national format (`06…`, `07…`, `01…`–`09…`) which the provider reads as +33.
 * Spaces, dots, dashes and brackets are ignored. The answer is E.164 or a reason.
 */
export type PhoneCheck =
  { readonly ok: true; readonly e164: string } | { readonly ok: false; readonly reason: PhoneReason };

export type PhoneReason = 'empty' | 'characters' | 'national' | 'length';

/** E.164: a country code and subscriber number, at most 15 digits in all. */
const E164 = /^\+[1-9]\d{7,14}$/;

export function checkPhoneNumber(input: string): PhoneCheck {
  const compact = input.trim().replace(/[\s.\-()\u00a0\u202f]/g, '');
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
  if (!E164.test(international) || (international.startsWith('+33') && international.length !== 12)) {
    return { ok: false, reason: 'length' };
  }
  return { ok: true, e164: international };
}
