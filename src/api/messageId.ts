/** Validation of a message id typed or pasted by a user. */
export type MessageIdCheck =
  | { readonly ok: true; readonly id: string }
  | { readonly ok: false; readonly reason: 'empty' | 'notDigits' | 'tooLong' };

/** Real ids are a handful of digits; anything this long is a paste accident. */
export const MAX_MESSAGE_ID_LENGTH = 20;

/** Trims harmless whitespace (pasted newlines included); the rest must be digits. */
export function checkMessageId(input: string): MessageIdCheck {
  const id = input.replace(/\s+/g, '');
  if (id === '') {
    return { ok: false, reason: 'empty' };
  }
  if (!/^\d+$/.test(id)) {
    return { ok: false, reason: 'notDigits' };
  }
  if (id.length > MAX_MESSAGE_ID_LENGTH) {
    return { ok: false, reason: 'tooLong' };
  }
  return { ok: true, id };
}
