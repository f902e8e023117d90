import * as vscode from 'vscode';
import { checkEmails, isMailClient, type MailClient, MAX_TEST_RECIPIENTS, type Schedule } from '../api';
import type { AccountSession } from '../accounts/accountSession';
import { givenOrAsk, pickOne, refuseArgument } from '../ui/prompt';
import { emailsProblem, htmlProblem, subjectProblem } from './sendProblems';
import { sendCommand, type SendFlowDeps, type SendMode, type SendOutcome } from './sendTestFlow';
import { performSend } from './sendPlan';
import { askSchedule, editorContent, givenSchedule, pickMode } from './sendPrompts';

/** Answers given in advance (see `SendSmsArgs`); `html` replaces the editor's content. */
export interface SendMailArgs {
  readonly recipients?: string;
  readonly subject?: string;
  readonly html?: string;
  /** `dd/mm/yyyy hh:mm`, Paris time; empty for now. */
  readonly schedule?: string;
  readonly mode?: SendMode;
}

/** The HTML to send: the selection, else the whole active document; its title as the subject. */
function editorHtml(): { readonly html: string; readonly title?: string } {
  const content = editorContent();
  if (!content) {
    return { html: '' };
  }
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(content.document.getText())?.[1]?.trim();
  return { html: content.text, title: title || undefined };
}

/** `Send Test E-mail…`: the active HTML document as the content, subject, recipients, mode. */
export const sendTestMail = sendCommand({
  service: 'mail',
  title: () => vscode.l10n.t('Send Test E-mail'),
  isClient: isMailClient,
  run: mailFlow,
});

async function mailFlow(
  deps: SendFlowDeps,
  session: AccountSession,
  client: MailClient,
  args: SendMailArgs,
): Promise<SendOutcome> {
  const title = vscode.l10n.t('Send Test E-mail');
  const fromEditor = args.html === undefined ? editorHtml() : { html: args.html };
  const problem = htmlProblem(fromEditor.html);
  if (problem) {
    refuseArgument(problem);
  }
  const recipientsText = await givenOrAsk(args.recipients, {
    title: vscode.l10n.t('{0}: Recipients', title),
    prompt: vscode.l10n.t('Up to {0} e-mail addresses, separated by commas.', MAX_TEST_RECIPIENTS),
    placeHolder: 'name@example.com',
    validate: emailsProblem,
  });
  const to = checkEmails(recipientsText);
  const recipients = to.ok ? to.recipients : [];
  const subject = (
    await givenOrAsk(args.subject, {
      title: vscode.l10n.t('{0}: Subject', title),
      prompt: vscode.l10n.t('The subject of the e-mail (required).'),
      value: fromEditor.title ?? '',
      validate: subjectProblem,
    })
  ).trim();
  let schedule: Schedule | undefined;
  if (args.schedule) {
    schedule = givenSchedule(args.schedule);
  } else if (args.schedule === undefined && args.mode === undefined) {
    const later = vscode.l10n.t('Schedule for later…');
    const now = vscode.l10n.t('Send now');
    const when = await pickOne([{ label: now }, { label: later }], { title: vscode.l10n.t('{0}: When', title) });
    if (when.label === later) {
      schedule = await askSchedule(vscode.l10n.t('{0}: Schedule', title));
    }
  }
  const mode = args.mode ?? (await pickMode(title, recipients.length));
  return performSend(deps, {
    session,
    mode,
    recipients,
    units: recipients.length,
    details: [vscode.l10n.t('Subject: {0}', subject)],
    schedule,
    question: vscode.l10n.t(
      'Send this e-mail to {0} recipient(s) for real from {1}? This spends credit.',
      recipients.length,
      session.name,
    ),
    progress:
      mode === 'sandbox' ? vscode.l10n.t('Sending a test e-mail in sandbox…') : vscode.l10n.t('Sending a test e-mail…'),
    copyInputs: { recipients: recipients.join(','), subject, html: fromEditor.html },
    send: (signal) =>
      client.sendMail(
        {
          to: recipients,
          subject,
          htmlContent: fromEditor.html,
          // Sandbox unless exactly 'real' (the modal was asked for anything but 'sandbox').
          sandbox: mode !== 'real',
          schedule,
        },
        { signal },
      ),
  });
}
