import type { Translate } from '../ui/translate';
import { checkInput, type InputCheck, type InputSchema } from './inputCheck';

/*
 * What each command that spends, sends, deletes or cancels accepts as arguments, checked
 * at run time before anything else (another extension's `executeCommand`, a command link
 * or a keybinding may pass anything). The limits here only catch what no input box could
 * produce (a number for a text, a list, a megabyte of sender); the rules of each field
 * (a valid number, a known time) are checked after, in the words the input boxes use.
 * Nothing here can answer a confirmation: no schema has such a field, and unknown fields
 * are refused. vscode-free, so the fault run checks the same tables.
 */

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const MODE = { type: 'string', maxLength: 7, enum: ['sandbox', 'real'] } as const;

export const COMMAND_ARGS = {
  /** `partnerExplorer.sendTestSms`'s second argument. */
  sendTestSms: {
    type: 'object',
    properties: {
      recipients: text(2000),
      message: text(10_000),
      sender: text(64),
      stopSms: { type: 'boolean' },
      unicode: { type: 'boolean' },
      schedule: text(64),
      mode: MODE,
    },
    additionalProperties: false,
  },
  /** `partnerExplorer.sendTestMail`'s second argument. */
  sendTestMail: {
    type: 'object',
    properties: {
      recipients: text(2000),
      subject: text(998),
      html: text(32 * 1024 * 1024),
      schedule: text(64),
      mode: MODE,
    },
    additionalProperties: false,
  },
  /** `partnerExplorer.createSubaccount`'s second argument: the request, without the form. */
  createSubaccount: {
    type: 'object',
    properties: {
      type: { type: 'string', maxLength: 8, enum: ['simple', 'advanced'] },
      email: text(1000),
      isBuyer: { type: 'boolean' },
      creditToAttribute: text(64),
      title: text(1000),
      firstname: text(1000),
      lastname: text(1000),
    },
    required: ['type'],
    additionalProperties: false,
  },
  /** Positional arguments, checked as one object each. */
  transferCredit: { type: 'object', properties: { amount: text(64) }, additionalProperties: false },
  addToStopList: { type: 'object', properties: { number: text(64) }, additionalProperties: false },
  cancelScheduledSend: { type: 'object', properties: { messageId: text(64) }, additionalProperties: false },
} as const satisfies Readonly<Record<string, InputSchema>>;

export type ActionCommand = keyof typeof COMMAND_ARGS;

/** Checks a command's arguments: `undefined` (nothing given) is fine, the form asks. */
export function checkCommandArgs<T>(command: ActionCommand, args: unknown, t: Translate): InputCheck<T | undefined> {
  if (args === undefined) {
    return { ok: true, value: undefined };
  }
  return checkInput<T>(COMMAND_ARGS[command], args, t, 'command');
}
