/**
 * How long an SMS is, as SMS Partner sends it: GSM 03.38 with the provider's own
 * replacement table (docs: "List of Replaced Characters"), or Unicode with `isUnicode=1`.
 * Pure and offline; the decisions where the docs are silent or odd are in
 * docs/api-decisions.md, "SMS length".
 */
export type SmsEncoding = 'gsm' | 'unicode';

export interface SmsLengthOptions {
  /** `isUnicode=1`: the text is sent as written, 70 units per part, 67 when concatenated. */
  readonly unicode?: boolean;
  /** `isStopSms=1` (Premium range): the provider appends the STOP mention, which is counted. */
  readonly stopMention?: boolean;
}

/** A character (or sequence) the provider replaces or removes when `isUnicode` is off. */
export interface SmsCharChange {
  /** Offset in the input text, in UTF-16 code units (what a VS Code Range uses). */
  readonly offset: number;
  readonly length: number;
  readonly original: string;
  /** What is sent instead; '' when the provider removes it. */
  readonly replacement: string;
  /**
   * True when the provider's table does not list the character and it is outside the GSM
   * alphabet: what the provider does is undocumented; it is counted as removed.
   */
  readonly undocumented?: boolean;
}

export interface SmsLength {
  readonly encoding: SmsEncoding;
  /** The text that will actually be sent: replacements applied, the STOP mention appended. */
  readonly sentText: string;
  /** Units counted (GSM: basic set 1, extension table 2; Unicode: UTF-16 code units). */
  readonly units: number;
  /** Number of SMS parts (0 for an empty text). */
  readonly parts: number;
  /** Units the `parts` parts can hold: 160 / 306 / 459 … in GSM, 70 / 134 / 201 … in Unicode. */
  readonly capacity: number;
  /** Empty when `unicode` is on (sent as written). */
  readonly changes: readonly SmsCharChange[];
}

/** One GSM part alone, and each part of a concatenated message (the rest is the UDH). */
export const GSM_SINGLE = 160;
export const GSM_PART = 153;
export const UNICODE_SINGLE = 70;
export const UNICODE_PART = 67;

/**
 * The mention `isStopSms=1` appends, on a line of its own. The docs do not print it; this is
 * the mention SMS Partner's Premium messages carry (see docs/api-decisions.md).
 */
export const STOP_MENTION = 'STOP au 36180';

/** GSM 03.38 basic character set (one septet each); LF and CR are in it too. */
const GSM_BASIC = new Set(
  Array.from(
    '@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
  ),
);

/** GSM 03.38 extension table: an escape septet and the character, two units. */
const GSM_EXTENSION = new Set(['\f', '^', '{', '}', '\\', '[', ']', '~', '|', '€']);

/**
 * The provider's table. Its targets ‘ and “ are not GSM characters (the page's quotes were
 * typeset): they are read as the straight ' and ". Applied before the GSM check, so the
 * GSM characters it lists (Ä, Ö, Ñ, Ü, ä, ö, ñ, §, [, ], {, }, ^, ~, |, \) are changed too.
 */
const PROVIDER_TABLE: Readonly<Record<string, string>> = {
  ą: 'à',
  '’': "'",
  ÿ: 'y',
  ç: 'Ç',
  û: 'u',
  ü: 'u',
  ï: 'i',
  ô: 'o',
  ö: 'o',
  ó: 'o',
  î: 'i',
  ë: 'e',
  ê: 'e',
  '[': '(',
  ']': ')',
  '{': '(',
  '}': ')',
  '`': "'",
  µ: 'u',
  Ä: 'A',
  À: 'A',
  Á: 'A',
  Â: 'A',
  Ã: 'A',
  È: 'E',
  Ê: 'E',
  Ë: 'E',
  Î: 'I',
  Ü: 'U',
  Ù: 'U',
  Ú: 'U',
  Û: 'U',
  Ý: 'Y',
  ä: 'a',
  á: 'a',
  â: 'a',
  ã: 'a',
  Ö: 'O',
  Ô: 'O',
  œ: 'oe',
  '^': '',
  '~': '',
  '|': '',
  '\\': '',
  '¨': '',
  '°': '.',
  '‘': "'",
  '“': "'",
  ñ: 'n',
  Ñ: 'N',
  '§': '',
  '«': '"',
  '»': '"',
};

/** A line break (`\n`, `\r\n`, `\r` or the provider's `:br:` tag) counts two, as the docs say. */
const LINE_BREAK = /\r\n|\n|\r|:br:/y;

interface Unit {
  readonly text: string;
  readonly size: number;
}

export function measureSms(text: string, options: SmsLengthOptions = {}): SmsLength {
  const withMention = (body: string) => (options.stopMention ? `${body}\n${STOP_MENTION}` : body);
  if (options.unicode) {
    const sentText = withMention(text);
    const units: Unit[] = [];
    for (let offset = 0; offset < sentText.length;) {
      LINE_BREAK.lastIndex = offset;
      const br = LINE_BREAK.exec(sentText);
      const char = br ? br[0] : String.fromCodePoint(sentText.codePointAt(offset)!);
      units.push({ text: char, size: br ? 2 : char.length });
      offset += char.length;
    }
    return { encoding: 'unicode', sentText, changes: [], ...pack(units, UNICODE_SINGLE, UNICODE_PART) };
  }
  const changes: SmsCharChange[] = [];
  const units: Unit[] = [];
  let sent = '';
  let offset = 0;
  while (offset < text.length) {
    LINE_BREAK.lastIndex = offset;
    const br = LINE_BREAK.exec(text);
    if (br) {
      units.push({ text: '\n', size: 2 });
      sent += '\n';
      offset += br[0].length;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(offset)!);
    const replaced = PROVIDER_TABLE[char];
    if (replaced !== undefined) {
      changes.push({ offset, length: char.length, original: char, replacement: replaced });
      for (const c of replaced) {
        units.push({ text: c, size: GSM_EXTENSION.has(c) ? 2 : 1 });
      }
      sent += replaced;
    } else if (GSM_BASIC.has(char) || GSM_EXTENSION.has(char)) {
      units.push({ text: char, size: GSM_EXTENSION.has(char) ? 2 : 1 });
      sent += char;
    } else {
      changes.push({ offset, length: char.length, original: char, replacement: '', undocumented: true });
    }
    offset += char.length;
  }
  if (options.stopMention) {
    units.push({ text: '\n', size: 2 }, ...Array.from(STOP_MENTION, (c) => ({ text: c, size: 1 })));
  }
  return { encoding: 'gsm', sentText: withMention(sent), changes, ...pack(units, GSM_SINGLE, GSM_PART) };
}

/**
 * Parts needed for these units. A two-unit item (an escape pair, a line break, a surrogate
 * pair) is never split across parts: it moves whole to the next one.
 */
function pack(units: readonly Unit[], single: number, part: number): Pick<SmsLength, 'units' | 'parts' | 'capacity'> {
  const total = units.reduce((sum, u) => sum + u.size, 0);
  if (total === 0) {
    return { units: 0, parts: 0, capacity: single };
  }
  if (total <= single) {
    return { units: total, parts: 1, capacity: single };
  }
  let parts = 1;
  let used = 0;
  for (const u of units) {
    if (used + u.size > part) {
      parts++;
      used = 0;
    }
    used += u.size;
  }
  return { units: total, parts, capacity: parts * part };
}
