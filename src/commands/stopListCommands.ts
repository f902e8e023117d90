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
import { sayFailure } from './actionFailure';

export interface StopListDeps {
  readonly sessions: AccountSessions;
  readonly log?: PartnerLog;
  /** Asks the user to confirm a removal; the command uses a modal dialog. */
  readonly confirm: (message: string, detail: string, action: string) => Promise<boolean>;
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

async function once(session: AccountSession, work: () => Promise<StopOutcome>): Promise<StopOutcome> {
  const release = session.actions.enter('stopList');
  if (!release) {
    void showInfo(vscode.l10n.t('A STOP list change for {0} is already in progress.', session.name));
    return 'busy';
  }
  try {
    return await work();
  } finally {
    release();
  }
}

/** A refusal is said as such; anything else after sending leaves the outcome unknown: said, and the list re-read. */
function failed(deps: StopListDeps, session: AccountSession, error: unknown, what: string): StopOutcome {
  // "Not changed" only when the provider said no or nothing left the machine; a request
  // cancelled after it was written (the key replaced, the account removed) is unknown.
  const failure = sayFailure(deps.log, `SMS Partner (${session.id}): ${what}`, error, {
    refused: (reason) => vscode.l10n.t('The STOP list was not changed: {0}', reason),
    unknown: (reason) =>
      vscode.l10n.t(
        'The outcome is unknown: {0} The STOP list is being read again; check it before trying again.',
        reason,
      ),
  });
  if (failure !== 'unknown') {
    return 'refused';
  }
  void session.stopList.reload().then(() => session.stopList.loadAll());
  return 'unknown';
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
  return once(session, async () => {
    try {
      const { stopId } = await withNotificationProgress(
        { title: vscode.l10n.t('Adding {0} to the STOP list…', shownNumber(checked.e164)) },
        () => client.addStopNumber(checked.e164, { signal: session.accountSignal }),
      );
      if (stopId !== undefined) {
        session.stopList.added({ id: stopId, phoneNumber: checked.e164, createdAt: new Date() });
      } else {
        void session.stopList.reload();
      }
      deps.log?.info(`SMS Partner (${session.id}): a number was added to the STOP list.`);
      void showInfo(
        vscode.l10n.t(
          '{0} is on the STOP list: it will not receive SMS from {1}.',
          shownNumber(checked.e164),
          session.name,
        ),
      );
      return 'done';
    } catch (error) {
      return failed(deps, session, error, 'adding a number to the STOP list');
    }
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
  const chosen = entry;
  const action = vscode.l10n.t('Remove');
  const ok = await deps.confirm(
    vscode.l10n.t('Remove {0} from the STOP list?', shownNumber(chosen.phoneNumber)),
    vscode.l10n.t(
      'This person asked not to receive your SMS. Once removed, they will receive your messages again. Remove only if they asked to be contacted again.',
    ),
    action,
  );
  if (!ok) {
    return 'cancelled';
  }
  const account = session;
  return once(account, async () => {
    try {
      await withNotificationProgress(
        { title: vscode.l10n.t('Removing {0} from the STOP list…', shownNumber(chosen.phoneNumber)) },
        () => client.removeStopNumber(chosen.id, { signal: account.accountSignal }),
      );
      account.stopList.removed(chosen.id);
      deps.log?.info(`SMS Partner (${account.id}): STOP list entry ${chosen.id} removed.`);
      void showInfo(vscode.l10n.t('{0} is no longer on the STOP list.', shownNumber(chosen.phoneNumber)));
      return 'done';
    } catch (error) {
      return failed(deps, account, error, `removing STOP list entry ${chosen.id}`);
    }
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
