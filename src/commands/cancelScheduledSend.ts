import * as vscode from 'vscode';
import { CANCEL_MIN_LEAD_MINUTES, SERVICES } from '../api';
import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';
import type { PartnerLog } from '../log/partnerLog';
import type { MessageStatusPanels } from '../panels/messageStatus/messageStatusPanels';
import { formatCount } from '../ui/localeFormat';
import { showInfo } from '../ui/notifications';
import { resolveAccount } from './accountPick';
import { givenAccount, givenText } from './actionArgs';
import { commandHost, type Confirm } from './commandHost';
import { prompted } from '../ui/prompt';
import { givenOrAskMessageId } from './messageIdPrompt';

export interface CancelDeps {
  readonly sessions: AccountSessions;
  readonly panels: MessageStatusPanels;
  readonly log?: PartnerLog;
  /** Asks the user to confirm; the command uses a modal dialog. */
  readonly confirm: Confirm;
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

/** The modal, then ONE `message-cancel` on the account's action path, guarded per message. */
async function cancelOnce(deps: CancelDeps, session: AccountSession, id: string): Promise<CancelOutcome> {
  const waiting = deps.panels
    .get(session.id, id)
    ?.current?.summary.filter((e) => e.category === 'waiting')
    .reduce((n, e) => n + e.count, 0);
  const label = SERVICES[session.service].label;
  const reload = () => void deps.panels.get(session.id, id)?.load();
  const done = await session.actions.perform(
    {
      kind: 'cancel',
      subject: id,
      confirm: {
        question: vscode.l10n.t('Cancel the scheduled send of message {0}?', id),
        lines: [
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
        ],
        button: vscode.l10n.t('Cancel the Send'),
      },
      progress: vscode.l10n.t('Cancelling message {0}…', id),
      logAs: `${label}: cancelling message ${id}`,
      run: () => session.cancelMessage(id),
      words: {
        busy: vscode.l10n.t('Message {0} is already being cancelled.', id),
        refused: (reason) => vscode.l10n.t('The cancellation was refused: {0}', reason),
        notSent: (reason) => vscode.l10n.t('The send was not cancelled: {0}', reason),
        // Sent, but no answer we can trust (a timeout, the key replaced mid-request): it may or may not have been cancelled.
        unknown: (reason) =>
          vscode.l10n.t(
            'The outcome of the cancellation is unknown: {0} The message status is being read again; check it before trying again.',
            reason,
          ),
      },
      after: {
        refused: (_error, failure) => {
          if (failure === 'refused') {
            reload();
          }
        },
        unknown: () => deps.panels.show(session, id),
      },
    },
    commandHost(deps.confirm),
  );
  if (done.outcome !== 'done') {
    return done.outcome === 'notSent' ? 'refused' : done.outcome;
  }
  deps.log?.info(`${label}: message ${id} cancelled`);
  void showInfo(vscode.l10n.t('The scheduled send of message {0} was cancelled.', id));
  reload();
  return 'done';
}
