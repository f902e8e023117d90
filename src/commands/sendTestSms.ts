import * as vscode from 'vscode';
import {
  checkPhoneNumbers,
  checkSchedule,
  checkSender,
  checkSmsText,
  MAX_SMS_PARTS,
  MAX_TEST_RECIPIENTS,
  measureSms,
  SENDER_MAX,
  SENDER_MIN,
  isSmsClient,
  type Schedule,
} from '../api';
import type { AccountSession } from '../accounts/accountSession';
import { formatMoney } from '../ui/localeFormat';
import { showError } from '../ui/notifications';
import { givenAccount, givenArgs } from './actionArgs';
import {
  askSchedule,
  confirmAndSend,
  estimatedCost,
  guarded,
  maskedList,
  payerLines,
  pickMode,
  rememberedSender,
  rememberSender,
  resolveSendAccount,
  scheduleLine,
  type SendFlowDeps,
  type SendMode,
  type SendOutcome,
} from './sendTestFlow';

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

/** Why typed recipients are refused, or undefined when they are fine. */
export function phoneNumbersProblem(input: string): string | undefined {
  const check = checkPhoneNumbers(input);
  if (check.ok) {
    return undefined;
  }
  switch (check.reason) {
    case 'empty':
      return vscode.l10n.t('Enter at least one number in international format, such as +33612345678.');
    case 'tooMany':
      return vscode.l10n.t('A test goes to at most {0} numbers.', MAX_TEST_RECIPIENTS);
    case 'duplicate':
      return vscode.l10n.t('{0} is there twice.', check.value);
    case 'invalid':
      return vscode.l10n.t('{0} is not an international number: write it as +33612345678.', check.value);
  }
}

export function senderProblem(input: string): string | undefined {
  const check = checkSender(input);
  if (check.ok) {
    return undefined;
  }
  return check.reason === 'characters'
    ? vscode.l10n.t('Letters, digits and spaces only.')
    : vscode.l10n.t('Between {0} and {1} characters.', SENDER_MIN, SENDER_MAX);
}

export function smsTextProblem(text: string, unicode = false, stopMention = false): string | undefined {
  const check = checkSmsText(text, { unicode, stopMention });
  if (check.ok) {
    return undefined;
  }
  return check.reason === 'empty'
    ? vscode.l10n.t('The message is empty.')
    : vscode.l10n.t('{0} SMS: the provider takes at most {1} per message.', check.parts, MAX_SMS_PARTS);
}

/** The message to start from: the selection, else a short `sms` or plain-text document. */
function editorText(): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    return '';
  }
  const selected = editor.document.getText(editor.selection);
  if (selected.trim() !== '') {
    return selected;
  }
  const doc = editor.document;
  const whole = doc.getText();
  return ['sms', 'plaintext'].includes(doc.languageId) && whole.length <= 153 * MAX_SMS_PARTS ? whole.trim() : '';
}

/** `Send Test SMS…`: account, recipients, message, sender, options, mode; sandbox by default. */
export async function sendTestSms(deps: SendFlowDeps, target?: unknown, given?: unknown): Promise<SendOutcome> {
  const title = vscode.l10n.t('Send Test SMS');
  const args = givenArgs<SendSmsArgs>('sendTestSms', title, given);
  const account = givenAccount(deps.sessions, title, target);
  if (!args.ok || !account.ok) {
    return 'refused';
  }
  const session = await resolveSendAccount(deps.sessions, 'sms', account.value, title);
  if (!session) {
    return 'cancelled';
  }
  return guarded(session, () => smsFlow(deps, session, args.value ?? {}));
}

async function smsFlow(deps: SendFlowDeps, session: AccountSession, args: SendSmsArgs): Promise<SendOutcome> {
  const title = vscode.l10n.t('Send Test SMS');
  const client = session.client;
  if (!isSmsClient(client)) {
    void showError(vscode.l10n.t('{0} has no API key set.', session.label));
    return 'cancelled';
  }
  const recipientsText =
    args.recipients ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('{0}: Recipients', title),
      prompt: vscode.l10n.t('Up to {0} numbers in international format, separated by commas.', MAX_TEST_RECIPIENTS),
      placeHolder: '+33612345678, +33698765432',
      ignoreFocusOut: true,
      validateInput: phoneNumbersProblem,
    }));
  if (recipientsText === undefined) {
    return 'cancelled';
  }
  const numbers = checkPhoneNumbers(recipientsText);
  if (!numbers.ok) {
    void showError(phoneNumbersProblem(recipientsText)!);
    return 'refused';
  }
  const recipients = numbers.recipients;

  let stopSms = args.stopSms ?? false;
  let unicode = args.unicode ?? false;
  let schedule: Schedule | undefined;
  const message =
    args.message ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('{0}: Message', title),
      prompt: vscode.l10n.t('The text to send (from the selection when there is one).'),
      value: editorText(),
      ignoreFocusOut: true,
      validateInput: (v) => smsTextProblem(v, unicode, stopSms),
    }));
  if (message === undefined) {
    return 'cancelled';
  }

  const senderText =
    args.sender ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('{0}: Sender', title),
      prompt: vscode.l10n.t(
        '{0} to {1} letters or digits; leave empty for the operator short code.',
        SENDER_MIN,
        SENDER_MAX,
      ),
      value: rememberedSender(deps, session),
      ignoreFocusOut: true,
      validateInput: senderProblem,
    }));
  if (senderText === undefined) {
    return 'cancelled';
  }
  const sender = checkSender(senderText);
  if (!sender.ok) {
    void showError(senderProblem(senderText)!);
    return 'refused';
  }
  await rememberSender(deps, session, sender.sender ?? '');

  if (args.stopSms === undefined && args.unicode === undefined && args.schedule === undefined) {
    const options = await pickOptions(title);
    if (!options) {
      return 'cancelled';
    }
    stopSms = options.stopSms;
    unicode = options.unicode;
    if (options.schedule) {
      schedule = await askSchedule(vscode.l10n.t('{0}: Schedule', title));
      if (!schedule) {
        return 'cancelled';
      }
    }
  } else if (args.schedule) {
    const check = checkSchedule(args.schedule);
    if (!check.ok) {
      void showError(vscode.l10n.t('Invalid schedule "{0}".', args.schedule));
      return 'refused';
    }
    schedule = check.schedule;
  }
  const textProblem = smsTextProblem(message, unicode, stopSms);
  if (textProblem) {
    void showError(textProblem);
    return 'refused';
  }

  const mode = args.mode ?? (await pickMode(title, recipients.length));
  if (!mode) {
    return 'cancelled';
  }
  const parts = measureSms(message, { unicode, stopMention: stopSms }).parts;
  const total = parts * recipients.length;
  const cost = estimatedCost(session, total);
  const locale = vscode.env.language;
  const lines = [
    ...payerLines(session, sender.sender ?? ''),
    vscode.l10n.t('Recipients ({0}): {1}', recipients.length, maskedList(recipients)),
    vscode.l10n.t('Segments: {0} SMS per recipient, {1} in all', parts, total),
    cost
      ? vscode.l10n.t('Estimated cost: {0} (at the price of the last send)', formatMoney(cost, locale))
      : vscode.l10n.t('Estimated cost: unknown until the provider answers'),
  ];
  const scheduled = schedule && scheduleLine(schedule);
  if (scheduled) {
    lines.push(scheduled);
  }
  return confirmAndSend(deps, {
    session,
    scheduled,
    mode,
    recipients,
    question: vscode.l10n.t(
      'Send {0} SMS to {1} recipient(s) for real from {2}? This spends credit.',
      total,
      recipients.length,
      session.name,
    ),
    lines,
    progress:
      mode === 'sandbox' ? vscode.l10n.t('Sending a test SMS in sandbox…') : vscode.l10n.t('Sending a test SMS…'),
    send: (signal) =>
      client.sendSms(
        {
          phoneNumbers: recipients,
          message,
          sender: sender.sender,
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
async function pickOptions(title: string): Promise<SmsOptions | undefined> {
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
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('{0}: Options', title),
    placeHolder: vscode.l10n.t('Options (none needed): press Enter to continue'),
    canPickMany: true,
    ignoreFocusOut: true,
  });
  if (!picked) {
    return undefined;
  }
  const has = (key: keyof SmsOptions) => picked.some((i) => i.key === key);
  return { stopSms: has('stopSms'), unicode: has('unicode'), schedule: has('schedule') };
}
