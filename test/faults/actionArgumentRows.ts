/**
 * Fault-run rows for issue 24, item 1: hostile arguments to every command that spends, sends,
 * deletes or cancels, as another extension's `executeCommand` or a command link may pass them.
 * Each goes through the commands' own run-time check (`checkCommandArgs`); what it lets through
 * is sent to the emulator as the command would send it, so a row passes only when the check
 * refused it AND no request reached the emulator.
 */
import { createClient, type MailClient, type SmsClient, type SubaccountCreateRequest } from '../../src/api';
import { checkCommandArgs, type ActionCommand } from '../../src/actions/commandArgs';
import { english, french } from '../unit/helpers/bundleTranslate';
import type { PartnerEmulator } from '../emulator/partnerEmulator';

type ExpectInput = (tried: string, saw: string, ok: boolean) => void;

const SMS = { recipients: '+33612345678', message: 'Code 4242', sender: 'Agence', schedule: '' };
const MAIL = { recipients: 'ana@exemple.fr', subject: 'Test', html: '<p>Bonjour</p>' };

/** [command, what was passed, the problem the user reads (English)]. */
const HOSTILE: readonly [ActionCommand, unknown, string][] = [
  ['sendTestSms', { ...SMS, mode: 'Real' }, `The argument "mode" must be exactly one of: 'sandbox', 'real'.`],
  ['sendTestSms', { ...SMS, mode: 'live' }, `The argument "mode" must be exactly one of: 'sandbox', 'real'.`],
  ['sendTestSms', { ...SMS, mode: true }, `The argument "mode" must be exactly one of: 'sandbox', 'real'.`],
  ['sendTestSms', { ...SMS, mode: 1 }, `The argument "mode" must be exactly one of: 'sandbox', 'real'.`],
  ['sendTestSms', { ...SMS, mode: 'real', confirmed: true }, 'Unknown argument "confirmed".'],
  ['sendTestSms', { ...SMS, mode: 'sandbox', stopSms: 'yes' }, 'The argument "stopSms" must be true or false.'],
  ['sendTestSms', { ...SMS, mode: 'sandbox', recipients: ['+33612345678'] }, 'The argument "recipients" must be text.'],
  ['sendTestSms', 'real', 'The command arguments must be an object.'],
  ['sendTestMail', { ...MAIL, mode: 'REAL' }, `The argument "mode" must be exactly one of: 'sandbox', 'real'.`],
  ['sendTestMail', { ...MAIL, mode: 'sandbox', html: 42 }, 'The argument "html" must be text.'],
  ['transferCredit', { amount: 10 }, 'The argument "amount" must be text.'],
  ['transferCredit', { amount: ['10'] }, 'The argument "amount" must be text.'],
  [
    'createSubaccount',
    { type: 'simple', email: 'a@b.fr', creditToAttribute: 100 },
    'The argument "creditToAttribute" must be text.',
  ],
  [
    'createSubaccount',
    { type: 'Simple', email: 'a@b.fr' },
    `The argument "type" must be exactly one of: 'simple', 'advanced'.`,
  ],
  ['createSubaccount', { type: 'simple', email: 'a@b.fr', confirm: true }, 'Unknown argument "confirm".'],
  ['createSubaccount', { email: 'a@b.fr' }, 'The argument "type" is required.'],
  ['addToStopList', { number: 612345678 }, 'The argument "number" must be text.'],
  ['cancelScheduledSend', { messageId: { id: 1 } }, 'The argument "messageId" must be text.'],
];

export async function actionArgumentRows(emulator: PartnerEmulator, expectInput: ExpectInput): Promise<void> {
  const client = (service: 'sms' | 'mail') =>
    createClient(service, { baseUrl: emulator.apiUrl(service), apiKey: emulator.apiKey(service), timeoutMs: 1000 });
  const sms = client('sms') as SmsClient;
  const mail = client('mail') as MailClient;
  // What each command would send with the arguments it accepted (never reached when refused).
  const send = async (command: ActionCommand, v: Record<string, unknown>): Promise<unknown> => {
    switch (command) {
      case 'sendTestSms':
        return sms.sendSms({
          phoneNumbers: [String(v.recipients)],
          message: String(v.message),
          sandbox: v.mode !== 'real',
        });
      case 'sendTestMail':
        return mail.sendMail({
          to: [String(v.recipients)],
          subject: String(v.subject),
          htmlContent: String(v.html),
          sandbox: v.mode !== 'real',
        });
      case 'transferCredit':
        return sms.addSubaccountCredit('token', String(v.amount));
      case 'createSubaccount':
        return sms.createSubaccount(v as unknown as SubaccountCreateRequest);
      case 'addToStopList':
        return sms.addStopNumber(String(v.number));
      case 'cancelScheduledSend':
        return sms.cancelMessage(String(v.messageId));
    }
  };
  for (const [command, args, expected] of HOSTILE) {
    emulator.reset();
    const check = checkCommandArgs<Record<string, unknown>>(command, args, english);
    if (check.ok) {
      await send(command, check.value ?? {}).catch(() => undefined);
    }
    const requests = emulator.requests.length;
    const problem = check.ok ? 'accepted' : check.problem;
    const fr = check.ok ? '' : checkCommandArgs(command, args, french);
    expectInput(
      `${command} ${JSON.stringify(args)}`,
      `${check.ok ? 'ACCEPTED' : `refused: ${problem} | FR: ${fr && !fr.ok ? fr.problem : ''}`}; requests: ${requests}`,
      !check.ok && problem === expected && requests === 0,
    );
  }
}
