import { compactPhoneNumber } from './phoneNumber';

/**
 * What a user types to ask about recipients: a phone number (`message-status`) or a
 * tag (`bulk-status-by-tag`). Checked before anything is sent.
 */

export type RecipientNumberCheck =
  | { readonly ok: true; readonly number: string }
  | { readonly ok: false; readonly reason: 'empty' | 'characters' | 'length' };

/**
 * A phone number as the provider takes it: international (`+33600000000`) or national
 * (`0600000000`, its own sample). Spaces, dots, dashes and brackets are dropped; a
 * leading `00` becomes `+`. 6 to 15 digits (E.164's bound).
 */
export function checkRecipientNumber(input: string): RecipientNumberCheck {
  let number = compactPhoneNumber(input);
  if (number === '') {
    return { ok: false, reason: 'empty' };
  }
  if (number.startsWith('00')) {
    number = `+${number.slice(2)}`;
  }
  if (!/^\+?\d+$/.test(number)) {
    return { ok: false, reason: 'characters' };
  }
  const digits = number.replace('+', '').length;
  if (digits < 6 || digits > 15) {
    return { ok: false, reason: 'length' };
  }
  return { ok: true, number };
}

export type TagCheck =
  | { readonly ok: true; readonly tag: string }
  | { readonly ok: false; readonly reason: 'empty' | 'tooLong' | 'characters' };

/** Longer tags are paste accidents: the provider's samples use short words (`montag`). */
export const MAX_TAG_LENGTH = 64;

/** A tag: trimmed, 1 to 64 characters, no control characters. */
export function checkTag(input: string): TagCheck {
  const tag = input.trim();
  if (tag === '') {
    return { ok: false, reason: 'empty' };
  }
  if (tag.length > MAX_TAG_LENGTH) {
    return { ok: false, reason: 'tooLong' };
  }
  if (/[\u0000-\u001f\u007f]/.test(tag)) {
    return { ok: false, reason: 'characters' };
  }
  return { ok: true, tag };
}
