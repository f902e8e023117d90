/**
 * Fault-run rows for the message actions (issues 14 and 15): what a user may type for a
 * cancellation, one recipient or a tag, and what a settings entry may hold for the
 * message-id links. Every refusal happens before any request; the scan stays bounded.
 */
import { checkRecipientNumber, checkTag, createClient, SmsClient } from '../../src/api';
import { exportFileName } from '../../src/panels/messageStatus/exportPath';
import { compilePatterns, findMessageIds } from '../../src/providers/messageLinks/messageIdPatterns';
import type { PartnerEmulator } from '../emulator/partnerEmulator';
import { english, french } from '../unit/helpers/bundleTranslate';

type ExpectInput = (tried: string, saw: string, ok: boolean) => void;

const both = (key: string, ...args: string[]) => `${english(key, ...args)} | FR: ${french(key, ...args)}`;

const NUMBER_TEXT = {
  empty: 'Enter the phone number.',
  characters: 'A phone number has digits only, with an optional + in front.',
  length: 'A phone number has 6 to 15 digits.',
} as const;

const TAG_TEXT = {
  empty: 'Enter the tag the messages were sent with.',
  tooLong: 'A tag has at most {0} characters.',
  characters: 'A tag is one line of text.',
} as const;

export async function messageActionRows(emulator: PartnerEmulator, expectInput: ExpectInput): Promise<void> {
  // Status of One Recipient: the number typed.
  for (const [input, expected] of [
    ['', undefined],
    ['call me', undefined],
    ['12345', undefined],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['0033 6.12.34.56.78', '+33612345678'],
    ['06-12-34-56-78', '0612345678'],
    ['+3361234567890123', undefined],
    ['+33 6 12<script>', undefined],
  ] as const) {
    const check = checkRecipientNumber(input);
    const saw = check.ok ? `sent as ${check.number}` : `refused: ${both(NUMBER_TEXT[check.reason], '')}`;
    expectInput(`recipient number ${JSON.stringify(input)}`, saw, (check.ok ? check.number : undefined) === expected);
  }
  // Show Status by Tag: the tag typed, and the export's file name it gives.
  for (const [input, ok] of [
    ['', false],
    ['   ', false],
    ['x'.repeat(65), false],
    ['a\nb', false],
    ['promo-nov', true],
    ['../../etc/passwd', true],
  ] as const) {
    const check = checkTag(input);
    const saw = check.ok
      ? `read; export proposed as ${exportFileName('sms', check.tag, 'tag')}`
      : `refused: ${both(TAG_TEXT[check.reason], '64')}`;
    const safe = !check.ok || !exportFileName('sms', check.tag, 'tag').includes('/');
    expectInput(
      `tag ${JSON.stringify(input.length > 20 ? `${input.slice(0, 8)}…(${input.length})` : input)}`,
      saw,
      check.ok === ok && safe,
    );
  }
  // Nothing invalid reaches the provider, and a cancel is never sent for a bad id.
  emulator.reset();
  const client = createClient('sms', {
    baseUrl: emulator.apiUrl('sms'),
    apiKey: emulator.apiKey('sms'),
    format: 'json',
    timeoutMs: 2000,
  }) as SmsClient;
  const refusals = await Promise.allSettled([
    client.cancelMessage('12a'),
    client.cancelMessage(''),
    client.cancelMessage('1'.repeat(21)),
    client.getRecipientStatus('4242', 'call me'),
    client.getRecipientStatus('42 42x', '+33612345678'),
    client.getStatusByTag(' '),
    client.getStatusByTag('promo', 0),
  ]);
  const refused = refusals.filter((r) => r.status === 'rejected').length;
  expectInput(
    'cancel "12a", "", 21 digits; recipient "call me"; tag " ", page 0',
    `${refused} of ${refusals.length} refused before sending; ${emulator.requests.length} requests`,
    refused === refusals.length && emulator.requests.length === 0,
  );
  // messageLinks.patterns: refused entries say why, the rest still work.
  const check = compilePatterns(['(', '(a)(\\d+)', '(\\d*)', 42, 'x'.repeat(400), 'ref#(\\d+)']);
  expectInput(
    'messageLinks.patterns ["(", "(a)(\\\\d+)", "(\\\\d*)", 42, 400 chars, "ref#(\\\\d+)"]',
    `kept ${check.patterns.length}; refused: ${check.refused.map((r) => r.problem).join(', ')}`,
    check.patterns.length === 1 && check.refused.length === 5,
  );
  // A 5 MB single line of ids: the scan stops at its cap, in bounded time.
  const line = 'message_id=1234 '.repeat(330_000);
  const started = performance.now();
  const found = findMessageIds(line, compilePatterns([]).patterns, 1000);
  const ms = Math.round(performance.now() - started);
  expectInput(
    `a ${Math.round(line.length / 1e6)} MB line of message ids`,
    `${found.length} links in ${ms} ms`,
    found.length === 1000 && ms < 5000,
  );
}
