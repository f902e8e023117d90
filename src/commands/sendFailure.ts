import * as vscode from 'vscode';
import { isCreditProblem, isIpRefused, isPartnerError, isStopListed, type PartnerError } from '../api';
import { errorText } from '../ui/errorText';
import { sayFailure } from './actionFailure';
import { showError } from '../ui/notifications';
import type { SendFlowDeps, SendOutcome, SendPlan } from './sendTestFlow';

/**
 * What a test send's failure means for the user, by the one classification of actions
 * (`classifyActionFailure`): refused (the provider's reason, with the action that fixes
 * it), nothing sent, or unknown (said, and the credits read again; never re-sent).
 */
export async function sendFailed(deps: SendFlowDeps, plan: SendPlan, error: unknown): Promise<SendOutcome> {
  const { session } = plan;
  if (!isPartnerError(error)) {
    deps.log?.warn(
      `${session.label} (${session.id}): test send (${plan.mode}) failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    throw error;
  }
  const failure = sayFailure(deps.log, `${session.label} (${session.id}): test send (${plan.mode})`, error, {
    // A refusal is explained below, with the action that fixes it.
    // Nothing left the machine (cancelled while waiting for its turn, a certificate refused).
    notSent: (reason) => vscode.l10n.t('Nothing was sent: {0}', reason),
    // The request may have reached the provider, whatever stopped the wait for its answer
    // (a timeout, the account's key replaced or the account removed mid-request).
    unknown: (reason) =>
      vscode.l10n.t(
        'The outcome is unknown: the message may have been sent. {0} The credits are being read again; check the account before sending again.',
        reason,
      ),
  });
  if (failure === 'refused') {
    explainRefusal(plan, error);
  }
  if (failure !== 'unknown') {
    return 'refused';
  }
  void deps.reload(session);
  return 'unknown';
}

/** A documented refusal in words, with the action that fixes it. */
function explainRefusal(plan: SendPlan, error: PartnerError): void {
  const { session } = plan;
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
    const which = stopListedRecipient(plan.recipients, error.providerMessage);
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
