import * as assert from 'node:assert/strict';
import { measureSms, STOP_MENTION, type SmsLengthOptions } from '../../../src/api/smsLength';

const a = (n: number) => 'a'.repeat(n);

/** [title, text, options, parts, units, capacity]: expected values worked out by hand from the rules. */
const CASES: ReadonlyArray<[string, string, SmsLengthOptions, number, number, number]> = [
  ['empty text', '', {}, 0, 0, 160],
  ['160 GSM characters: one SMS', a(160), {}, 1, 160, 160],
  ['161: two parts of 153', a(161), {}, 2, 161, 306],
  ['306: still two', a(306), {}, 2, 306, 306],
  ['307: three', a(307), {}, 3, 307, 459],
  ['153 × 4 = 612: four', a(612), {}, 4, 612, 612],
  ['€ counts two: 80 of them fill one SMS', '€'.repeat(80), {}, 1, 160, 160],
  ['81 €: 76 per part (an escape pair is never split)', '€'.repeat(81), {}, 2, 162, 306],
  ['an escape pair at a part boundary moves whole to the next part', `${a(152)}€${a(152)}`, {}, 3, 306, 459],
  ['[ and ] are replaced by ( and ): one unit each, not two', '[ok]', {}, 1, 4, 160],
  ['~ ^ | \\ are removed', 'a~b^c|d\\e', {}, 1, 5, 160],
  ['œ becomes oe: two units', 'cœur', {}, 1, 5, 160],
  ['ç becomes Ç, é stays: GSM characters', 'ça été', {}, 1, 6, 160],
  ['a line break counts two', 'a\nb', {}, 1, 4, 160],
  ['the :br: tag and CRLF count two', 'a:br:b\r\nc', {}, 1, 7, 160],
  ['an emoji is removed without isUnicode', 'ok 😀', {}, 1, 3, 160],
  ['STOP mention: 145 + line break + 13 = 160', a(145), { stopMention: true }, 1, 160, 160],
  ['STOP mention: 146 + 15 = 161 → two parts', a(146), { stopMention: true }, 2, 161, 306],
  ['Unicode: 70 in one part', a(70), { unicode: true }, 1, 70, 70],
  ['Unicode: 71 → two parts of 67', a(71), { unicode: true }, 2, 71, 134],
  ['Unicode: 134 → two', a(134), { unicode: true }, 2, 134, 134],
  ['Unicode: 135 → three', a(135), { unicode: true }, 3, 135, 201],
  ['Unicode: 35 emoji (surrogate pairs) = 70 units, one part', '😀'.repeat(35), { unicode: true }, 1, 70, 70],
  ['Unicode: 36 emoji → two parts (33 per part)', '😀'.repeat(36), { unicode: true }, 2, 72, 134],
  ['Unicode: a surrogate pair is never split', `${a(66)}😀${a(66)}`, { unicode: true }, 3, 134, 201],
  ['Unicode keeps œ and [ as written', 'cœur [x]', { unicode: true }, 1, 8, 70],
  ['Unicode with STOP mention: 55 + 2 + 13 = 70', a(55), { unicode: true, stopMention: true }, 1, 70, 70],
];

describe('SMS length (GSM 03.38 and the provider table)', () => {
  for (const [title, text, options, parts, units, capacity] of CASES) {
    it(title, () => {
      const m = measureSms(text, options);
      assert.deepEqual([m.parts, m.units, m.capacity], [parts, units, capacity]);
      assert.equal(m.encoding, options.unicode ? 'unicode' : 'gsm');
    });
  }

  it('shows the text that will be sent, and where each change is', () => {
    const m = measureSms('L’été [promo] ~ cœur «ok» ”x');
    assert.equal(m.sentText, 'L\'été (promo)  coeur "ok" x');
    assert.deepEqual(
      m.changes.map((c) => [c.offset, c.original, c.replacement, c.undocumented ?? false]),
      [
        [1, '’', "'", false],
        [6, '[', '(', false],
        [12, ']', ')', false],
        [14, '~', '', false],
        [17, 'œ', 'oe', false],
        [21, '«', '"', false],
        [24, '»', '"', false],
        [26, '”', '', true],
      ],
    );
  });

  it('a surrogate pair outside GSM is one change of length 2 at its UTF-16 offset', () => {
    const m = measureSms('a😀b');
    assert.deepEqual(m.changes, [{ offset: 1, length: 2, original: '😀', replacement: '', undocumented: true }]);
    assert.equal(m.sentText, 'ab');
  });

  it('the STOP mention is appended on a line of its own', () => {
    assert.equal(measureSms('Promo', { stopMention: true }).sentText, `Promo\n${STOP_MENTION}`);
    assert.deepEqual(measureSms('cœur', { unicode: true }).changes, []);
  });
});
