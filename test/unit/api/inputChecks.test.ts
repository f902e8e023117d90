import * as assert from 'node:assert/strict';
import { checkCreditAmount } from '../../../src/api/creditAmount';
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

describe('checkCreditAmount', () => {
  const cases: [string, ReturnType<typeof checkCreditAmount>][] = [
    ['100', { ok: true, amount: '100' }],
    ['0100.500', { ok: true, amount: '100.5' }],
    ['12,345', { ok: true, amount: '12.345' }],
    [' 1 000 ', { ok: true, amount: '1000' }],
    ['0.001', { ok: true, amount: '0.001' }],
    ['', { ok: false, reason: 'empty' }],
    ['0', { ok: false, reason: 'zero' }],
    ['0.000', { ok: false, reason: 'zero' }],
    ['-5', { ok: false, reason: 'format' }],
    ['1e3', { ok: false, reason: 'format' }],
    ['12.3456', { ok: false, reason: 'decimals' }],
    ['5000000', { ok: false, reason: 'tooLarge' }],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(checkCreditAmount(input), expected);
    });
  }
});
