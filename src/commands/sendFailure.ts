import * as vscode from 'vscode';
import { isCreditProblem, isIpRefused, isPartnerError, isStopListed } from '../api';
import type { AccountSession } from '../accounts/accountSession';
import { errorText } from '../ui/errorText';
import { showError } from '../ui/notifications';

/**
 * A test send's refusal (by the one classification, `classifyActionFailure`) in words,
 * with the action that fixes it: buy credit, allow this machine's address, take the
 * recipient off the STOP list, replace the key.
 */
export function explainRefusal(session: AccountSession, recipients: readonly string[], error: unknown): void {
  if (!isPartnerError(error)) {
    return;
  }
  const text = errorText(error);
  const dashboard = vscode.l10n.t('Open Dashboard');
  const setKey = vscode.l10n.t('Replace API Key…');
  let message = vscode.l10n.t('The send was refused: {0}', text);
  const actions: string[] = [];
  if (error.kind === 'api' && isCreditProblem(error.code)) {
    message = vscode.l10n.t('The send was refused: {0} Buy credit in the dashboard, then send again.', text);
    actions.push(dashboard);
  } else if (error.kind === 'api' && isIpRefused(error.code)) {
    message = vscode.l10n.t(
      "The send was refused: {0} The account only accepts API calls from the IP addresses listed in its dashboard settings: add this machine's address there, or send from an allowed network.",
      text,
    );
    actions.push(dashboard);
  } else if (error.kind === 'api' && isStopListed(error.code)) {
    const which = stopListedRecipient(recipients, error.providerMessage);
    if (which) {
      message =
        session.service === 'sms'
          ? vscode.l10n.t(
              'The send was refused: {0} is on the STOP SMS list (it unsubscribed). Remove it and send again.',
              which,
            )
          : vscode.l10n.t('The send was refused: {0} is on the unsubscribe list. Remove it and send again.', which);
    }
  } else if (error.isKeyProblem) {
    actions.push(setKey);
  }
  // Not awaited: a notification with buttons stays until dismissed, and the send is over.
  void showError(message, ...actions).then((choice) => {
    if (choice === dashboard) {
      void vscode.commands.executeCommand('partnerExplorer.openInDashboard', session.id);
    } else if (choice === setKey) {
      void vscode.commands.executeCommand('partnerExplorer.replaceApiKey', session.id);
    }
  });
}

/** Which of our recipients a STOP refusal names; the only one when there is one. */
function stopListedRecipient(recipients: readonly string[], providerMessage: string | undefined): string | undefined {
  if (recipients.length === 1) {
    return recipients[0];
  }
  const said = (providerMessage ?? '').toLowerCase();
  const digits = said.replace(/\D/g, '');
  return recipients.find((r) =>
    r.includes('@') ? said.includes(r.toLowerCase()) : digits.includes(r.replace(/\D/g, '').slice(-9)),
  );
}
