/**
 * Fault-run rows for the STOP list and Check Phone Number (issues 14 and 15): what a user
 * may type as a number. A refusal happens before any request, in the words the input box shows.
 */
import { checkPhoneNumber, type PhoneReason } from '../../src/api';
import { english, french } from '../unit/helpers/bundleTranslate';

type ExpectInput = (tried: string, saw: string, ok: boolean) => void;

const REASON_TEXT: Record<PhoneReason, string> = {
  empty: 'Type a phone number.',
  characters: 'Only digits, spaces, dots, dashes, brackets and a leading + are allowed.',
  national:
    'Write it in international format (+33612345678) or as a French number, overseas departments included (0612345678, 0692123456).',
  length: 'This number has the wrong number of digits.',
  countryCode:
    'This number is reached through +{0}, not through the code typed: write it with +{0}, or in French national format (0…).',
};

export function stopListRows(expectInput: ExpectInput): void {
  for (const [input, expected] of [
    ['', undefined],
    ['   ', undefined],
    ['06 12 34 56 78', '+33612345678'],
    ['+33 (0)6 12 34 56 78', '+33612345678'],
    ['0033612345678', '+33612345678'],
    ['612345678', undefined],
    ['+33 6 12 34 56', undefined],
    ['+33 6 12<script>', undefined],
    ['+4915123456789', '+4915123456789'],
    ['+1234567890123456', undefined],
    // Issue 24, item 4: the overseas departments, a trunk 0 after any country code, no 0 after +33.
    ['0692 12 34 56', '+262692123456'],
    ['0596 30 12 34', '+596596301234'],
    ['+33 692 12 34 56', undefined],
    ['+44 (0)7911 123456', '+447911123456'],
    ['+33 0 12 34 56 78', undefined],
  ] as const) {
    const check = checkPhoneNumber(input);
    const text = check.ok ? '' : REASON_TEXT[check.reason];
    const code = !check.ok && check.reason === 'countryCode' ? [check.expected] : [];
    const saw = check.ok
      ? `sent as ${check.e164}`
      : `refused: ${english(text, ...code)} | FR: ${french(text, ...code)}`;
    expectInput(
      `STOP list / check number ${JSON.stringify(input)}`,
      saw,
      (check.ok ? check.e164 : undefined) === expected,
    );
  }
}
