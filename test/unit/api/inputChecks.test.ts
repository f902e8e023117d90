import * as assert from 'node:assert/strict';
import { amountInputText, checkApiAmount, checkCreditAmount } from '../../../src/api/creditAmount';
import { checkMessageId } from '../../../src/api/messageId';

describe('checkMessageId', () => {
  const cases: [string, ReturnType<typeof checkMessageId>][] = [
    ['4242', { ok: true, id: '4242' }],
    ['  4242 \n', { ok: true, id: '4242' }],
    ['42\r\n42', { ok: true, id: '4242' }],
    ['', { ok: false, reason: 'empty' }],
    ['   ', { ok: false, reason: 'empty' }],
    ['12ab', { ok: false, reason: 'notDigits' }],
    ['-12', { ok: false, reason: 'notDigits' }],
    ['12;DROP', { ok: false, reason: 'notDigits' }],
    ['٣٤', { ok: false, reason: 'notDigits' }],
    ['1'.repeat(10_000), { ok: false, reason: 'tooLong' }],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input.slice(0, 12))} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(checkMessageId(input), expected);
    });
  }
});

describe('checkCreditAmount: an amount typed in the display language (issue 12, defect 12)', () => {
  type Check = ReturnType<typeof checkCreditAmount>;
  const ok = (amount: string): Check => ({ ok: true, amount });
  const no = (reason: string): Check => ({ ok: false, reason }) as Check;
  const ambiguous = (a: string, b: string): Check => ({ ok: false, reason: 'ambiguous', readings: [a, b] });
  const NBSP = '\u00a0';
  const NNBSP = '\u202f';
  const cases: [string, string, Check][] = [
    // English: comma for thousands, point for decimals.
    ['en', '100', ok('100')],
    ['en', '0100.500', ok('100.5')],
    ['en', '1,000.50', ok('1000.5')],
    ['en', '1,000', ok('1000')],
    ['en', '1000.5', ok('1000.5')],
    ['en', '12,345.678', ok('12345.678')],
    ['en', ' 1 000 ', ok('1000')],
    ['en', '7.919', ok('7.919')],
    ['en', '0.001', ok('0.001')],
    ['en', '1,5', no('commaDecimal')],
    ['en', '12,50', no('commaDecimal')],
    ['en', '1,0000', no('commaDecimal')],
    ['en', '1.000,50', no('separators')],
    ['en', '1.000.000', no('separators')],
    ['en', '1,000,5', no('commaDecimal')],
    // French: space (also no-break and narrow no-break) for thousands, comma for decimals.
    ['fr', '1 000,50', ok('1000.5')],
    ['fr', `1${NBSP}000,50`, ok('1000.5')],
    ['fr', `1${NNBSP}000,5`, ok('1000.5')],
    ['fr', '1000,5', ok('1000.5')],
    ['fr', '12,5', ok('12.5')],
    ['fr', '0,338', ok('0.338')],
    ['fr', '1000,000', ok('1000')],
    ['fr', '1 000,000', ok('1000')],
    ['fr', '12.5', ok('12.5')],
    ['fr', '1,000', ambiguous('1', '1000')],
    ['fr', '12,345', ok('12.345')],
    ['fr', '7,919', ok('7.919')],
    ['fr', '1.000', ambiguous('1', '1000')],
    ['fr', '1.500', ambiguous('1.5', '1500')],
    ['fr', '1.000,50', no('separators')],
    ['fr', '1,000.50', no('separators')],
    ['fr', '1,2,3', no('separators')],
    ['fr', '1 00', no('format')],
    // Either language.
    ['en', '', no('empty')],
    ['fr', '   ', no('empty')],
    ['en', '0', no('zero')],
    ['fr', '0,000', no('zero')],
    ['en', '-5', no('format')],
    ['en', '1e3', no('format')],
    ['en', 'abc', no('format')],
    ['en', '12.3456', no('decimals')],
    ['fr', '12,3456', no('decimals')],
    ['en', '5000000', no('tooLarge')],
    ['fr-CA', '1 000,5', ok('1000.5')],
    ['de', '1,000.5', ok('1000.5')],
  ];
  for (const [language, input, expected] of cases) {
    it(`${language} ${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(checkCreditAmount(input, language), expected);
    });
  }
});

describe('checkApiAmount: the canonical amount the client sends', () => {
  const cases: [string, boolean][] = [
    ['100', true],
    ['0.338', true],
    ['0,338', false],
    ['1,000', false],
    ['1 000', false],
    ['0', false],
    ['1.2345', false],
    ['5000000', false],
  ];
  for (const [input, accepted] of cases) {
    it(`${JSON.stringify(input)} → ${accepted ? 'sent' : 'refused'}`, () => {
      assert.equal(checkApiAmount(input).ok, accepted);
    });
  }
});

describe('amountInputText: how to type an amount without ambiguity', () => {
  it('groups with spaces and a decimal comma in French, commas and a point in English', () => {
    assert.equal(amountInputText('1000', 'fr'), '1 000');
    assert.equal(amountInputText('1.5', 'fr'), '1,5');
    assert.equal(amountInputText('1234567.25', 'en'), '1,234,567.25');
    assert.equal(amountInputText('1', 'fr'), '1');
  });
});
