import * as vscode from 'vscode';
import { checkRecipientNumber, money, type RecipientDelivery } from '../api';
import type { AccountSessions } from '../accounts/accountSessions';
import { maskRecipient } from '../ui/personalData';
import { formatDateTime, formatMoney } from '../ui/localeFormat';
import { showInfo, withNotificationProgress } from '../ui/notifications';
import { resolveSmsAccount } from './accountPick';
import { givenOrAsk, prompted } from '../ui/prompt';
import { givenOrAskMessageId } from './messageIdPrompt';
import type { AccountSession } from '../accounts/accountSession';
import { hidePersonalDataSetting } from '../settings/personalDataSettings';

export interface RecipientStatusDeps {
  readonly sessions: AccountSessions;
}

/** Why a typed phone number is refused, or undefined when it is fine. */
export function phoneNumberProblem(input: string): string | undefined {
  const check = checkRecipientNumber(input);
  if (check.ok) {
    return undefined;
  }
  switch (check.reason) {
    case 'empty':
      return vscode.l10n.t('Enter the phone number.');
    case 'characters':
      return vscode.l10n.t('A phone number has digits only, with an optional + in front.');
    case 'length':
      return vscode.l10n.t('A phone number has 6 to 15 digits.');
  }
}

/** The answer in one sentence; the number masked when personal data is hidden. */
export function recipientStatusText(answer: RecipientDelivery, hidePersonal: boolean, locale: string): string {
  const who = hidePersonal ? maskRecipient(answer.recipient) : answer.recipient;
  const parts = [answer.status];
  if (answer.date) {
    parts.push(formatDateTime(answer.date, locale));
  } else if (answer.dateText) {
    parts.push(answer.dateText);
  }
  if (answer.cost !== undefined) {
    const cost = answer.currency
      ? formatMoney(money(String(answer.cost), answer.currency), locale)
      : String(answer.cost);
    parts.push(vscode.l10n.t('cost {0}', cost));
  }
  if (answer.stop) {
    parts.push(vscode.l10n.t('unsubscribed (STOP)'));
  }
  return vscode.l10n.t('Message {0} to {1}: {2}', answer.messageId, who, parts.join(' · '));
}

/**
 * `Status of One Recipient…` (palette, or a row of an SMS message's status panel):
 * `message-status` for one number. The answer is shown, never logged; with *Hide
 * personal data* on (the panel's row action passes it), the number is masked.
 */
export async function showRecipientStatus(
  deps: RecipientStatusDeps,
  target?: unknown,
  messageIdArg?: unknown,
  numberArg?: unknown,
  hidePersonalArg?: unknown,
): Promise<RecipientDelivery | undefined> {
  const title = vscode.l10n.t('Status of One Recipient');
  const session = await resolveSmsAccount(deps.sessions, target, title, {
    none: vscode.l10n.t('Status of one recipient needs an SMS Partner account with an API key.'),
    notSms: vscode.l10n.t('Status of one recipient is an SMS Partner request: choose an SMS Partner account.'),
  });
  if (!session) {
    return undefined;
  }
  return prompted(
    async () => {
      const id = await givenOrAskMessageId(messageIdArg, `${title} · ${session.label}`);
      const number = await givenOrAsk(numberArg, {
        title: `${title} · ${vscode.l10n.t('Message {0}', id)}`,
        prompt: vscode.l10n.t('The recipient’s phone number, international (+33612345678) or national (0612345678).'),
        placeHolder: '+33612345678',
        validate: phoneNumberProblem,
      });
      const asked = checkRecipientNumber(number);
      return asked.ok ? readRecipient(session, id, asked.number, hidePersonalArg) : undefined;
    },
    undefined,
    undefined,
  );
}

async function readRecipient(
  session: AccountSession,
  id: string,
  number: string,
  hidePersonalArg: unknown,
): Promise<RecipientDelivery> {
  // The setting masks whatever the caller asked: one switch for every view.
  const hidePersonal = hidePersonalArg === true || hidePersonalDataSetting();
  const answer = await withNotificationProgress(
    { title: vscode.l10n.t('Reading the status of one recipient of message {0}…', id) },
    () => session.getRecipientStatus(id, number),
  );
  void showInfo(recipientStatusText(answer, hidePersonal, vscode.env.language));
  return answer;
}
