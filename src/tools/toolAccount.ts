import * as vscode from 'vscode';
import type { ServiceId } from '../api';
import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';
import { chooseAccount } from './accountChoice';

/** A problem the tool reports as its answer (no request was made). */
export class ToolInputProblem extends Error {}

/** The account the input names, or the pinned one; else a ToolInputProblem listing the accounts. */
export function toolAccount(
  sessions: AccountSessions,
  input: { readonly account?: string; readonly service?: ServiceId },
  share: boolean,
): AccountSession {
  const choice = chooseAccount(sessions.all, (s) => sessions.pinned(s), input, vscode.l10n.t, share);
  if (!choice.ok) {
    throw new ToolInputProblem(choice.problem);
  }
  return choice.account;
}
