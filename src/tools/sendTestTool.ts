import * as vscode from 'vscode';
import {
  checkEmails,
  checkPhoneNumbers,
  checkSender,
  checkSmsText,
  isMailClient,
  isSmsClient,
  measureSms,
  type SendResult,
  type ServiceId,
} from '../api';
import { maskRecipient } from '../ui/personalData';
import { formatMoney } from '../ui/localeFormat';
import { accountTitle } from './accountChoice';
import { assertUsable } from './assertUsable';
import type { PartnerTool } from './partnerTool';
import { toolAccount, ToolInputProblem } from './toolAccount';
import { toolHost } from './toolHost';
import { SEND_TEST_SCHEMA } from './toolSchemas';

export interface SendTestInput {
  readonly recipients: readonly string[];
  readonly text: string;
  readonly subject?: string;
  readonly sender?: string;
  readonly account?: string;
  readonly service?: ServiceId;
}

/**
 * A test send **in sandbox only** (`sandbox=1`: nothing is delivered, nothing is charged).
 * The input has no way to ask for a real send: that stays a deliberate act in the UI, with
 * its dialog. One request, never retried; a failure after sending is reported as unknown.
 */
export const sendTestTool: PartnerTool<SendTestInput> = {
  name: 'partnerExplorer_sendTest',
  inputSchema: SEND_TEST_SCHEMA,
  progressMessage: (input) =>
    vscode.l10n.t(
      'Sending a sandbox test to {0} recipient(s) (nothing delivered, nothing charged)…',
      input.recipients.length,
    ),
  confirmation: (input) => ({
    title: vscode.l10n.t('Send a sandbox test?'),
    message: vscode.l10n.t(
      'A test to {0} recipient(s) in sandbox mode: the provider checks it and answers, nothing is delivered and nothing is charged.',
      input.recipients.length,
    ),
  }),
  async run(input, context, signal) {
    const share = context.sharePersonalData();
    const session = toolAccount(context.sessions, input, share);
    assertUsable(session);
    const client = session.client;
    if (!client) {
      throw new ToolInputProblem(vscode.l10n.t('{0} has no API key set.', session.label));
    }
    const joined = input.recipients.join(',');
    let send: (signal: AbortSignal) => Promise<SendResult>;
    let parts: number | undefined;
    if (isSmsClient(client)) {
      const numbers = checkPhoneNumbers(joined);
      if (!numbers.ok) {
        throw new ToolInputProblem(
          vscode.l10n.t('The recipients must be international phone numbers such as +33612345678 (at most 5).'),
        );
      }
      const sender = checkSender(input.sender ?? '');
      if (!sender.ok) {
        throw new ToolInputProblem(vscode.l10n.t('The sender must be 3 to 11 letters or digits.'));
      }
      if (!checkSmsText(input.text).ok) {
        throw new ToolInputProblem(vscode.l10n.t('The SMS text is empty or too long for a test.'));
      }
      parts = measureSms(input.text).parts;
      const request = {
        phoneNumbers: numbers.recipients,
        message: input.text,
        sender: sender.sender || undefined,
        sandbox: true,
      } as const;
      send = (linked) => client.sendSms(request, { signal: linked });
    } else if (isMailClient(client)) {
      const to = checkEmails(joined);
      if (!to.ok) {
        throw new ToolInputProblem(vscode.l10n.t('The recipients must be e-mail addresses (at most 5).'));
      }
      if (!input.subject?.trim()) {
        throw new ToolInputProblem(vscode.l10n.t('A Mail Partner test needs a subject.'));
      }
      const request = { to: to.recipients, subject: input.subject, htmlContent: input.text, sandbox: true } as const;
      send = (linked) => client.sendMail(request, { signal: linked });
    } else {
      throw new ToolInputProblem(vscode.l10n.t('{0} has no API key set.', session.label));
    }
    // The account's action path: a command send and a tool send on one account never run at once.
    const done = await session.actions.perform(
      {
        kind: 'send',
        progress: sendTestTool.progressMessage(input),
        logAs: `${session.label} (${session.id}): test send (sandbox, agent tool)`,
        run: send,
        words: {
          busy: vscode.l10n.t('A test send for {0} is already in progress.', session.name),
          // A timeout, a lost connection or a cancellation after the request was written: the
          // provider may have accepted it. (The chat's own Stop is the registrar's: CancellationError.)
          unknown: () =>
            vscode.l10n.t(
              'The outcome is unknown: {0} may have accepted the sandbox test (nothing is delivered or charged in sandbox). Check its status before trying again.',
              session.label,
            ),
        },
      },
      toolHost(signal),
    );
    if (done.outcome !== 'done') {
      // The tool's host throws every other outcome, and a sandbox send asks no modal.
      throw new Error(`test send: unexpected outcome ${done.outcome}`);
    }
    const result = done.value;
    const who = input.recipients.map((r) => (share ? r : maskRecipient(r))).join(', ');
    const lines = [
      vscode.l10n.t(
        '{0}: sandbox test accepted for {1} (nothing delivered, nothing charged). Message id {2}.',
        accountTitle(session, share),
        who,
        result.messageId,
      ),
    ];
    if (parts !== undefined) {
      lines.push(vscode.l10n.t('{0} SMS part(s) per recipient.', parts));
    }
    if (result.cost) {
      lines.push(vscode.l10n.t('The provider quoted {0}.', formatMoney(result.cost, vscode.env.language)));
    }
    lines.push(
      vscode.l10n.t(
        'Its delivery status: the command partnerExplorer.showMessageStatus with the arguments ["{0}", "{1}"].',
        session.id,
        result.messageId,
      ),
    );
    return lines.join('\n');
  },
};
