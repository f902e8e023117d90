/**
 * Typed phone numbers for the differential test of the reader (phoneNumberDifferential.test.ts):
 * real-shaped numbers of France, its overseas departments, Belgium, Switzerland, the UK,
 * the US, Morocco, Tunisia, Algeria (and Germany), each written the ways people write
 * them, and refusals. Example numbers follow libphonenumber-js's patterns of each country.
 */

/** A country code, a national significant number, and whether it is written nationally with a 0 too. */
type Base = readonly [code: string, national: string, frenchNational: boolean];

const BASES: readonly Base[] = [
  // France: mobile, Paris, Marseille, south-west, free number, VoIP.
  ['33', '612345678', true],
  ['33', '756789012', true],
  ['33', '142685300', true],
  ['33', '491234567', true],
  ['33', '556781234', true],
  ['33', '800123456', true],
  ['33', '912345678', true],
  // Réunion and Mayotte (+262).
  ['262', '692123456', true],
  ['262', '693501234', true],
  ['262', '262201234', true],
  ['262', '709201234', true],
  ['262', '639012345', true],
  ['262', '269601234', true],
  ['262', '709351234', true],
  // Guadeloupe, Saint-Barthélemy, Saint-Martin (+590).
  ['590', '690001234', true],
  ['590', '691221234', true],
  ['590', '590201234', true],
  ['590', '590271234', true],
  ['590', '590871234', true],
  ['590', '709001234', true],
  ['590', '598701234', true],
  // French Guiana (+594) and Martinique (+596).
  ['594', '694201234', true],
  ['594', '594101234', true],
  ['594', '709301234', true],
  ['596', '696201234', true],
  ['596', '697201234', true],
  ['596', '596301234', true],
  ['596', '709101234', true],
  // Belgium, Switzerland, the UK, the US, Morocco, Tunisia, Algeria, Germany.
  ['32', '470123456', false],
  ['32', '22345678', false],
  ['41', '791234567', false],
  ['41', '441234567', false],
  ['44', '7911123456', false],
  ['44', '2079460958', false],
  ['1', '2125551234', false],
  ['1', '4155552671', false],
  ['212', '612345678', false],
  ['212', '522123456', false],
  ['216', '20123456', false],
  ['216', '71123456', false],
  ['213', '551234567', false],
  ['213', '21123456', false],
  ['49', '15123456789', false],
];

/** `612345678` → `6 12 34 56 78` (French pairs) or groups of three elsewhere. */
function grouped(national: string, separator: string, french: boolean): string {
  const head = french ? national.slice(0, 1) : '';
  const rest = french ? national.slice(1) : national;
  const size = french ? 2 : 3;
  const groups = head ? [head] : [];
  for (let i = 0; i < rest.length; i += size) {
    groups.push(rest.slice(i, i + size));
  }
  return groups.join(separator);
}

function writings([code, national, frenchNational]: Base): string[] {
  const french = frenchNational || code === '33';
  const out = [
    `+${code}${national}`,
    `+${code} ${grouped(national, ' ', french)}`,
    `00${code}${national}`,
    `00 ${code} ${grouped(national, ' ', french)}`,
    `+${code} (0)${grouped(national, ' ', french)}`,
    `+${code} 0${national}`,
    `+${code}.${grouped(national, '.', french)}`,
    `+${code}-${grouped(national, '-', french)}`,
    `+${code}\u00a0${grouped(national, '\u202f', french)}`,
  ];
  if (code === '1') {
    out.push(`+1 (${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`);
  }
  if (frenchNational) {
    out.push(
      `0${national}`,
      `0${grouped(national, ' ', true)}`,
      `0${grouped(national, '.', true)}`,
      `0${grouped(national, '-', true)}`,
      `(0)${national}`,
    );
  }
  return out;
}

/** Refusals, near misses and mistakes people make. */
const ODD: readonly string[] = [
  '',
  '   ',
  '+',
  '00',
  '++33612345678',
  '06 12 34 56 7x',
  'abc',
  '612345678',
  '6 12 34 56 78',
  '06123456789',
  '0612345',
  '0 6 12 34 56',
  '+3361234567',
  '+336123456789',
  '+33 0 12 34 56 78',
  '+33 00 6 12 34 56 78',
  '0033 0 6 12 34 56 78',
  '+33 (0) 6 12 34 56 78 9',
  '+33 692 12 34 56',
  '+33 639 01 23 45',
  '+33 690 00 12 34',
  '+33 594 10 12 34',
  '+33 696 20 12 34',
  '+33 596 30 12 34',
  '+33 262 20 12 34',
  '+262 6 12 34 56 78',
  '+590 692 12 34 56',
  '+596 690 00 12 34',
  '+1 212 555 123',
  '+1 (0)212 555 1234',
  '1 212 555 1234',
  '(212) 555-1234',
  '+44 7911 12345',
  '+44 (0)7911 1234567',
  '07911 123456',
  '+32 4701234567',
  '0470 12 34 56 7',
  '+41 79 123 45 6',
  '+212 6 12 34 56 7',
  '+216 2012345',
  '+216 (0)20 123 456',
  '+213 5512345678',
  '+1234567890123456',
  '+33 6 12 34 56 78 ext 5',
  '06-12-34-56-78-90',
  '+0033612345678',
  '+33 6 12 34 56 78, +33 7 56 78 90 12',
];

export const PHONE_CORPUS: readonly string[] = [...BASES.flatMap(writings), ...ODD];
