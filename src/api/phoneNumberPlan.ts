/**
 * The few facts of the world's numbering plans the phone-number reader needs, copied
 * (not remembered) from libphonenumber-js 1.13.18, `metadata.max.json`: `countries[X][5]`
 * is a country's national (trunk) prefix, `[3]` its national numbers' lengths, and
 * `[11]` its number patterns (fixed line, mobile, …). test/unit/api/phoneNumberPlan.test.ts
 * compares each table with the installed metadata, so an update shows what changed.
 */

/**
 * The overseas departments and collectivities dialled with a French national number
 * (0 + nine digits) but reached through a country code of their own. Leading digits of
 * the nine-digit number, from the fixed-line and mobile patterns of RE, YT (+262),
 * GP, MF, BL (+590), GF (+594) and MQ (+596). Where FR's own patterns also match
 * (263, 269, 596, 5987–5989) the territory wins: the same metadata lists these as its
 * fixed lines. The 8 and 9 ranges (free, shared-cost, VoIP) are left to +33: FR's
 * patterns take all of them and they are not tied to a place.
 */
const OVERSEAS: ReadonlyArray<readonly [string, readonly string[]]> = [
  // RE fixed 26(2\d|30|88), 2631[0-6]; YT fixed 26(89\d|9…); mobile RE 69(2|3)…, 7092[0-3]; YT 639…, 7093[5-7].
  ['262', ['262', '263', '2688', '2689', '269', '639', '692', '693', '7092', '70935', '70936', '70937']],
  // GP/MF/BL fixed 590…, 5987…; mobile 690…, 691(2[2-9]|3[0-5])…, 7090[0-4].
  ['590', ['590', '5987', '690', '691', '7090']],
  // GF fixed 594…, 5988…; mobile 694…, 7093[0-3].
  ['594', ['594', '5988', '694', '70930', '70931', '70932', '70933']],
  // MQ fixed 596…, 5989…; mobile 69[67]…, 7091[0-3].
  ['596', ['596', '5989', '696', '697', '7091']],
];

/** The country codes a French national number can belong to. */
export const FRENCH_PLAN_CODES: ReadonlySet<string> = new Set(['33', ...OVERSEAS.map(([code]) => code)]);

/** The country code of a nine-digit French national significant number (without its 0). */
export function frenchPlanCode(nationalNumber: string): string {
  for (const [code, prefixes] of OVERSEAS) {
    if (prefixes.some((p) => nationalNumber.startsWith(p))) {
      return code;
    }
  }
  return '33';
}

/** Whether the number is in the 8 or 9 ranges, which every code of the French plan has. */
export function isSharedFrenchRange(nationalNumber: string): boolean {
  return nationalNumber[0] === '8' || nationalNumber[0] === '9';
}

/**
 * The country calling codes whose countries all write a trunk prefix `0` before national
 * numbers (`countries[X][5] === "0"` for every region of the code). After such a code the
 * 0 is dropped, bracketed or not (`+44 (0)7911…` is +447911…); after the others (Italy's
 * +39 06…, Spain's +34…) a 0 is part of the number and kept.
 */
export const TRUNK_ZERO_CODES: ReadonlySet<string> = new Set(
  (
    '20 27 31 32 33 40 41 43 44 46 49 51 53 54 55 57 58 60 61 62 63 64 66 81 82 84 86 90 91 92 93 94 95 98 ' +
    '211 212 213 218 231 232 233 234 243 249 250 251 252 254 255 256 260 261 262 263 264 265 291 ' +
    '353 355 358 359 370 373 374 377 380 381 382 383 385 386 387 389 421 423 508 590 591 593 594 595 596 598 ' +
    '686 850 855 856 880 886 961 962 963 964 966 967 970 971 972 976 977 994 995 996'
  ).split(' '),
);

/**
 * National number lengths of the countries this extension's users write to most (France
 * and its overseas departments, its neighbours and the Maghreb, the UK and North America).
 * Other countries get E.164's bounds only; the provider's lookup says the rest.
 */
export const NATIONAL_LENGTHS: ReadonlyMap<string, readonly number[]> = new Map([
  ['33', [9]],
  ['262', [9]],
  ['590', [9]],
  ['594', [9]],
  ['596', [9]],
  ['32', [8, 9]],
  ['41', [9, 12]],
  ['44', [7, 9, 10]],
  ['1', [10]],
  ['212', [9]],
  ['216', [8]],
  ['213', [8, 9]],
]);

/** The country code a number starts with, when it is one of the tables' codes. */
export function knownCodeOf(digits: string): string | undefined {
  // Country codes are prefix-free (no code begins another), so the first match is the one.
  for (const length of [1, 2, 3]) {
    const code = digits.slice(0, length);
    if (TRUNK_ZERO_CODES.has(code) || NATIONAL_LENGTHS.has(code)) {
      return code;
    }
  }
  return undefined;
}
