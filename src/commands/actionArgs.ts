import * as vscode from 'vscode';
import type { StopEntry, Subaccount } from '../api';
import { checkCommandArgs, type ActionCommand } from '../actions/commandArgs';
import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';
import { showError } from '../ui/notifications';
import { isStopEntryTarget, isSubaccountTarget } from '../accounts/commandTargets';
import { isServiceId } from './servicePick';

/*
 * The run-time checks every command that spends, sends, deletes or cancels makes of its
 * arguments before anything else: their shapes (`actions/commandArgs.ts`), the account
 * they name (known, or asked), the sub-account or STOP entry they act on (one this
 * account has listed, not an object made up to look like one). A refusal is said once,
 * naming the command, and nothing is sent.
 */

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

const REFUSED = { ok: false } as const;

function refuse(title: string, problem: string): { readonly ok: false } {
  void showError(vscode.l10n.t('{0}: nothing was done. {1}', title, problem));
  return REFUSED;
}

/**
 * What a menu passes after the item (the selected items of a tree, a URI) is not an
 * argument: only what a caller passed on purpose is checked, and then strictly.
 */
function onPurpose(extra: unknown): boolean {
  return extra !== undefined && !Array.isArray(extra) && !(extra instanceof vscode.Uri);
}

/** A command's object of answers given in advance, checked; undefined when none was given. */
export function givenArgs<T>(command: ActionCommand, title: string, args: unknown): Checked<T | undefined> {
  if (!onPurpose(args)) {
    return { ok: true, value: undefined };
  }
  const check = checkCommandArgs<T>(command, args, vscode.l10n.t);
  return check.ok ? check : refuse(title, check.problem);
}

/** One positional argument (an amount, a number, a message id), checked as text. */
export function givenText(
  command: 'transferCredit' | 'addToStopList' | 'cancelScheduledSend',
  field: 'amount' | 'number' | 'messageId',
  title: string,
  value: unknown,
): Checked<string | undefined> {
  if (!onPurpose(value)) {
    return { ok: true, value: undefined };
  }
  const check = checkCommandArgs<Record<string, string>>(command, { [field]: value }, vscode.l10n.t);
  return check.ok ? { ok: true, value: check.value?.[field] } : refuse(title, check.problem);
}

/**
 * The account a command names: nothing (asked), a service id (asked among its accounts),
 * a known account id, or an item of the Partner Accounts view under a known account.
 * An unknown id or an item of no known account is refused: never replaced by a guess.
 */
export function givenAccount(sessions: AccountSessions, title: string, target: unknown): Checked<unknown> {
  if (target === undefined || target instanceof vscode.Uri || isServiceId(target)) {
    return { ok: true, value: target };
  }
  if (typeof target === 'string') {
    return sessions.get(target) ? { ok: true, value: target } : refuse(title, unknownAccount());
  }
  if (typeof target === 'object' && target !== null && !Array.isArray(target) && namesAccount(target)) {
    return accountOf(sessions, target) ? { ok: true, value: target } : refuse(title, unknownAccount());
  }
  return refuse(
    title,
    vscode.l10n.t('The first argument must be an account id, sms or mail, or an item of the Partner Accounts view.'),
  );
}

function unknownAccount(): string {
  return vscode.l10n.t('No account of the Partner Accounts view has that id.');
}

function namesAccount(value: object): boolean {
  return 'accountId' in value || 'session' in value || 'parent' in value;
}

function accountOf(sessions: AccountSessions, value: unknown): AccountSession | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const v = value as { accountId?: unknown; session?: { id?: unknown }; parent?: unknown };
  if (typeof v.accountId === 'string') {
    return sessions.get(v.accountId);
  }
  if (typeof v.session?.id === 'string') {
    return sessions.get(v.session.id);
  }
  return accountOf(sessions, v.parent);
}

/** A sub-account item: its account known, and the sub-account one that account listed (by token and id). */
export function givenSubaccount(
  sessions: AccountSessions,
  title: string,
  node: unknown,
): Checked<{ readonly session: AccountSession; readonly sub: Subaccount }> | undefined {
  if (!isSubaccountTarget(node)) {
    return undefined;
  }
  const session = typeof node.accountId === 'string' ? sessions.get(node.accountId) : undefined;
  const given = node.subaccount as Partial<Subaccount> | undefined;
  const known = (list: readonly Subaccount[]) =>
    list.find((s) => s.token !== undefined && s.token === given?.token && s.id === given?.id);
  const sub = session && (known(session.subaccounts.items) ?? known(session.subaccountIndex.items));
  if (!session || !sub) {
    return refuse(title, vscode.l10n.t('That sub-account is not one the Partner Accounts view lists.'));
  }
  return { ok: true, value: { session, sub } };
}

/** A STOP entry item: its account known, and the entry one its STOP list holds. */
export function givenStopEntry(
  sessions: AccountSessions,
  title: string,
  node: unknown,
): Checked<{ readonly session: AccountSession; readonly entry: StopEntry }> | undefined {
  if (!isStopEntryTarget(node)) {
    return undefined;
  }
  const session = typeof node.accountId === 'string' ? sessions.get(node.accountId) : undefined;
  const id = (node.entry as Partial<StopEntry> | undefined)?.id;
  const entry = session?.stopList.items.find((e) => e.id === id);
  if (!session || !entry) {
    return refuse(title, vscode.l10n.t('That number is not one the STOP list shows.'));
  }
  return { ok: true, value: { session, entry } };
}
