import * as vscode from 'vscode';
import {
  createRequestProblem,
  money,
  SERVICES,
  type CreatedSubaccount,
  type ServiceId,
  type SubaccountCreateRequest,
} from '../api';
import type { AccountSessions } from '../accounts/accountSessions';
import type { PartnerLog } from '../log/partnerLog';
import { showError } from '../ui/notifications';
import { resolveAccount } from './accountPick';
import { givenAccount, givenArgs } from './actionArgs';
import type { AccountSession } from '../accounts/accountSession';
import type { ActionWords } from '../accounts/actionPath';
import { commandHost, type Confirm } from './commandHost';
import { prompted } from '../ui/prompt';
import { askRequest } from './createSubaccountSteps';
import { offerKeys, requestLines } from './createSubaccountReport';

export interface CreateSubaccountDeps {
  readonly sessions: AccountSessions;
  readonly log?: PartnerLog;
  /** Asks the user to confirm; the command uses a modal dialog. */
  readonly confirm: Confirm;
  /** Stores a key as an account of its own (the existing *Save as Account…* path). */
  readonly saveAsAccount: (service: ServiceId, key: string, name: string) => Promise<unknown>;
}

export type CreateOutcome =
  | { readonly outcome: 'done'; readonly created: CreatedSubaccount }
  | { readonly outcome: 'cancelled' | 'refused' | 'unknown' | 'busy' };

/**
 * `Create Sub-account…`: the form, a modal that states what will happen, ONE request
 * (never retried), then the new sub-account shown in the tree from the answer. Its
 * key, when the answer has one, is offered to the clipboard or to *Save as Account…*
 * on request only. When the outcome is unknown, the user is told and the list re-read.
 */
export async function createSubaccount(
  deps: CreateSubaccountDeps,
  arg?: unknown,
  requestArg?: unknown,
): Promise<CreateOutcome> {
  const title = vscode.l10n.t('Create Sub-account');
  // Types checked here (a credit given as a number is refused, never dropped); the values below.
  const given = givenArgs<SubaccountCreateRequest>('createSubaccount', title, requestArg);
  const account = givenAccount(deps.sessions, title, arg);
  if (!given.ok || !account.ok) {
    return { outcome: 'refused' };
  }
  const session = await resolveAccount(deps.sessions, account.value, { title, usable: true });
  if (!session) {
    return { outcome: 'cancelled' };
  }
  const label = SERVICES[session.service].label;
  const locale = vscode.env.language;
  const host = commandHost(deps.confirm);
  const words = createWords(session.name);
  if (session.actions.refuseIfBusy({ kind: 'createSubaccount', words }, host)) {
    return { outcome: 'busy' };
  }
  let request: SubaccountCreateRequest | undefined = given.value;
  if (request) {
    const problem = createRequestProblem(session.service, request);
    if (problem) {
      void showError(vscode.l10n.t('This sub-account cannot be created as given ({0}).', problem));
      return { outcome: 'refused' };
    }
  } else {
    // Escape at any step, or a credit refused at its step, creates nothing.
    request = await prompted(() => askRequest(session), undefined, undefined);
    if (!request) {
      return { outcome: 'cancelled' };
    }
  }
  const sent = request;
  const email = sent.email?.trim();
  const done = await session.actions.perform(
    {
      kind: 'createSubaccount',
      words,
      confirm: {
        question: email
          ? vscode.l10n.t('Create the {0} sub-account {1}?', label, email)
          : vscode.l10n.t('Create a {0} sub-account?', label),
        lines: requestLines(session, sent, locale),
        button: vscode.l10n.t('Create'),
      },
      progress: vscode.l10n.t('Creating the sub-account {0}…', email ?? ''),
      logAs: `${label} (${session.id}): creating a sub-account`,
      run: () => session.createSubaccount(sent),
      after: {
        done: (created) => {
          // Scrubbed from the log from now on, like the keys the list brings.
          deps.log?.rememberSecret(created.apiKey);
          shown(session, sent, created);
        },
        unknown: () => {
          session.subaccountIndex.changed();
          void session.subaccounts.reload();
          void session.refresh({ maxAgeMs: 0 });
        },
      },
    },
    host,
  );
  if (done.outcome !== 'done') {
    return { outcome: done.outcome === 'notSent' ? 'refused' : done.outcome };
  }
  deps.log?.info(`${label} (${session.id}): sub-account created (${sent.type}).`);
  void offerKeys(deps.saveAsAccount, session.service, done.value);
  return { outcome: 'done', created: done.value };
}

/** The new sub-account in the tree from the answer; the main balance read again when it paid. */
function shown(session: AccountSession, sent: SubaccountCreateRequest, created: CreatedSubaccount): void {
  const currency = session.account?.credits.balance.currency ?? 'EUR';
  const credit = sent.creditToAttribute ?? '0';
  session.subaccounts.insertCreated({
    email: created.email,
    type: sent.type,
    token: created.token,
    apiKey: created.apiKey,
    balance: money(Number(credit).toFixed(3), currency),
  });
  session.subaccountIndex.changed();
  if (sent.creditToAttribute !== undefined) {
    // The main account paid for it: read its balance again (one /me, shared).
    void session.refresh({ maxAgeMs: 0 });
  }
}

/** What a creation says when it cannot go on. */
function createWords(name: string): ActionWords {
  return {
    busy: vscode.l10n.t('A sub-account is already being created for {0}.', name),
    // "Not created" only when the provider said no or nothing left the machine; otherwise
    // it may or may not exist now (a timeout, the key replaced mid-request). Never sent again.
    refused: (reason) => vscode.l10n.t('The sub-account was not created: {0}', reason),
    unknown: (reason) =>
      vscode.l10n.t(
        'The outcome of the creation is unknown: {0} The sub-accounts are being read again; check them before trying again.',
        reason,
      ),
  };
}
