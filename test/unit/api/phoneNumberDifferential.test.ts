import * as assert from 'node:assert/strict';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { checkPhoneNumber } from '../../../src/api/phoneNumber';
import { PHONE_CORPUS } from './phoneCorpus';

/** Where the overseas departments' national numbers are looked for, after France. */
const OVERSEAS_REGIONS: readonly CountryCode[] = ['RE', 'YT', 'GP', 'MF', 'BL', 'GF', 'MQ'];

/**
 * libphonenumber-js's reading: the number as a French user types it (default country FR);
 * a national number not valid in France is looked for in the overseas departments, whose
 * national numbers are French national numbers too. undefined when it refuses.
 * Decision 1: a narrow no-break space (U+202F, French typography, copied from documents)
 * is a space to the reader; libphonenumber-js refuses it, so it reads a plain space there.
 */
function reference(typed: string): string | undefined {
  const input = typed.replace(/\u202f/g, ' ');
  const read = (country: CountryCode): string | undefined => {
    const parsed = parsePhoneNumberFromString(input, { defaultCountry: country, extract: false });
    return parsed?.isValid() ? parsed.number : undefined;
  };
  const french = read('FR');
  if (french !== undefined || /^\s*(\+|00)/.test(input)) {
    return french;
  }
  for (const region of OVERSEAS_REGIONS) {
    const found = read(region);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}

function ours(input: string): string | undefined {
  const checked = checkPhoneNumber(input);
  return checked.ok ? checked.e164 : undefined;
}

/** [typed, what the reader answers, what libphonenumber-js answers]; undefined is a refusal. */
type Row = readonly [string, string | undefined, string | undefined];

/** Every disagreement with libphonenumber-js, with the reason the reader answers otherwise. */
const DECISIONS: ReadonlyArray<{ readonly why: string; readonly rows: readonly Row[] }> = [
  {
    why:
      'Decision 2: 0263/0269, 0596 and 05987–05989 are fixed lines of Réunion/Mayotte, Martinique, Guadeloupe in ' +
      "libphonenumber-js's own RE/YT/MQ/GP patterns; its FR pattern also matches them, and it reads a national " +
      'number for one country only. The overseas department wins (src/api/phoneNumberPlan.ts).',
    rows: [
      ['0269601234', '+262269601234', '+33269601234'],
      ['02 69 60 12 34', '+262269601234', '+33269601234'],
      ['02.69.60.12.34', '+262269601234', '+33269601234'],
      ['02-69-60-12-34', '+262269601234', '+33269601234'],
      ['(0)269601234', '+262269601234', '+33269601234'],
      ['0598701234', '+590598701234', '+33598701234'],
      ['05 98 70 12 34', '+590598701234', '+33598701234'],
      ['05.98.70.12.34', '+590598701234', '+33598701234'],
      ['05-98-70-12-34', '+590598701234', '+33598701234'],
      ['(0)598701234', '+590598701234', '+33598701234'],
      ['0596301234', '+596596301234', '+33596301234'],
      ['05 96 30 12 34', '+596596301234', '+33596301234'],
      ['05.96.30.12.34', '+596596301234', '+33596301234'],
      ['05-96-30-12-34', '+596596301234', '+33596301234'],
      ['(0)596301234', '+596596301234', '+33596301234'],
      // The same number under France's code: refused with a hint to write +596 (decision 2's other side).
      ['+33 596 30 12 34', undefined, '+33596301234'],
    ],
  },
  {
    why:
      'Decision 3: nine digits without the 0 or a + are refused: libphonenumber-js reads them as French, but they ' +
      'are as often a foreign number without its code; the user is asked for a 0 or a +.',
    rows: [
      ['612345678', undefined, '+33612345678'],
      ['6 12 34 56 78', undefined, '+33612345678'],
    ],
  },
  {
    why:
      "Decision 4: the reader checks a country's lengths, not each range's (a UK mobile has 10 digits, some UK " +
      "numbers 9): the provider's lookup (Check Phone Number) says whether a number exists.",
    rows: [['+44 7911 12345', '+44791112345', undefined]],
  },
  {
    why: 'Decision 5: an SMS number has no extension; libphonenumber-js reads "ext 5" as one, the reader refuses letters.',
    rows: [['+33 6 12 34 56 78 ext 5', undefined, '+33612345678']],
  },
];

describe('Phone numbers: the reader against libphonenumber-js (issue 24, item 4)', () => {
  const documented = new Map(DECISIONS.flatMap((d) => d.rows.map((row) => [row[0], row] as const)));

  it(`reads ${PHONE_CORPUS.length} typed numbers as libphonenumber-js does, but for the documented decisions`, () => {
    assert.ok(PHONE_CORPUS.length >= 200);
    const differences: Row[] = [];
    for (const input of PHONE_CORPUS) {
      const row: Row = [input, ours(input), reference(input)];
      const decided = documented.get(input);
      if (decided ? row[1] !== decided[1] || row[2] !== decided[2] : row[1] !== row[2]) {
        differences.push(row);
      }
    }
    assert.deepEqual(differences, []);
  });

  it('each documented decision is in the corpus and still differs from libphonenumber-js', () => {
    for (const [input, our, theirs] of documented.values()) {
      assert.ok(PHONE_CORPUS.includes(input), input);
      assert.notEqual(our, theirs, input);
    }
  });

  it('covers every territory and way of writing the issue names', () => {
    const read = PHONE_CORPUS.map(ours).filter((e) => e !== undefined);
    for (const code of ['+33', '+262', '+590', '+594', '+596', '+32', '+41', '+44', '+1', '+212', '+216', '+213']) {
      assert.ok(
        read.some((e) => e.startsWith(code)),
        code,
      );
    }
    for (const shape of [/^0\d{9}$/, /^\+\d+$/, /^00/, / /, /\./, /-/, /\(0\)/, /^\+1 \(\d{3}\)/]) {
      assert.ok(
        PHONE_CORPUS.some((i) => shape.test(i) && ours(i) !== undefined),
        String(shape),
      );
    }
    assert.ok(PHONE_CORPUS.filter((i) => ours(i) === undefined).length >= 40);
  });
});
