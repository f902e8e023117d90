import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanPositionalXml } from '../../../src/api/positionalXmlScanner';
import { parseWithFastXmlParser, XmlSyntaxError } from '../../../src/api/xmlDocument';
import { createServiceData } from '../../emulator/emulatorData';
import { toPositionalXml } from '../../emulator/positionalXml';

const SAMPLES = join(__dirname, '../../../../test/fixtures/samples');

describe('positional XML: the fast scanner gives exactly what fast-xml-parser gives', () => {
  const documents: [string, string][] = readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.xml'))
    .map((f) => [f, readFileSync(join(SAMPLES, f), 'utf8')]);
  const data = createServiceData('mail');
  const rows = data.messages.get('666')!.concat(data.messages.get('4242')!.slice(0, 5));
  documents.push(
    [
      'emulator: hostile text in CDATA',
      toPositionalXml({
        success: true,
        code: 200,
        messageId: '666',
        list: rows.map((r) => ({
          email: r.recipient,
          token: r.token,
          status: r.status,
          cost: r.cost,
          stop: r.stop,
          date: r.date,
        })),
      }),
    ],
    [
      'emulator: named leaves with escaped text',
      toPositionalXml({
        success: true,
        code: 200,
        user: { username: 'a&b <c> "d"' },
        credits: { n: 1, cur: 'EUR', bal: '1.5' },
      }),
    ],
    [
      'emulator: null, empty list, ]]> inside CDATA',
      toPositionalXml({ success: true, code: 200, a: null, b: [], c: 'x]]>y', d: '' }),
    ],
    [
      'entities and numeric references',
      '<result><entry>a &amp; b &lt;c&gt; &#233;&#x20AC;</entry><entry/><entry xsi:nil="true"/></result>',
    ],
    [
      'single quotes and spacing in attributes',
      "<?xml version='1.0'?>\n<result>\n <entry xsi:nil = 'true' />\n <entry>  spaced  </entry>\n</result>\n",
    ],
  );
  for (const [name, xml] of documents) {
    it(name, () => {
      let expected: unknown;
      try {
        expected = parseWithFastXmlParser(xml);
      } catch (err) {
        assert.ok(err instanceof XmlSyntaxError);
        assert.equal(
          scanPositionalXml(xml)?.name === 'result' ? 'scanned' : 'left to the parser',
          'left to the parser',
          'malformed input must not take the fast path',
        );
        return;
      }
      assert.deepEqual(scanPositionalXml(xml), expected);
    });
  }

  it('leaves anything outside the subset to fast-xml-parser', () => {
    for (const xml of [
      '<result><!-- note --><entry>1</entry></result>',
      '<!DOCTYPE result><result><entry>1</entry></result>',
      '<result><entry>a &nbsp; b</entry></result>',
      '<result><entry>text<b>bold</b></entry></result>',
      '<result><entry>1</entry></result><result/>',
      '<result><entry>1</entry>',
      '<result><entry>1</entri></result>',
      'plain text',
    ]) {
      assert.equal(scanPositionalXml(xml), undefined, xml);
    }
  });
});
