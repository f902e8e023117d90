import * as vscode from 'vscode';
import {
  checkEmails,
  checkHtmlContent,
  checkSchedule,
  isMailClient,
  MAX_HTML_BYTES,
  MAX_TEST_RECIPIENTS,
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
  resolveSendAccount,
  scheduleLine,
  type SendFlowDeps,
  type SendMode,
  type SendOutcome,
} from './sendTestFlow';

/** Answers given in advance (see `SendSmsArgs`); `html` replaces the editor's content. */
export interface SendMailArgs {
  readonly recipients?: string;
  readonly subject?: string;
  readonly html?: string;
  /** `dd/mm/yyyy hh:mm`, Paris time; empty for now. */
  readonly schedule?: string;
  readonly mode?: SendMode;
}

export function emailsProblem(input: string): string | undefined {
  const check = checkEmails(input);
  if (check.ok) {
    return undefined;
  }
  switch (check.reason) {
    case 'empty':
      return vscode.l10n.t('Enter at least one e-mail address.');
    case 'tooMany':
      return vscode.l10n.t('A test goes to at most {0} addresses.', MAX_TEST_RECIPIENTS);
    case 'duplicate':
      return vscode.l10n.t('{0} is there twice.', check.value);
    case 'invalid':
      return vscode.l10n.t('{0} is not an e-mail address.', check.value);
  }
}

export function htmlProblem(html: string): string | undefined {
  const check = checkHtmlContent(html);
  if (check.ok) {
    return undefined;
  }
  return check.reason === 'empty'
    ? vscode.l10n.t('Open an HTML document (or select HTML) to send it as the e-mail.')
    : vscode.l10n.t(
        'The HTML is {0} MB; the provider takes at most {1} MB.',
        (check.bytes / 2 ** 20).toFixed(1),
        MAX_HTML_BYTES / 2 ** 20,
      );
}

/** The HTML to send: the selection, else the whole active document. */
function editorHtml(): { readonly html: string; readonly title?: string } {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    return { html: '' };
  }
  const selected = editor.document.getText(editor.selection);
  const html = selected.trim() !== '' ? selected : editor.document.getText();
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(editor.document.getText())?.[1]?.trim();
  return { html, title: title || undefined };
}

/** `Send Test E-mail…`: the active HTML document as the content, subject, recipients, mode. */
export async function sendTestMail(deps: SendFlowDeps, target?: unknown, given?: unknown): Promise<SendOutcome> {
  const title = vscode.l10n.t('Send Test E-mail');
  const args = givenArgs<SendMailArgs>('sendTestMail', title, given);
  const account = givenAccount(deps.sessions, title, target);
  if (!args.ok || !account.ok) {
    return 'refused';
  }
  const session = await resolveSendAccount(deps.sessions, 'mail', account.value, title);
  if (!session) {
    return 'cancelled';
  }
  return guarded(session, () => mailFlow(deps, session, args.value ?? {}));
}

async function mailFlow(deps: SendFlowDeps, session: AccountSession, args: SendMailArgs): Promise<SendOutcome> {
  const title = vscode.l10n.t('Send Test E-mail');
  const client = session.client;
  if (!isMailClient(client)) {
    void showError(vscode.l10n.t('{0} has no API key set.', session.label));
    return 'cancelled';
  }
  const fromEditor = args.html === undefined ? editorHtml() : { html: args.html };
  const problem = htmlProblem(fromEditor.html);
  if (problem) {
    void showError(problem);
    return 'refused';
  }
  const recipientsText =
    args.recipients ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('{0}: Recipients', title),
      prompt: vscode.l10n.t('Up to {0} e-mail addresses, separated by commas.', MAX_TEST_RECIPIENTS),
      placeHolder: 'name@example.com',
      ignoreFocusOut: true,
      validateInput: emailsProblem,
    }));
  if (recipientsText === undefined) {
    return 'cancelled';
  }
  const to = checkEmails(recipientsText);
  if (!to.ok) {
    void showError(emailsProblem(recipientsText)!);
    return 'refused';
  }
  const subjectText =
    args.subject ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('{0}: Subject', title),
      prompt: vscode.l10n.t('The subject of the e-mail (required).'),
      value: fromEditor.title ?? '',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('A subject is required.') : undefined),
    }));
  if (subjectText === undefined) {
    return 'cancelled';
  }
  if (subjectText.trim() === '') {
    void showError(vscode.l10n.t('A subject is required.'));
    return 'refused';
  }
  let schedule: Schedule | undefined;
  if (args.schedule) {
    const check = checkSchedule(args.schedule);
    if (!check.ok) {
      void showError(vscode.l10n.t('Invalid schedule "{0}".', args.schedule));
      return 'refused';
    }
    schedule = check.schedule;
  } else if (args.schedule === undefined && args.mode === undefined) {
    const later = vscode.l10n.t('Schedule for later…');
    const now = vscode.l10n.t('Send now');
    const when = await vscode.window.showQuickPick([now, later], { title: vscode.l10n.t('{0}: When', title) });
    if (when === undefined) {
      return 'cancelled';
    }
    if (when === later) {
      schedule = await askSchedule(vscode.l10n.t('{0}: Schedule', title));
      if (!schedule) {
        return 'cancelled';
      }
    }
  }
  const recipients = to.recipients;
  const mode = args.mode ?? (await pickMode(title, recipients.length));
  if (!mode) {
    return 'cancelled';
  }
  const cost = estimatedCost(session, recipients.length);
  const lines = [
    ...payerLines(session),
    vscode.l10n.t('Recipients ({0}): {1}', recipients.length, maskedList(recipients)),
    vscode.l10n.t('Subject: {0}', subjectText.trim()),
    cost
      ? vscode.l10n.t('Estimated cost: {0} (at the price of the last send)', formatMoney(cost, vscode.env.language))
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
      'Send this e-mail to {0} recipient(s) for real from {1}? This spends credit.',
      recipients.length,
      session.name,
    ),
    lines,
    progress:
      mode === 'sandbox' ? vscode.l10n.t('Sending a test e-mail in sandbox…') : vscode.l10n.t('Sending a test e-mail…'),
    send: (signal) =>
      client.sendMail(
        {
          to: recipients,
          subject: subjectText.trim(),
          htmlContent: fromEditor.html,
          // Sandbox unless exactly 'real' (the modal was asked for anything but 'sandbox').
          sandbox: mode !== 'real',
          schedule,
        },
        { signal },
      ),
  });
}
