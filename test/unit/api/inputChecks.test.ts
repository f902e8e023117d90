import * as assert from 'node:assert/strict';
import { amountSeparators } from '../../../src/api/amountSeparators';
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
  ];
  for (const [language, input, expected] of cases) {
    it(`${language} ${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(checkCreditAmount(input, language), expected);
    });
  }
});

describe("checkCreditAmount: the display language's own separators (issue 24, item 3)", () => {
  type Check = ReturnType<typeof checkCreditAmount>;
  const ok = (amount: string): Check => ({ ok: true, amount });
  const no = (reason: string): Check => ({ ok: false, reason }) as Check;
  const ask = (a: string, b: string): Check => ({ ok: false, reason: 'ambiguous', readings: [a, b] });
  const NBSP = '\u00a0';
  // Per language: plain, grouped, decimal, both, and the texts that read two ways there.
  const table: Record<string, [string, Check][]> = {
    en: [
      ['2500', ok('2500')],
      ['2,500', ok('2500')],
      ['2.50', ok('2.5')],
      ['1,000.50', ok('1000.5')],
      ['1.000', ok('1')],
      ['1.000,50', no('separators')],
    ],
    'zh-cn': [
      ['2,500', ok('2500')],
      ['2.5', ok('2.5')],
      ['1,2', no('commaDecimal')],
    ],
    fr: [
      ['2500', ok('2500')],
      ['2 500', ok('2500')],
      ['2,50', ok('2.5')],
      ['2,500', ok('2.5')],
      ['1,000', ask('1', '1000')],
      ['1.000', ask('1', '1000')],
    ],
    de: [
      ['2500', ok('2500')],
      ['2.500', ask('2.5', '2500')],
      ['2,500', ok('2.5')],
      ['2,50', ok('2.5')],
      ['1.000', ask('1', '1000')],
      ['1,000', ask('1', '1000')],
      ['1.000,50', ok('1000.5')],
      ['1.000.000', ok('1000000')],
      ['12.345,678', ok('12345.678')],
      ['1 000,5', ok('1000.5')],
      ['1,000.50', no('separators')],
      ['1.5', no('pointDecimal')],
      ['0.500', no('pointDecimal')],
      ['1,000,000', no('separators')],
    ],
    es: [
      ['2500', ok('2500')],
      ['2.500', ask('2.5', '2500')],
      ['2,5', ok('2.5')],
      ['1.000', ask('1', '1000')],
      ['1.000,50', ok('1000.5')],
      ['1,000.50', no('separators')],
    ],
    it: [
      ['100', ok('100')],
      ['1.000', ask('1', '1000')],
      ['1,000', ask('1', '1000')],
      ['10.000,25', ok('10000.25')],
      ['0,5', ok('0.5')],
    ],
    'pt-br': [
      ['2,500', ok('2.5')],
      ['1.000', ask('1', '1000')],
      ['1.234.567,5', no('tooLarge')],
      ['999.999,999', ok('999999.999')],
      ['12,5', ok('12.5')],
    ],
    nl: [
      ['1.000', ask('1', '1000')],
      ['100.000', ask('100', '100000')],
      ['1.000,5', ok('1000.5')],
      ['7,919', ok('7.919')],
      ['12.5', no('pointDecimal')],
    ],
    tr: [
      ['1.000', ask('1', '1000')],
      ['1.000,50', ok('1000.5')],
    ],
    pl: [
      ['2500', ok('2500')],
      [`2${NBSP}500,50`, ok('2500.5')],
      ['2,500', ok('2.5')],
      ['1,000', ask('1', '1000')],
      ['1.000', ask('1', '1000')],
      ['1.5', ok('1.5')],
      ['1.000,50', no('separators')],
    ],
    ru: [
      ['2 500', ok('2500')],
      ['2,5', ok('2.5')],
      ['1.000', ask('1', '1000')],
      ['1,000', ask('1', '1000')],
      ['1,000.50', no('separators')],
    ],
    cs: [
      ['1 000,50', ok('1000.5')],
      ['1.500', ask('1.5', '1500')],
    ],
    'de-ch': [
      ["1'000.50", ok('1000.5')],
      ['1\u2019000', ok('1000')],
      ['12.5', ok('12.5')],
      ['1,000', ask('1', '1000')],
      ['1,5', ok('1.5')],
    ],
    // Languages Intl does not know (VS Code's pseudo-locale, a typo): a mark is read both ways.
    'qps-ploc': [
      ['2500', ok('2500')],
      ['2 500', ok('2500')],
      ['2,5', ok('2.5')],
      ['2.5', ok('2.5')],
      ['1,000', ask('1', '1000')],
      ['1.000', ask('1', '1000')],
      ['1,000.50', ok('1000.5')],
      ['1.000,50', ok('1000.5')],
      ['1,000,000', ok('1000000')],
      ['1.000.000', ok('1000000')],
      ['1,00,000', no('commaDecimal')],
    ],
    '': [['1.000', ask('1', '1000')]],
  };
  for (const [language, rows] of Object.entries(table)) {
    for (const [input, expected] of rows) {
      it(`${language || '(no language)'} ${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
        assert.deepEqual(checkCreditAmount(input, language), expected);
      });
    }
  }

  it('reads the separators from Intl, and knows when it does not know the language', () => {
    assert.deepEqual(amountSeparators('de'), { decimal: ',', group: '.' });
    assert.deepEqual(amountSeparators('pt-br'), { decimal: ',', group: '.' });
    assert.deepEqual(amountSeparators('ru'), { decimal: ',', group: 'space' });
    assert.deepEqual(amountSeparators('ja'), { decimal: '.', group: ',' });
    assert.equal(amountSeparators('qps-ploc'), undefined);
    assert.equal(amountSeparators('not a language'), undefined);
  });

  it('every reading it accepts, written back in that language, reads the same (no ambiguity in its own advice)', () => {
    for (const language of ['en', 'fr', 'de', 'es', 'it', 'pt-br', 'nl', 'pl', 'ru', 'de-ch', 'qps-ploc']) {
      for (const amount of ['1', '12.5', '1000', '1000.5', '1234567', '999999.999']) {
        const expected = Number(amount) > 1_000_000 ? no('tooLarge') : ok(amount);
        assert.deepEqual(checkCreditAmount(amountInputText(amount, language), language), expected, language);
      }
    }
  });
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
    assert.equal(amountInputText('1234567.25', 'de'), '1.234.567,25');
    assert.equal(amountInputText('1000.5', 'ru'), '1 000,5');
  });
});
