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
import { showError, showInfo, withNotificationProgress } from '../ui/notifications';
import { resolveAccount } from './accountPick';
import { givenAccount, givenArgs } from './actionArgs';
import { sayFailure } from './actionFailure';
import { prompted } from '../ui/prompt';
import { askRequest } from './createSubaccountSteps';
import { offerKeys, requestLines } from './createSubaccountReport';

export interface CreateSubaccountDeps {
  readonly sessions: AccountSessions;
  readonly log?: PartnerLog;
  /** Asks the user to confirm; the command uses a modal dialog. */
  readonly confirm: (message: string, detail: string, action: string) => Promise<boolean>;
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
  if (session.actions.isBusy('createSubaccount')) {
    void showInfo(vscode.l10n.t('A sub-account is already being created for {0}.', session.name));
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
  const email = request.email?.trim();
  const message = email
    ? vscode.l10n.t('Create the {0} sub-account {1}?', label, email)
    : vscode.l10n.t('Create a {0} sub-account?', label);
  const action = vscode.l10n.t('Create');
  const release = session.actions.enter('createSubaccount');
  if (!release) {
    return { outcome: 'busy' };
  }
  try {
    if (!(await deps.confirm(message, requestLines(session, request, locale).join('\n'), action))) {
      return { outcome: 'cancelled' };
    }
    const sent = request;
    const created = await withNotificationProgress(
      { title: vscode.l10n.t('Creating the sub-account {0}…', email ?? '') },
      () => session.createSubaccount(sent),
    );
    if (created.apiKey) {
      // Scrubbed from the log from now on, like the keys the list brings.
      deps.log?.rememberSecret(created.apiKey);
    }
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
    deps.log?.info(`${label} (${session.id}): sub-account created (${sent.type}).`);
    void offerKeys(deps.saveAsAccount, session.service, created);
    return { outcome: 'done', created };
  } catch (error) {
    // "Not created" only when the provider said no or nothing left the machine; otherwise
    // it may or may not exist now (a timeout, the key replaced mid-request). Never sent again.
    const failure = sayFailure(deps.log, `${label} (${session.id}): creating a sub-account`, error, {
      refused: (reason) => vscode.l10n.t('The sub-account was not created: {0}', reason),
      unknown: (reason) =>
        vscode.l10n.t(
          'The outcome of the creation is unknown: {0} The sub-accounts are being read again; check them before trying again.',
          reason,
        ),
    });
    if (failure !== 'unknown') {
      return { outcome: 'refused' };
    }
    session.subaccountIndex.changed();
    void session.subaccounts.reload();
    void session.refresh({ maxAgeMs: 0 });
    return { outcome: 'unknown' };
  } finally {
    release();
  }
}
