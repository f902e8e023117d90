import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanPositionalXml } from '../../../src/api/positionalXmlScanner';
import { parseXmlDocument, parseWithFastXmlParser, XmlSyntaxError, type XmlNode } from '../../../src/api/xmlDocument';
import { createServiceData } from '../../emulator/emulatorData';
import { toPositionalXml } from '../../emulator/positionalXml';
import { generatedAnswer, mutated, seededRandom } from '../helpers/xmlFuzzCorpus';

const SAMPLES = join(__dirname, '../../../../test/fixtures/samples');

/**
 * Answers recorded from the provider's documentation (/work/shared/api/recorded, docs-send.xml
 * and docs-send-error.xml): a leading space before <result>, indentation runs, a text on two lines.
 */
const RECORDED = [
  "<?xml version='1.0' encoding='UTF-8'?>\n<result>\n  <entry>true</entry>\n  <entry>200</entry>\n  <entry>306</entry>\n  <entry>1</entry>\n  <entry>0.038</entry>\n  <entry>\n        <![CDATA[EUR]]>\n  </entry>\n</result>\n",
  "<?xml version='1.0' encoding='UTF-8'?>\n <result>\n          <entry>false</entry>\n          <entry>9</entry>\n          <entry>\n                <entry>\n                  <entry>children[message].data</entry>\n                  <entry>Le message est requis</entry>\n                </entry>\n                <entry>\n                    <entry>children[scheduledDeliveryDate].data</entry>\n                    <entry>La date (21/11/2014 à :) est anterieure à la date actuelle. Si vous\n                     souhaitez l'envoyer maintenant vous devez sélectionner [Envoi immédiat]</entry>\n                </entry>\n      </entry>\n</result>\n",
];

/** The provider's own shapes: its samples, the recorded answers, the emulator's positional XML of the JSON samples. */
function seeds(): string[] {
  const files = readdirSync(SAMPLES);
  const xml = files.filter((f) => f.endsWith('.xml')).map((f) => readFileSync(join(SAMPLES, f), 'utf8'));
  const fromJson = files
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(SAMPLES, f), 'utf8')) as unknown)
    .filter((j): j is Record<string, unknown> => typeof j === 'object' && j !== null && !Array.isArray(j))
    .map(toPositionalXml);
  const rows = createServiceData('mail').messages.get('4242')!.slice(0, 8);
  const status = toPositionalXml({ success: true, code: 200, messageId: '4242', list: rows.map((r) => ({ ...r })) });
  return [...xml, ...RECORDED, ...fromJson, status];
}

type Outcome = { readonly tree: XmlNode } | { readonly refused: string };

function general(xml: string): Outcome {
  try {
    return { tree: parseWithFastXmlParser(xml) };
  } catch (err) {
    assert.ok(err instanceof XmlSyntaxError, String(err));
    return { refused: err.message };
  }
}

const escaped = (xml: string): string =>
  JSON.stringify(xml.length > 400 ? `${xml.slice(0, 400)}…` : xml).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

describe('XML fast path: a seeded differential fuzz against fast-xml-parser (issue 24, item 5)', () => {
  const CASES = 12000;

  it(`gives fast-xml-parser's tree, or leaves the answer to it, on ${CASES} generated and mutated answers`, function () {
    this.timeout(60000);
    const random = seededRandom(20240524);
    const base = seeds();
    const failures: string[] = [];
    let fast = 0;
    let refused = 0;
    for (let n = 0; n < CASES; n++) {
      const roll = random();
      const original = roll < 0.3 ? base[n % base.length] : generatedAnswer(random);
      const xml = roll < 0.15 || (roll >= 0.3 && roll < 0.55) ? original : mutated(random, original);
      const expected = general(xml);
      const scanned = scanPositionalXml(xml);
      if ('refused' in expected) {
        refused++;
      }
      if (scanned !== undefined) {
        fast++;
        if (!('tree' in expected) || !isDeepStrictEqual(scanned, expected.tree)) {
          failures.push(
            `#${n} ${escaped(xml)}: fast path ${'tree' in expected ? 'differs' : `accepts, parser: ${expected.refused}`}`,
          );
        }
      }
      if (n % 10 !== 0) {
        continue;
      }
      // What the client reads (on one answer in ten, to keep the run short): the same tree, or the same refusal.
      let read: Outcome;
      try {
        read = { tree: parseXmlDocument(xml, 'result') };
      } catch (err) {
        read = { refused: (err as Error).message };
      }
      if ('tree' in expected && expected.tree.name === 'result' ? !('tree' in read) : 'tree' in read) {
        failures.push(`#${n} ${escaped(xml)}: parseXmlDocument and fast-xml-parser disagree`);
      }
    }
    assert.deepEqual(failures.slice(0, 8), [], `${failures.length} of ${CASES} differ`);
    // The fuzz reaches both paths and many refusals, or it would prove nothing.
    assert.ok(fast > CASES * 0.3, `${fast} answers took the fast path`);
    assert.ok(refused > CASES * 0.1, `${refused} answers refused`);
  });

  it('the differences the earlier fuzz found are gone', () => {
    const deep = (n: number): string => `<result>${'<entry>'.repeat(n)}x${'</entry>'.repeat(n)}</result>`;
    for (const xml of [
      '<result><entry>a\r\nb</entry><entry><![CDATA[c\rd]]></entry></result>',
      '<result><entry>\u00a0x\u00a0</entry></result>',
      '<result><entry>\u0001<![CDATA[x]]></entry></result>',
      ' <?xml version="1.0"?><result><entry>1</entry></result>',
      '<result><entry xsi:nil="true" xsi:nil="true"/></result>',
      deep(100),
      deep(101),
      '<result><en\u0001try>1</en\u0001try></result>',
      '<result><entry>1</entry\u0001></result>',
      `<result>${'<entry>&#233;</entry>'.repeat(1001)}</result>`,
    ]) {
      const expected = general(xml);
      const scanned = scanPositionalXml(xml);
      assert.ok(
        scanned === undefined || ('tree' in expected && isDeepStrictEqual(scanned, expected.tree)),
        escaped(xml),
      );
    }
    // XML's end-of-line handling: what both give.
    assert.equal(scanPositionalXml('<result><entry>a\r\nb</entry></result>')?.children[0].text, 'a\nb');
    // More than 1,000 references is a long answer, not an attack: both read it.
    assert.equal(
      parseWithFastXmlParser(`<result>${'<entry>&#233;</entry>'.repeat(1001)}</result>`).children.length,
      1001,
    );
  });
});
