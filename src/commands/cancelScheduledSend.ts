import * as vscode from 'vscode';
import { CANCEL_MIN_LEAD_MINUTES, SERVICES } from '../api';
import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';
import type { PartnerLog } from '../log/partnerLog';
import type { MessageStatusPanels } from '../panels/messageStatus/messageStatusPanels';
import { formatCount } from '../ui/localeFormat';
import { showInfo, withNotificationProgress } from '../ui/notifications';
import { resolveAccount } from './accountPick';
import { givenAccount, givenText } from './actionArgs';
import { sayFailure } from './actionFailure';
import { prompted } from '../ui/prompt';
import { givenOrAskMessageId } from './messageIdPrompt';

export interface CancelDeps {
  readonly sessions: AccountSessions;
  readonly panels: MessageStatusPanels;
  readonly log?: PartnerLog;
  /** Asks the user to confirm; the command uses a modal dialog. */
  readonly confirm: (message: string, detail: string, action: string) => Promise<boolean>;
}

export type CancelOutcome = 'done' | 'cancelled' | 'refused' | 'unknown' | 'busy';

/**
 * `Cancel Scheduled Send…` (palette, or the status panel of a message some recipient
 * still waits for): account, message id, a modal that says what it does, then ONE
 * `message-cancel` (never retried). Refused: the provider's reason, explained (too
 * close to the send time, already sent, already cancelled). No trustworthy answer: the
 * outcome is unknown, said so, and the status read again. The open panel re-reads after.
 */
export async function cancelScheduledSend(
  deps: CancelDeps,
  target?: unknown,
  messageIdArg?: unknown,
): Promise<CancelOutcome> {
  const title = vscode.l10n.t('Cancel Scheduled Send');
  const given = givenText('cancelScheduledSend', 'messageId', title, messageIdArg);
  const named = givenAccount(deps.sessions, title, target);
  if (!given.ok || !named.ok) {
    return 'refused';
  }
  const session = await resolveAccount(deps.sessions, named.value, { title, usable: true });
  if (!session) {
    if (!deps.sessions.all.some((s) => s.hasKey)) {
      void showInfo(vscode.l10n.t('Set an API key first to look up a message.'));
    }
    return 'cancelled';
  }
  return prompted(
    async () => cancelOnce(deps, session, await givenOrAskMessageId(given.value, `${title} · ${session.label}`)),
    'cancelled',
    'refused',
  );
}

/** The modal, then ONE `message-cancel` under the guard of this message. */
async function cancelOnce(deps: CancelDeps, session: AccountSession, id: string): Promise<CancelOutcome> {
  const release = session.actions.enter('cancel', id);
  if (!release) {
    void showInfo(vscode.l10n.t('Message {0} is already being cancelled.', id));
    return 'busy';
  }
  try {
    const several = deps.sessions.forService(session.service).length > 1;
    const account = several ? `${session.label} · ${session.name}` : session.label;
    const waiting = deps.panels
      .get(session.id, id)
      ?.current?.summary.filter((e) => e.category === 'waiting')
      .reduce((n, e) => n + e.count, 0);
    const lines = [
      waiting !== undefined && waiting > 0
        ? vscode.l10n.t(
            '{0} recipients are still waiting: they will not receive it.',
            formatCount(waiting, vscode.env.language),
          )
        : vscode.l10n.t('Its recipients will not receive it.'),
      vscode.l10n.t(
        'The provider refuses a cancellation less than {0} minutes before the send time, and once it is sent.',
        CANCEL_MIN_LEAD_MINUTES,
      ),
      vscode.l10n.t('Account: {0}', account),
    ];
    const action = vscode.l10n.t('Cancel the Send');
    if (
      !(await deps.confirm(vscode.l10n.t('Cancel the scheduled send of message {0}?', id), lines.join('\n'), action))
    ) {
      return 'cancelled';
    }
    try {
      await withNotificationProgress({ title: vscode.l10n.t('Cancelling message {0}…', id) }, () =>
        session.cancelMessage(id),
      );
      deps.log?.info(`${SERVICES[session.service].label}: message ${id} cancelled`);
      void showInfo(vscode.l10n.t('The scheduled send of message {0} was cancelled.', id));
      void deps.panels.get(session.id, id)?.load();
      return 'done';
    } catch (error) {
      const failure = sayFailure(deps.log, `${SERVICES[session.service].label}: cancelling message ${id}`, error, {
        refused: (reason) => vscode.l10n.t('The cancellation was refused: {0}', reason),
        notSent: (reason) => vscode.l10n.t('The send was not cancelled: {0}', reason),
        // Sent, but no answer we can trust (a timeout, the key replaced mid-request): it may or may not have been cancelled.
        unknown: (reason) =>
          vscode.l10n.t(
            'The outcome of the cancellation is unknown: {0} The message status is being read again; check it before trying again.',
            reason,
          ),
      });
      if (failure === 'refused') {
        void deps.panels.get(session.id, id)?.load();
      }
      if (failure !== 'unknown') {
        return 'refused';
      }
      deps.panels.show(session, id);
      return 'unknown';
    }
  } finally {
    release();
  }
}
