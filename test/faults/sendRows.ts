/**
 * Fault-run rows for *Send Test SMS…* / *Send Test E-mail…* (issue 14, section 1): the input
 * checks that refuse before any request, and the documented refusals and failures of
 * `POST /send` with what the user reads (English and French, from the l10n bundles).
 */
import {
  checkEmails,
  checkHtmlContent,
  checkPhoneNumbers,
  checkSchedule,
  checkSender,
  checkSmsText,
  createClient,
  isPartnerError,
  type MailClient,
  type PartnerLogger,
  type SmsClient,
} from '../../src/api';
import { userText } from '../unit/helpers/bundleTranslate';
import type { Fault, PartnerEmulator } from '../emulator/partnerEmulator';
import { SEND_TEST_RECIPIENTS } from '../emulator/routes/send';

type Expect = (tried: string, saw: string, ok: boolean) => void;

export async function sendRows(emulator: PartnerEmulator, logger: PartnerLogger, expect: Expect): Promise<void> {
  // Input checks: refused before any request.
  const now = new Date('2026-11-23T10:00:00Z');
  const inputs: [string, string, string][] = [
    ['recipients', '+33612345678', 'ok'],
    ['recipients', '0612345678', 'invalid'],
    ['recipients', '+33 6 12 34 56 78, +4915112345678', 'ok'],
    ['recipients', '+33612345678,+33612345678', 'duplicate'],
    // Six French mobiles (nine digits after +33: the reader checks France's length).
    ['recipients', [1, 2, 3, 4, 5, 6].map((i) => `+3361234567${i}`).join(','), 'tooMany'],
    ['recipients', '+44 (0)7911 123456', 'ok'],
    ['recipients', '+33 0 12 34 56 78', 'invalid'],
    ['recipients', '', 'empty'],
    ['e-mails', 'ana@exemple.fr', 'ok'],
    ['e-mails', 'ana@exemple', 'invalid'],
    ['sender', 'AB', 'tooShort'],
    ['sender', 'ABCDEFGHIJKL', 'tooLong'],
    ['sender', 'Agence-01', 'characters'],
    ['sender', '', 'ok'],
    ['message', '   ', 'empty'],
    ['message', 'x'.repeat(1531), 'tooLong'],
    ['html', '', 'empty'],
    ['html', 'x'.repeat(5 * 1024 * 1024 + 1), 'tooLarge'],
    ['schedule', '24/11/2026 09:07', 'minute'],
    ['schedule', '23/11/2026 10:30', 'past'],
    ['schedule', '24/11/2026 09:05', 'ok'],
  ];
  for (const [what, input, expected] of inputs) {
    const check =
      what === 'recipients'
        ? checkPhoneNumbers(input)
        : what === 'e-mails'
          ? checkEmails(input)
          : what === 'sender'
            ? checkSender(input)
            : what === 'message'
              ? checkSmsText(input)
              : what === 'html'
                ? checkHtmlContent(input)
                : checkSchedule(input, now);
    const verdict = check.ok ? 'ok' : check.reason;
    const shown = input.length > 40 ? `${input.length} characters` : JSON.stringify(input);
    expect(
      `send: ${what} ${shown}`,
      check.ok ? 'accepted' : `refused before sending: ${verdict}`,
      verdict === expected,
    );
  }

  // Documented refusals and failures of POST /send, in both formats.
  const sms = (format: 'json' | 'xml') =>
    createClient('sms', {
      baseUrl: emulator.apiUrl('sms'),
      apiKey: emulator.apiKey('sms'),
      format,
      timeoutMs: 500,
      logger,
    }) as SmsClient;
  const mail = createClient('mail', {
    baseUrl: emulator.apiUrl('mail'),
    apiKey: emulator.apiKey('mail'),
    timeoutMs: 500,
    logger,
  }) as MailClient;
  const cases: { tried: string; fault?: Fault; send: (format: 'json' | 'xml') => Promise<unknown>; code: string }[] = [
    {
      tried: 'SMS to a STOP-listed number',
      send: (f) => sms(f).sendSms({ phoneNumbers: [SEND_TEST_RECIPIENTS.stopListed], message: 'Hi', sandbox: true }),
      code: 'api 14',
    },
    {
      tried: 'SMS, IP not authorized',
      fault: { type: 'apiError', code: 96, path: '/send' },
      send: (f) => sms(f).sendSms({ phoneNumbers: ['+33612345678'], message: 'Hi', sandbox: true }),
      code: 'api 96',
    },
    {
      tried: 'SMS, not enough credit',
      fault: { type: 'apiError', code: 11, path: '/send' },
      send: (f) => sms(f).sendSms({ phoneNumbers: ['+33612345678'], message: 'Hi', sandbox: false }),
      code: 'api 11',
    },
    {
      tried: 'SMS, a parameter refused (code 9 list)',
      fault: {
        type: 'body',
        path: '/send',
        body: JSON.stringify({
          success: false,
          code: 9,
          errors: [{ elementId: 'children[sender].data', message: 'The sender cannot be longer than 11 characters' }],
        }),
      },
      send: () => sms('json').sendSms({ phoneNumbers: ['+33612345678'], message: 'Hi', sandbox: true }),
      code: 'api 9',
    },
    {
      tried: 'SMS, no answer after sending (timeout)',
      fault: { type: 'hang', path: '/send' },
      send: (f) => sms(f).sendSms({ phoneNumbers: ['+33612345678'], message: 'Hi', sandbox: false }),
      code: 'timeout',
    },
    {
      tried: 'Mail to an unsubscribed address',
      send: () =>
        mail.sendMail({ to: [SEND_TEST_RECIPIENTS.unsubscribed], subject: 'S', htmlContent: '<p/>', sandbox: true }),
      code: 'api 14',
    },
  ];
  for (const c of cases) {
    for (const format of c.fault?.type === 'body' || c.tried.startsWith('Mail')
      ? (['json'] as const)
      : (['json', 'xml'] as const)) {
      emulator.reset();
      if (c.fault) {
        emulator.inject(c.fault);
      }
      let saw: string;
      let ok: boolean;
      try {
        await c.send(format);
        saw = 'accepted';
        ok = false;
      } catch (error) {
        const posts = emulator.requests.filter((r) => r.endpoint === '/send').length;
        if (isPartnerError(error)) {
          const kind = error.kind === 'api' ? `api ${error.code}` : error.kind;
          const text = userText(error);
          saw = `${text.en} | FR: ${text.fr} (${posts} request)`;
          ok = kind === c.code && posts === 1 && !error.isKeyProblem;
        } else {
          saw = String(error);
          ok = false;
        }
      }
      expect(`send: ${c.tried} (${format})`, saw, ok);
    }
  }
  emulator.reset();
}
