/**
 * Euro amounts for credit transfers: what a user types in the display language, and
 * the canonical text the client sends (`1000.5`).
 *
 * English: a comma groups thousands, a point marks decimals (`1,000.50`, `1000.5`).
 * French: a space (also no-break or narrow no-break) groups thousands, a comma marks
 * decimals (`1 000,50`, `1000,5`); a point is read as a decimal mark too (numeric
 * keypads), except before exactly three digits. Any other language reads as English.
 * Refused, with the reason: a comma an English reader cannot place (`1,5`), the other
 * language's layout (`1.000,50` in English, `1,000.50` in French), and in French the
 * texts an English habit reads as thousands: `1,000` (1 or 1 000?) and `1.500`.
 */
export type AmountReason =
  | 'empty'
  | 'format'
  | 'zero'
  | 'decimals'
  | 'tooLarge'
  /** English: a comma that is not a thousands separator (`1,5`): the user meant a decimal? */
  | 'commaDecimal'
  /** Separators in the other language's layout, or repeated decimal marks. */
  | 'separators';

export type AmountCheck =
  | { readonly ok: true; readonly amount: string }
  | { readonly ok: false; readonly reason: AmountReason }
  /** Two plausible values (canonical texts, the decimal reading first): the user must choose. */
  | { readonly ok: false; readonly reason: 'ambiguous'; readonly readings: readonly [string, string] };

export type AmountConvention = 'en' | 'fr';

const MAX_AMOUNT = 1_000_000;
const MAX_DECIMALS = 3;

export function amountConvention(language: string): AmountConvention {
  return language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** An amount as the user typed it, read in the conventions of `language` (`vscode.env.language`). */
export function checkCreditAmount(input: string, language: string): AmountCheck {
  const text = input.trim();
  if (text === '') {
    return { ok: false, reason: 'empty' };
  }
  if (!/^\d[\d\s,.]*$/.test(text)) {
    return { ok: false, reason: 'format' };
  }
  return amountConvention(language) === 'fr' ? readFrench(text) : readEnglish(text);
}

function readEnglish(text: string): AmountCheck {
  const points = text.split('.').length - 1;
  const point = text.indexOf('.');
  const integerPart = point < 0 ? text : text.slice(0, point);
  const decimals = point < 0 ? '' : text.slice(point + 1);
  if (points > 1 || decimals.includes(',')) {
    return { ok: false, reason: 'separators' };
  }
  let integer: string | undefined;
  if (integerPart.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+$/.test(integerPart)) {
      return { ok: false, reason: /\s/.test(integerPart) ? 'format' : 'commaDecimal' };
    }
    integer = integerPart.replace(/,/g, '');
  } else {
    integer = ungroupSpaces(integerPart);
  }
  return integer === undefined ? { ok: false, reason: 'format' } : finish(integer, decimals);
}

function readFrench(text: string): AmountCheck {
  const commas = text.split(',').length - 1;
  const points = text.split('.').length - 1;
  if (commas + points > 1) {
    return { ok: false, reason: 'separators' };
  }
  const mark = commas ? ',' : points ? '.' : undefined;
  const [integerPart, decimals = ''] = mark ? text.split(mark) : [text];
  const integer = ungroupSpaces(integerPart);
  if (integer === undefined) {
    return { ok: false, reason: 'format' };
  }
  // `1,000` or `1.500`: an English or old-style grouping as much as a decimal mark.
  const groupable = /^[1-9]\d{0,2}$/.test(integerPart) && /^\d{3}$/.test(decimals);
  if (groupable && (mark === '.' || decimals === '000')) {
    const asDecimal = finish(integer, decimals);
    const asThousands = finish(integer + decimals, '');
    if (asDecimal.ok && asThousands.ok) {
      return { ok: false, reason: 'ambiguous', readings: [asDecimal.amount, asThousands.amount] };
    }
  }
  return finish(integer, decimals);
}

/** `1 000 000` (any space character, groups of three) → `1000000`; undefined when badly grouped. */
function ungroupSpaces(part: string): string | undefined {
  if (/^\d+$/.test(part)) {
    return part;
  }
  return /^\d{1,3}(\s\d{3})+$/.test(part) ? part.replace(/\s/g, '') : undefined;
}

function finish(integerDigits: string, decimalDigits: string): AmountCheck {
  if (!/^\d+$/.test(integerDigits) || !/^\d*$/.test(decimalDigits)) {
    return { ok: false, reason: 'format' };
  }
  if (decimalDigits.length > MAX_DECIMALS) {
    return { ok: false, reason: 'decimals' };
  }
  const value = Number(`${integerDigits}.${decimalDigits || '0'}`);
  if (value <= 0) {
    return { ok: false, reason: 'zero' };
  }
  if (value > MAX_AMOUNT) {
    return { ok: false, reason: 'tooLarge' };
  }
  const integer = integerDigits.replace(/^0+(?=\d)/, '');
  const decimals = decimalDigits.replace(/0+$/, '');
  return { ok: true, amount: decimals ? `${integer}.${decimals}` : integer };
}

/** The canonical amount the client sends (`12`, `12.5`, at most 3 decimals): no locale, no grouping. */
export function checkApiAmount(amount: string): AmountCheck {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  return m ? finish(m[1], m[2] ?? '') : { ok: false, reason: amount.trim() === '' ? 'empty' : 'format' };
}

/** A canonical amount as a user of `language` would type it unambiguously (`1000` → `1 000` in French). */
export function amountInputText(canonical: string, language: string): string {
  const [integer, decimals] = canonical.split('.');
  const fr = amountConvention(language) === 'fr';
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, fr ? ' ' : ',');
  return decimals ? `${grouped}${fr ? ',' : '.'}${decimals}` : grouped;
}
