import * as assert from 'node:assert/strict';
import metadata from 'libphonenumber-js/metadata.max.json';
import { frenchPlanCode, NATIONAL_LENGTHS, TRUNK_ZERO_CODES } from '../../../src/api/phoneNumberPlan';

/** The parts of libphonenumber-js's compressed metadata these tables come from. */
type Country = readonly unknown[];
const codes = metadata.country_calling_codes as unknown as Record<string, readonly string[]>;
const countries = metadata.countries as unknown as Record<string, Country>;
/** countries[X][5]: the national (trunk) prefix; [3]: lengths; [11]: patterns (0 fixed line, 1 mobile). */
const trunkOf = (region: string): unknown => countries[region][5];
const lengthsOf = (region: string): unknown => countries[region][3];
function patternsOf(region: string): RegExp[] {
  const types = countries[region][11] as ReadonlyArray<readonly [string] | 0 | undefined>;
  return [types[0], types[1]].filter((t) => Array.isArray(t)).map((t) => new RegExp(`^(?:${t[0]})$`));
}

/**
 * Blocks the table gives whole to an overseas department while FR's broad pattern
 * (26[013-9]…, 59[1-35-9]…) also matches the numbers the territory's own pattern has not
 * listed yet: decision 2 of phoneNumberDifferential.test.ts.
 */
const OVERLAPS = ['263', '269', '596', '5987', '5988', '5989'];

describe('Phone numbers: the plan tables are libphonenumber-js metadata', () => {
  it('the trunk-0 country codes are those whose every country writes a national 0', () => {
    const expected = Object.entries(codes)
      .filter(([, regions]) => regions.every((r) => trunkOf(r) === '0'))
      .map(([code]) => code)
      .sort();
    assert.deepEqual([...TRUNK_ZERO_CODES].sort(), expected);
  });

  it("the national lengths are those of each code's main country", () => {
    for (const [code, lengths] of NATIONAL_LENGTHS) {
      assert.deepEqual(lengths, lengthsOf(codes[code][0]), code);
    }
  });

  it('a French national number goes to the territory whose fixed-line or mobile pattern it matches', () => {
    const territories: ReadonlyArray<readonly [string, RegExp[]]> = ['33', '262', '590', '594', '596'].map((code) => [
      code,
      codes[code].flatMap(patternsOf),
    ]);
    const wrong: string[] = [];
    let overseas = 0;
    // Every five leading digits of the geographic and mobile ranges (8 and 9 are shared), two fills each.
    for (let head = 10000; head < 80000; head++) {
      for (const fill of ['0123', '5678']) {
        const national = `${head}${fill}`;
        const owners = territories.filter(([, patterns]) => patterns.some((p) => p.test(national))).map(([c]) => c);
        const abroad = owners.filter((c) => c !== '33');
        const ours = frenchPlanCode(national);
        if (abroad.length > 0) {
          overseas++;
        }
        const fine =
          abroad.length > 0
            ? abroad.length === 1 && ours === abroad[0]
            : owners.length === 0 || ours === '33' || OVERLAPS.some((block) => national.startsWith(block));
        if (!fine) {
          wrong.push(`${national}: ${ours}, metadata ${owners.join('/')}`);
        }
      }
    }
    assert.deepEqual(wrong.slice(0, 20), []);
    assert.ok(overseas > 1000, `${overseas} overseas numbers seen`);
  });
});
