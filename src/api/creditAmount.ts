import { amountSeparators, type AmountSeparators } from './amountSeparators';

/**
 * Euro amounts for credit transfers: what a user types in the display language, and
 * the canonical text the client sends (`1000.5`). See docs/api-decisions.md, "Credit amounts".
 *
 * The separators are the display language's (`amountSeparators`): `1,000.50` in English,
 * `1.000,50` in German, `1 000,50` in French (any space character), `1'000.50` in Swiss
 * German; a space always groups. Where a mark groups thousands, it must group by three
 * (`1,5` in English, `1.5` in German are refused with the reason); the other language's
 * layout is refused. Where spaces group, either mark is read as a decimal mark (numeric keypads).
 * Ambiguous, so the user is asked: in a language whose decimal mark is a comma, one mark
 * then three digits that the other habit reads otherwise (`1.000`, `1.500`, `1,000`; French
 * `1,500` stays 1.5), and in a language Intl does not know, any single mark before three digits.
 */
export type AmountReason =
  | 'empty'
  | 'format'
  | 'zero'
  | 'decimals'
  | 'tooLarge'
  /** A comma groups thousands here, but not by three (`1,5` in English): meant as a decimal? */
  | 'commaDecimal'
  /** A point groups thousands here, but not by three (`1.5` in German): meant as a decimal? */
  | 'pointDecimal'
  /** Separators in another language's layout, or repeated decimal marks. */
  | 'separators';

export type AmountCheck =
  | { readonly ok: true; readonly amount: string }
  | { readonly ok: false; readonly reason: AmountReason }
  /** Two plausible values (canonical texts, the decimal reading first): the user must choose. */
  | { readonly ok: false; readonly reason: 'ambiguous'; readonly readings: readonly [string, string] };

type Mark = ',' | '.';

const MAX_AMOUNT = 1_000_000;
const MAX_DECIMALS = 3;

/** An amount as the user typed it, read in the conventions of `language` (`vscode.env.language`). */
export function checkCreditAmount(input: string, language: string): AmountCheck {
  const text = input.trim();
  if (text === '') {
    return { ok: false, reason: 'empty' };
  }
  const separators = amountSeparators(language);
  const allowed = separators?.group === 'apostrophe' ? /^\d[\d\s,.'\u2019]*$/ : /^\d[\d\s,.]*$/;
  if (!allowed.test(text)) {
    return { ok: false, reason: 'format' };
  }
  if (!separators) {
    return readEitherWay(text);
  }
  const { decimal, group } = separators;
  return group === ',' || group === '.'
    ? readMarkGrouped(text, decimal, group)
    : readSpaceGrouped(text, decimal, false);
}

const other = (mark: Mark): Mark => (mark === ',' ? '.' : ',');
const count = (text: string, mark: Mark) => text.split(mark).length - 1;

/** English `1,000.50`, German `1.000,50`: one mark groups by three, the other marks decimals. */
function readMarkGrouped(text: string, decimal: Mark, group: Mark): AmountCheck {
  const parts = text.split(decimal);
  const [integerPart, decimals = ''] = parts;
  if (parts.length > 2 || decimals.includes(group)) {
    return { ok: false, reason: 'separators' };
  }
  // With a decimal comma, `1.000` is a thousand and `1,000` is one: an English habit reads both the other way.
  const smallInteger = /^[1-9]\d{0,2}$/;
  if (decimal === ',' && parts.length === 1) {
    const [head, tail] = integerPart.split(group);
    if (tail !== undefined && smallInteger.test(head) && /^\d{3}$/.test(tail) && count(integerPart, group) === 1) {
      return ambiguous(head, tail);
    }
  }
  if (decimal === ',' && smallInteger.test(integerPart) && decimals === '000') {
    return ambiguous(integerPart, decimals);
  }
  let integer: string | undefined;
  if (integerPart.includes(group)) {
    const grouped = group === ',' ? /^[1-9]\d{0,2}(,\d{3})+$/ : /^[1-9]\d{0,2}(\.\d{3})+$/;
    if (!grouped.test(integerPart)) {
      return { ok: false, reason: /\s/.test(integerPart) ? 'format' : group === ',' ? 'commaDecimal' : 'pointDecimal' };
    }
    integer = integerPart.split(group).join('');
  } else {
    integer = ungroupSpaces(integerPart);
  }
  return integer === undefined ? { ok: false, reason: 'format' } : finish(integer, decimals);
}

/**
 * French `1 000,50`, Swiss `1'000.50`: spaces (or apostrophes) group, so either mark is a
 * decimal mark; one that is not the language's, before three digits, is asked about, as is `1,000`.
 */
function readSpaceGrouped(text: string, decimal: Mark, askEither: boolean): AmountCheck {
  if (count(text, ',') + count(text, '.') > 1) {
    return { ok: false, reason: 'separators' };
  }
  const mark = text.includes(',') ? ',' : text.includes('.') ? '.' : undefined;
  const [integerPart, decimals = ''] = mark ? text.split(mark) : [text];
  const integer = ungroupSpaces(integerPart);
  if (integer === undefined) {
    return { ok: false, reason: 'format' };
  }
  const groupable = /^[1-9]\d{0,2}$/.test(integerPart) && /^\d{3}$/.test(decimals);
  if (groupable && (askEither || mark !== decimal || decimals === '000')) {
    return ambiguous(integerPart, decimals);
  }
  return finish(integer, decimals);
}

/** A language Intl does not know: whatever every convention reads the same, else ask. */
function readEitherWay(text: string): AmountCheck {
  const commas = count(text, ',');
  const points = count(text, '.');
  if (commas > 0 && points > 0) {
    // `1,000.50` / `1.000,50`: the last mark is the decimal one in every language.
    const decimal: Mark = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    return readMarkGrouped(text, decimal, other(decimal));
  }
  if (commas > 1 || points > 1) {
    // `1,000,000`: a repeated mark can only group.
    const group: Mark = commas > 1 ? ',' : '.';
    return readMarkGrouped(text, other(group), group);
  }
  return readSpaceGrouped(text, '.', true);
}

/** Both readings of `head` mark `tail` (three digits): as decimals first, then as thousands. */
function ambiguous(head: string, tail: string): AmountCheck {
  const asDecimal = finish(head, tail);
  const asThousands = finish(head + tail, '');
  if (asDecimal.ok && asThousands.ok) {
    return { ok: false, reason: 'ambiguous', readings: [asDecimal.amount, asThousands.amount] };
  }
  return asDecimal.ok ? asThousands : asDecimal;
}

/** `1 000 000` (any space character or apostrophe, groups of three) → `1000000`; undefined when badly grouped. */
function ungroupSpaces(part: string): string | undefined {
  if (/^\d+$/.test(part)) {
    return part;
  }
  return /^\d{1,3}([\s'\u2019]\d{3})+$/.test(part) ? part.replace(/[\s'\u2019]/g, '') : undefined;
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

const GROUP_TEXT: Record<AmountSeparators['group'], string> = { ',': ',', '.': '.', space: ' ', apostrophe: "'" };

/**
 * A canonical amount as a user of `language` writes it (`1000.5` → `1 000,5` in French,
 * `1.000,5` in German); in a language Intl does not know, spaces group and a point marks decimals.
 */
export function amountInputText(canonical: string, language: string): string {
  const [integer, decimals] = canonical.split('.');
  const separators = amountSeparators(language) ?? { decimal: '.', group: 'space' };
  // `1.000` reads two ways where the decimal mark is a comma: `1000` does not.
  const oneMarkGroup = separators.decimal === ',' && separators.group === '.' && !decimals && integer.length <= 6;
  const grouped = oneMarkGroup ? integer : integer.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_TEXT[separators.group]);
  return decimals ? `${grouped}${separators.decimal}${decimals}` : grouped;
}
