import * as vscode from 'vscode';
import { isPartnerError, SERVICES, type Subaccount } from '../api';
import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';
import type { PartnerLog } from '../log/partnerLog';
import { formatMoney } from '../ui/localeFormat';
import { showError, showInfo } from '../ui/notifications';
import { resolveAccount } from './accountPick';
import { givenAccount, givenSubaccount } from './actionArgs';
import { commandHost, type Confirm } from './commandHost';
import { askText, prompted } from '../ui/prompt';

export interface RemoveSubaccountDeps {
  readonly sessions: AccountSessions;
  readonly log?: PartnerLog;
  /** The modal: says what removal does; true to go on. */
  readonly confirm: Confirm;
  /** Asks to type the e-mail; resolves to what was typed, or undefined on Escape. */
  readonly typeEmail: (email: string, validate: (value: string) => string | undefined) => Promise<string | undefined>;
}

export type RemoveOutcome = 'done' | 'cancelled' | 'refused' | 'unknown' | 'busy';

/** Exact match only: removal cannot be undone. */
export function typedEmailProblem(typed: string, email: string): string | undefined {
  return typed === email ? undefined : vscode.l10n.t('Type {0} exactly to confirm.', email);
}

/** The e-mail typed again, in an input box that checks it as you type. */
export function typeEmailInBox(
  email: string,
  validate: (value: string) => string | undefined,
): Promise<string | undefined> {
  const title = vscode.l10n.t('Remove Sub-account');
  const prompt = vscode.l10n.t('Type {0} to confirm the removal.', email);
  return prompted(() => askText({ title, prompt, validate }), undefined, undefined);
}

/**
 * `Remove Sub-account…`: a modal naming the e-mail and the balance, the e-mail typed
 * again (exact match), ONE request (never retried), then the node taken out of the
 * tree. When the outcome is unknown, the user is told and the list re-read.
 */
export async function removeSubaccount(deps: RemoveSubaccountDeps, node: unknown): Promise<RemoveOutcome> {
  const title = vscode.l10n.t('Remove Sub-account');
  // A sub-account item must be one its account listed; anything else names an account (or asks).
  const listed = givenSubaccount(deps.sessions, title, node);
  const account = listed ? undefined : givenAccount(deps.sessions, title, node);
  if (listed?.ok === false || account?.ok === false) {
    return 'refused';
  }
  const target = listed?.ok ? listed.value : await pickSubaccount(deps.sessions, account?.value);
  const { session, sub } = target ?? {};
  if (!session || !sub) {
    return 'cancelled';
  }
  const label = SERVICES[session.service].label;
  const locale = vscode.env.language;
  if (!sub.token) {
    void showError(
      vscode.l10n.t('The provider did not send a token for {0}, so it cannot be removed here.', sub.email),
    );
    return 'refused';
  }
  const token = sub.token;
  const balance = formatMoney(sub.balance, locale);
  const lines = [
    vscode.l10n.t('Balance: {0}', balance),
    vscode.l10n.t('Its key stops working and it leaves this list. This cannot be undone.'),
  ];
  if (sub.balance.value > 0) {
    lines.push(
      vscode.l10n.t(
        "The provider's documentation does not say what becomes of a remaining balance: take it back first with Remove Credit… to keep it.",
      ),
    );
  }
  const gone = () => {
    session.subaccounts.removeItem(sub.id);
    session.subaccountIndex.changed(sub.id);
  };
  const done = await session.actions.perform(
    {
      kind: 'removeSubaccount',
      subject: token,
      confirm: {
        question: vscode.l10n.t('Remove the {0} sub-account {1} (balance {2})?', label, sub.email, balance),
        lines,
        button: vscode.l10n.t('Remove…'),
        also: async () => {
          const typed = await deps.typeEmail(sub.email, (v) => typedEmailProblem(v, sub.email));
          return typed !== undefined && typedEmailProblem(typed, sub.email) === undefined;
        },
      },
      progress: vscode.l10n.t('Removing the sub-account {0}…', sub.email),
      logAs: `${label} (${session.id}): removing sub-account ${sub.id}`,
      run: () => session.removeSubaccount(token),
      words: {
        busy: vscode.l10n.t('{0} is already being removed.', sub.email),
        // "Not removed" only when the provider said no or nothing left the machine.
        refused: (reason) => vscode.l10n.t('The sub-account was not removed: {0}', reason),
        unknown: (reason) =>
          vscode.l10n.t(
            'The outcome of the removal is unknown: {0} The sub-accounts are being read again; check them before trying again.',
            reason,
          ),
      },
      after: {
        done: gone,
        refused: (error) => {
          if (isPartnerError(error) && error.kind === 'api' && error.code === 404) {
            // Gone already (removed elsewhere): the tree stops showing it.
            gone();
          }
        },
        unknown: () => {
          session.subaccountIndex.changed();
          void session.subaccounts.reload();
        },
      },
    },
    commandHost(deps.confirm),
  );
  if (done.outcome !== 'done') {
    return done.outcome === 'notSent' ? 'refused' : done.outcome;
  }
  deps.log?.info(`${label} (${session.id}): sub-account ${sub.id} removed.`);
  void showInfo(vscode.l10n.t('Sub-account {0} removed.', sub.email));
  return 'done';
}

/** From the palette: the account, then one of the sub-accounts the tree has loaded. */
async function pickSubaccount(
  sessions: AccountSessions,
  arg: unknown,
): Promise<{ session: AccountSession; sub: Subaccount } | undefined> {
  const session = await resolveAccount(sessions, arg, { title: vscode.l10n.t('Remove Sub-account'), usable: true });
  if (!session) {
    return undefined;
  }
  await session.subaccounts.ensureLoaded();
  const locale = vscode.env.language;
  const items = session.subaccounts.items.map((sub) => ({
    label: sub.email,
    description: formatMoney(sub.balance, locale),
    sub,
  }));
  if (items.length === 0) {
    void showInfo(vscode.l10n.t('{0} has no sub-accounts loaded.', session.name));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Remove Sub-account'),
    placeHolder: vscode.l10n.t('Choose the sub-account to remove (loaded ones; use Find to reach others)'),
  });
  return picked && { session, sub: picked.sub };
}
