import * as vscode from 'vscode';
import type { Subaccount } from '../api';
import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';
import type { SubaccountTarget } from '../accounts/commandTargets';
import type { PlacedSubaccount } from '../accounts/subaccountList';
import { resolveAccount } from './accountPick';
import { pickSubaccount } from './findPick';

export interface FindDeps {
  readonly sessions: AccountSessions;
  /** Puts a sub-account in the Accounts view's list (without the pages before it) and selects it. */
  readonly reveal: (session: AccountSession, placed: PlacedSubaccount) => Promise<SubaccountTarget | undefined>;
}

/** Whether a sub-account matches what the user typed: e-mail, token or id. */
export function matchesSubaccount(s: Subaccount, query: string): boolean {
  const q = query.trim().toLowerCase();
  return (
    q !== '' && (s.email.toLowerCase().includes(q) || (s.token ?? '').toLowerCase().includes(q) || String(s.id) === q)
  );
}

/**
 * `Find Sub-account…`: a QuickPick over every sub-account of a service. It reads
 * the account's Find index (kept apart from the tree, fresh for a while, pages
 * filling in as they arrive and taken in a few times a second), matches e-mail,
 * token and id, and reveals the pick in the tree. With a `query` argument it
 * reveals the first match without asking (automation, tests).
 */
export async function findSubaccount(
  deps: FindDeps,
  accountArg?: unknown,
  query?: unknown,
): Promise<SubaccountTarget | undefined> {
  // While the user chooses the account, every candidate's list starts to arrive; the
  // others stop at the pick (what they read stays, for a later search).
  const early = new AbortController();
  const candidates = deps.sessions.all.filter((s) => s.client);
  if (accountArg === undefined && typeof query !== 'string' && candidates.length > 1) {
    for (const candidate of candidates) {
      void candidate.subaccountIndex.load(early.signal);
    }
  }
  // Lives as long as the search's QuickPick: closing it stops the reading.
  const search = new AbortController();
  let session: AccountSession | undefined;
  try {
    session = await resolveAccount(deps.sessions, accountArg, {
      title: vscode.l10n.t('Find Sub-account'),
      usable: true,
    });
    // The chosen account's reading carries on under the search's signal before the others stop.
    if (session && typeof query !== 'string') {
      void session.subaccountIndex.load(search.signal);
    }
  } finally {
    early.abort();
  }
  if (!session) {
    search.abort();
    return undefined;
  }
  const index = session.subaccountIndex;
  if (typeof query === 'string') {
    await index.load();
    const found = index.entries.find((e) => matchesSubaccount(e.subaccount, query));
    return found ? deps.reveal(session, found) : undefined;
  }
  const placed = await pickSubaccount(session, deps.sessions.forService(session.service).length > 1, search);
  return placed ? deps.reveal(session, placed) : undefined;
}
