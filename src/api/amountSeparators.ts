/**
 * How a display language writes amounts, as Intl formats them (`formatToParts`), so a
 * typed amount is read the way that language writes it. Pure: the language is passed in.
 */
export interface AmountSeparators {
  /** The decimal mark. */
  readonly decimal: ',' | '.';
  /** What groups thousands: the other mark, a space (any space character) or an apostrophe. */
  readonly group: ',' | '.' | 'space' | 'apostrophe';
}

const known = new Map<string, AmountSeparators | undefined>();

/**
 * The separators of `language` (`vscode.env.language`: `de`, `pt-br`, `zh-cn`…), or undefined
 * when Intl does not know the language (`qps-ploc`, a typo) or writes it with other marks or
 * digits: the reader then reads a mark both ways and asks when both make sense.
 */
export function amountSeparators(language: string): AmountSeparators | undefined {
  if (!known.has(language)) {
    known.set(language, lookUp(language));
  }
  return known.get(language);
}

function lookUp(language: string): AmountSeparators | undefined {
  let locale: string | undefined;
  try {
    locale = Intl.NumberFormat.supportedLocalesOf([language])[0];
  } catch {
    return undefined; // not a language tag at all
  }
  if (!locale) {
    return undefined;
  }
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  const decimal = parts.find((p) => p.type === 'decimal')?.value;
  const group = parts.find((p) => p.type === 'group')?.value ?? '';
  const latinDigits = parts.filter((p) => p.type === 'integer').every((p) => /^\d+$/.test(p.value));
  if (!latinDigits || (decimal !== ',' && decimal !== '.')) {
    return undefined;
  }
  if (group === ',' || group === '.') {
    return group === decimal ? undefined : { decimal, group };
  }
  if (/^\s$/.test(group)) {
    return { decimal, group: 'space' };
  }
  return group === "'" || group === '\u2019' ? { decimal, group: 'apostrophe' } : undefined;
}
