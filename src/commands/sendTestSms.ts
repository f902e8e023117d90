import * as vscode from 'vscode';
import {
  checkPhoneNumbers,
  checkSender,
  MAX_SMS_PARTS,
  MAX_TEST_RECIPIENTS,
  measureSms,
  SENDER_MAX,
  SENDER_MIN,
  isSmsClient,
  type SmsClient,
  type Schedule,
} from '../api';
import type { AccountSession } from '../accounts/accountSession';
import { askText, givenOrAsk, pickMany, refuseArgument } from '../ui/prompt';
import { phoneNumbersProblem, senderProblem, smsTextProblem } from './sendProblems';
import { sendCommand, type SendFlowDeps, type SendMode, type SendOutcome } from './sendTestFlow';
import { performSend } from './sendPlan';
import { askSchedule, editorContent, givenSchedule, pickMode, rememberedSender, rememberSender } from './sendPrompts';

/**
 * Answers given in advance (from another extension, a keybinding, or a test): each one
 * given skips its question, and is checked as if typed. Their types and `mode` (exactly
 * `'sandbox'` or `'real'`) are checked first (`actions/commandArgs.ts`): anything else is
 * refused before any request. A real send still asks the modal; nothing can answer it.
 */
export interface SendSmsArgs {
  readonly recipients?: string;
  readonly message?: string;
  readonly sender?: string;
  readonly stopSms?: boolean;
  readonly unicode?: boolean;
  /** `dd/mm/yyyy hh:mm`, Paris time; empty for now. */
  readonly schedule?: string;
  readonly mode?: SendMode;
}

/** The message to start from: the selection, else a short `sms` or plain-text document. */
function editorText(): string {
  const content = editorContent();
  if (!content || content.selected) {
    return content?.text ?? '';
  }
  const fits = content.text.length <= 153 * MAX_SMS_PARTS;
  return ['sms', 'plaintext'].includes(content.document.languageId) && fits ? content.text.trim() : '';
}

/** `Send Test SMS…`: account, recipients, message, sender, options, mode; sandbox by default. */
export const sendTestSms = sendCommand({
  service: 'sms',
  title: () => vscode.l10n.t('Send Test SMS'),
  isClient: isSmsClient,
  run: smsFlow,
});

async function smsFlow(
  deps: SendFlowDeps,
  session: AccountSession,
  client: SmsClient,
  args: SendSmsArgs,
): Promise<SendOutcome> {
  const title = vscode.l10n.t('Send Test SMS');
  const recipientsText = await givenOrAsk(args.recipients, {
    title: vscode.l10n.t('{0}: Recipients', title),
    prompt: vscode.l10n.t('Up to {0} numbers in international format, separated by commas.', MAX_TEST_RECIPIENTS),
    placeHolder: '+33612345678, +33698765432',
    validate: phoneNumbersProblem,
  });
  const numbers = checkPhoneNumbers(recipientsText);
  const recipients = numbers.ok ? numbers.recipients : [];

  let stopSms = args.stopSms ?? false;
  let unicode = args.unicode ?? false;
  let schedule: Schedule | undefined;
  // Checked with the options below, once they are known.
  const message =
    args.message ??
    (await askText({
      title: vscode.l10n.t('{0}: Message', title),
      prompt: vscode.l10n.t('The text to send (from the selection when there is one).'),
      value: editorText(),
      validate: (v) => smsTextProblem(v, unicode, stopSms),
    }));
  const senderText = await givenOrAsk(args.sender, {
    title: vscode.l10n.t('{0}: Sender', title),
    prompt: vscode.l10n.t(
      '{0} to {1} letters or digits; leave empty for the operator short code.',
      SENDER_MIN,
      SENDER_MAX,
    ),
    value: rememberedSender(deps, session),
    validate: senderProblem,
  });
  const checked = checkSender(senderText);
  const sender = (checked.ok && checked.sender) || '';
  await rememberSender(deps, session, sender);

  if (args.stopSms === undefined && args.unicode === undefined && args.schedule === undefined) {
    const options = await pickOptions(title);
    stopSms = options.stopSms;
    unicode = options.unicode;
    if (options.schedule) {
      schedule = await askSchedule(vscode.l10n.t('{0}: Schedule', title));
    }
  } else if (args.schedule) {
    schedule = givenSchedule(args.schedule);
  }
  const textProblem = smsTextProblem(message, unicode, stopSms);
  if (textProblem) {
    refuseArgument(textProblem);
  }

  const mode = args.mode ?? (await pickMode(title, recipients.length));
  const parts = measureSms(message, { unicode, stopMention: stopSms }).parts;
  const total = parts * recipients.length;
  return performSend(deps, {
    session,
    mode,
    recipients,
    units: total,
    sender,
    details: [vscode.l10n.t('Segments: {0} SMS per recipient, {1} in all', parts, total)],
    schedule,
    question: vscode.l10n.t(
      'Send {0} SMS to {1} recipient(s) for real from {2}? This spends credit.',
      total,
      recipients.length,
      session.name,
    ),
    progress:
      mode === 'sandbox' ? vscode.l10n.t('Sending a test SMS in sandbox…') : vscode.l10n.t('Sending a test SMS…'),
    copyInputs: { recipients: recipients.join(','), sender, message, stopSms, unicode },
    send: (signal) =>
      client.sendSms(
        {
          phoneNumbers: recipients,
          message,
          sender: sender === '' ? undefined : sender,
          // Sandbox unless exactly 'real' (the modal was asked for anything but 'sandbox').
          sandbox: mode !== 'real',
          isStopSms: stopSms,
          isUnicode: unicode,
          schedule,
        },
        { signal },
      ),
  });
}

interface SmsOptions {
  readonly stopSms: boolean;
  readonly unicode: boolean;
  readonly schedule: boolean;
}

/** The documented options, none picked by default. */
async function pickOptions(title: string): Promise<SmsOptions> {
  type Item = vscode.QuickPickItem & { readonly key: keyof SmsOptions };
  const items: Item[] = [
    {
      key: 'stopSms',
      label: vscode.l10n.t('Add the STOP mention (isStopSms)'),
      detail: vscode.l10n.t('Premium range: mandatory for commercial SMS; counted in the length.'),
    },
    {
      key: 'unicode',
      label: vscode.l10n.t('Unicode (isUnicode)'),
      detail: vscode.l10n.t('70 characters per SMS; must be enabled on the account.'),
    },
    {
      key: 'schedule',
      label: vscode.l10n.t('Schedule for later…'),
      detail: vscode.l10n.t('Date and time, Paris time.'),
    },
  ];
  const picked = await pickMany(items, {
    title: vscode.l10n.t('{0}: Options', title),
    placeHolder: vscode.l10n.t('Options (none needed): press Enter to continue'),
    ignoreFocusOut: true,
  });
  const has = (key: keyof SmsOptions) => picked.some((i) => i.key === key);
  return { stopSms: has('stopSms'), unicode: has('unicode'), schedule: has('schedule') };
}
