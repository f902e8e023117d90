import * as vscode from 'vscode';
import { checkPhoneNumber, isSmsClient, type StopEntry } from '../api';
import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';
import type { PartnerLog } from '../log/partnerLog';
import { phoneProblem } from '../ui/inputProblems';
import { givenOrAsk, prompted } from '../ui/prompt';
import { shownNumber } from '../ui/shownNumber';
import { errorText } from '../ui/errorText';
import { showError, showInfo, withNotificationProgress } from '../ui/notifications';
import { resolveAccount } from './accountPick';
import { givenAccount, givenStopEntry, givenText } from './actionArgs';
import type { Action, ActionWords } from '../accounts/actionPath';
import { commandHost, type Confirm } from './commandHost';

export interface StopListDeps {
  readonly sessions: AccountSessions;
  readonly log?: PartnerLog;
  /** Asks the user to confirm a removal; the command uses a modal dialog. */
  readonly confirm: Confirm;
}

export type StopOutcome = 'done' | 'cancelled' | 'refused' | 'unknown' | 'busy';

async function smsAccount(
  sessions: AccountSessions,
  target: unknown,
  title: string,
): Promise<AccountSession | undefined> {
  const session = await resolveAccount(sessions, target ?? 'sms', { title, usable: true });
  if (session && !isSmsClient(session.client)) {
    void showError(vscode.l10n.t('The STOP list belongs to SMS Partner accounts.'));
    return undefined;
  }
  return session;
}

/** What a STOP list change says when it cannot go on. */
function stopWords(session: AccountSession): ActionWords {
  return {
    busy: vscode.l10n.t('A STOP list change for {0} is already in progress.', session.name),
    // "Not changed" only when the provider said no or nothing left the machine; a request
    // cancelled after it was written (the key replaced, the account removed) is unknown.
    refused: (reason) => vscode.l10n.t('The STOP list was not changed: {0}', reason),
    unknown: (reason) =>
      vscode.l10n.t(
        'The outcome is unknown: {0} The STOP list is being read again; check it before trying again.',
        reason,
      ),
  };
}

/** A STOP list change on the account's action path; anything else after sending re-reads the list. */
async function change<T>(
  deps: StopListDeps,
  session: AccountSession,
  action: Pick<Action<T>, 'confirm' | 'progress' | 'logAs' | 'run'> & { readonly done: (value: T) => void },
): Promise<StopOutcome> {
  const { done, ...described } = action;
  const changed = await session.actions.perform(
    {
      ...described,
      kind: 'stopList',
      words: stopWords(session),
      logAs: `SMS Partner (${session.id}): ${action.logAs}`,
      after: {
        done,
        unknown: () => void session.stopList.reload().then(() => session.stopList.loadAll()),
      },
    },
    commandHost(deps.confirm),
  );
  return changed.outcome === 'notSent' ? 'refused' : changed.outcome;
}

/** *Add to STOP List…*: one validated number, one request; the list shows it without a re-read. */
export async function addToStopList(deps: StopListDeps, target: unknown, number?: unknown): Promise<StopOutcome> {
  const title = vscode.l10n.t('Add to STOP List');
  const given = givenText('addToStopList', 'number', title, number);
  const account = givenAccount(deps.sessions, title, target);
  if (!given.ok || !account.ok) {
    return 'refused';
  }
  const session = await smsAccount(deps.sessions, account.value, title);
  if (!session || !isSmsClient(session.client)) {
    return 'cancelled';
  }
  const client = session.client;
  const typed = await prompted(
    () =>
      givenOrAsk(given.value, {
        title: vscode.l10n.t('Add to STOP List'),
        prompt: vscode.l10n.t('The number that asked not to receive SMS from {0}.', session.name),
        placeHolder: '+33612345678',
        validate: phoneProblem,
      }),
    undefined,
    null,
  );
  const checked = typed ? checkPhoneNumber(typed) : undefined;
  if (!checked?.ok) {
    return typed === undefined ? 'cancelled' : 'refused';
  }
  const shown = shownNumber(checked.e164);
  return change(deps, session, {
    progress: vscode.l10n.t('Adding {0} to the STOP list…', shown),
    logAs: 'adding a number to the STOP list',
    run: (signal) => client.addStopNumber(checked.e164, { signal }),
    done: ({ stopId }) => {
      if (stopId !== undefined) {
        session.stopList.added({ id: stopId, phoneNumber: checked.e164, createdAt: new Date() });
      } else {
        void session.stopList.reload();
      }
      deps.log?.info(`SMS Partner (${session.id}): a number was added to the STOP list.`);
      void showInfo(vscode.l10n.t('{0} is on the STOP list: it will not receive SMS from {1}.', shown, session.name));
    },
  });
}

/** *Remove from STOP List…*: from an entry in the tree, or picked; a modal says what it means. */
export async function removeFromStopList(deps: StopListDeps, target: unknown): Promise<StopOutcome> {
  const title = vscode.l10n.t('Remove from STOP List');
  // An entry item must be one its account's list holds; anything else names an account (or asks).
  const listed = givenStopEntry(deps.sessions, title, target);
  const named = listed ? undefined : givenAccount(deps.sessions, title, target);
  if (listed?.ok === false || named?.ok === false) {
    return 'refused';
  }
  let session: AccountSession | undefined;
  let entry: StopEntry | undefined;
  if (listed?.ok) {
    ({ session, entry } = listed.value);
  } else {
    session = await smsAccount(deps.sessions, named?.value, title);
    if (session) {
      await session.stopList.loadAll(session.accountSignal);
      const picked = await vscode.window.showQuickPick(
        session.stopList.items.map((e) => ({ label: shownNumber(e.phoneNumber), entry: e })),
        { title: vscode.l10n.t('Remove from STOP List'), placeHolder: vscode.l10n.t('The number to remove') },
      );
      entry = picked?.entry;
    }
  }
  if (!session || !entry || !isSmsClient(session.client)) {
    return 'cancelled';
  }
  const client = session.client;
  const account = session;
  const chosen = entry;
  const shown = shownNumber(chosen.phoneNumber);
  return change(deps, account, {
    confirm: {
      question: vscode.l10n.t('Remove {0} from the STOP list?', shown),
      lines: [
        vscode.l10n.t(
          'This person asked not to receive your SMS. Once removed, they will receive your messages again. Remove only if they asked to be contacted again.',
        ),
      ],
      button: vscode.l10n.t('Remove'),
    },
    progress: vscode.l10n.t('Removing {0} from the STOP list…', shown),
    logAs: `removing STOP list entry ${chosen.id}`,
    run: (signal) => client.removeStopNumber(chosen.id, { signal }),
    done: () => {
      account.stopList.removed(chosen.id);
      deps.log?.info(`SMS Partner (${account.id}): STOP list entry ${chosen.id} removed.`);
      void showInfo(vscode.l10n.t('{0} is no longer on the STOP list.', shown));
    },
  });
}

/** *Find in STOP List…*: the whole list in a QuickPick; the pick is shown in the tree. */
export async function findInStopList(
  sessions: AccountSessions,
  target: unknown,
  reveal: (session: AccountSession, id: number) => Thenable<void>,
): Promise<void> {
  const session = await smsAccount(sessions, target, vscode.l10n.t('Find in STOP List'));
  if (!session) {
    return;
  }
  await withNotificationProgress({ title: vscode.l10n.t('Reading the STOP list…') }, () =>
    session.stopList.loadAll(session.accountSignal),
  );
  if (session.stopList.error !== undefined) {
    void showError(errorText(session.stopList.error));
    return;
  }
  const picked = await vscode.window.showQuickPick(
    session.stopList.items.map((e) => ({
      label: shownNumber(e.phoneNumber),
      description: e.createdAtText,
      entry: e,
    })),
    {
      title: vscode.l10n.t('Find in STOP List'),
      placeHolder: vscode.l10n.t('A number, or part of it'),
      matchOnDescription: true,
    },
  );
  if (picked) {
    await reveal(session, picked.entry.id);
  }
}
