/** Validation of a euro amount typed by a user for a credit transfer. */
export type AmountCheck = { readonly ok: true; readonly amount: string } | { readonly ok: false; readonly reason: 'empty' | 'format' | 'zero' | 'decimals' | 'tooLarge' };

const MAX_AMOUNT = 1_000_000;

/** Accepts `12`, `12.5`, `12,505` (French comma), at most 3 decimals, > 0; returns the canonical text. */
export function checkCreditAmount(input: string): AmountCheck {
  const text = input.trim().replace(/\s/g, '').replace(',', '.');
  if (text === '') {
    return { ok: false, reason: 'empty' };
  }
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) {
    return { ok: false, reason: 'format' };
  }
  if ((m[2] ?? '').length > 3) {
    return { ok: false, reason: 'decimals' };
  }
  const value = Number(text);
  if (value <= 0) {
    return { ok: false, reason: 'zero' };
  }
  if (value > MAX_AMOUNT) {
    return { ok: false, reason: 'tooLarge' };
  }
  const integer = m[1].replace(/^0+(?=\d)/, '');
  const decimals = (m[2] ?? '').replace(/0+$/, '');
  return { ok: true, amount: decimals ? `${integer}.${decimals}` : integer };
}
