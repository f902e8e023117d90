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
  national: 'Write it in international format (+33612345678) or as a French number (0612345678).',
  length: 'This number has the wrong number of digits.',
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
  ] as const) {
    const check = checkPhoneNumber(input);
    const text = check.ok ? '' : REASON_TEXT[check.reason];
    const saw = check.ok ? `sent as ${check.e164}` : `refused: ${english(text)} | FR: ${french(text)}`;
    expectInput(
      `STOP list / check number ${JSON.stringify(input)}`,
      saw,
      (check.ok ? check.e164 : undefined) === expected,
    );
  }
}
