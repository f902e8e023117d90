import * as vscode from 'vscode';
import {
  checkApiAmount,
  classifyActionFailure,
  createRequestProblem,
  isPlausibleEmail,
  MAX_NAME_LENGTH,
  money,
  SERVICES,
  type CreatedSubaccount,
  type ServiceId,
  type SubaccountCreateRequest,
  type SubaccountType,
} from '../api';
import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';
import type { PartnerLog } from '../log/partnerLog';
import { errorText } from '../ui/errorText';
import { formatMoney } from '../ui/localeFormat';
import { showError, showInfo, showWarning, withNotificationProgress } from '../ui/notifications';
import { resolveAccount } from './accountPick';
import { givenAccount, givenArgs } from './actionArgs';
import { ambiguousNote, readTypedAmount } from './amountInput';
import { amountProblem, balanceProblem } from './creditTransfer';

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

/** Why the e-mail is refused as typed, or undefined. */
export function emailProblem(value: string, required: boolean): string | undefined {
  const v = value.trim();
  if (v === '') {
    return required ? vscode.l10n.t('Enter the e-mail address of the sub-account holder.') : undefined;
  }
  return isPlausibleEmail(v) ? undefined : vscode.l10n.t('Enter an e-mail address such as name@example.com.');
}

function nameProblem(value: string): string | undefined {
  return value.trim().length > MAX_NAME_LENGTH
    ? vscode.l10n.t('At most {0} characters.', String(MAX_NAME_LENGTH))
    : undefined;
}

/** The e-mail is optional only for a simple Mail Partner sub-account (the provider makes one up). */
function emailRequired(service: ServiceId, type: SubaccountType): boolean {
  return !(service === 'mail' && type === 'simple');
}

/** What the request states, one line each, for the confirmation. */
function requestLines(session: AccountSession, request: SubaccountCreateRequest, locale: string): string[] {
  const currency = session.account?.credits.balance.currency ?? 'EUR';
  const lines = [
    request.type === 'advanced'
      ? vscode.l10n.t('Type: advanced (final; the holder completes a sign-up with a mobile number)')
      : vscode.l10n.t('Type: simple (final; receives no e-mail or SMS, cannot buy)'),
    vscode.l10n.t('E-mail: {0}', request.email?.trim() || vscode.l10n.t('made up by the provider')),
  ];
  if (request.type === 'advanced') {
    lines.push(
      request.isBuyer ? vscode.l10n.t('May buy its own credit: yes') : vscode.l10n.t('May buy its own credit: no'),
    );
  }
  const names = [request.title, request.firstname, request.lastname].map((n) => n?.trim()).filter(Boolean);
  if (names.length > 0) {
    lines.push(vscode.l10n.t('Names: {0}', names.join(' · ')));
  }
  if (request.creditToAttribute !== undefined) {
    const check = checkApiAmount(request.creditToAttribute);
    if (check.ok) {
      const credit = money(check.amount, currency);
      const main = session.account?.credits.balance;
      lines.push(
        main
          ? vscode.l10n.t(
              'Credit moved from the main account: {0} ({1} → {2})',
              formatMoney(credit, locale),
              formatMoney(main, locale),
              formatMoney(
                money((Math.round(main.value * 1000 - credit.value * 1000) / 1000).toFixed(3), currency),
                locale,
              ),
            )
          : vscode.l10n.t('Credit moved from the main account: {0}', formatMoney(credit, locale)),
      );
    }
  }
  return lines;
}

/**
 * The multi-step form: type, e-mail, buyer (advanced), credit, names. Each step is
 * validated as the user types; Escape anywhere cancels everything.
 */
async function askRequest(session: AccountSession): Promise<SubaccountCreateRequest | undefined> {
  const service = session.service;
  const locale = vscode.env.language;
  const title = (step: number, steps: number) =>
    vscode.l10n.t('Create {0} Sub-account ({1}/{2})', SERVICES[service].label, String(step), String(steps));
  const typeItems: (vscode.QuickPickItem & { type: SubaccountType })[] = [
    {
      type: 'simple',
      label: vscode.l10n.t('Simple'),
      detail: vscode.l10n.t('Receives no e-mail or SMS, needs no phone number, cannot buy credit.'),
    },
    {
      type: 'advanced',
      label: vscode.l10n.t('Advanced'),
      detail: vscode.l10n.t('A valid e-mail; the holder signs up like a standard account, with a mobile number.'),
    },
  ];
  const steps = (type: SubaccountType) => (type === 'advanced' ? 6 : 5);
  const typePick = await vscode.window.showQuickPick(typeItems, {
    title: title(1, 5),
    placeHolder: vscode.l10n.t('Sub-account type (final: it cannot be changed later)'),
    ignoreFocusOut: true,
  });
  if (!typePick) {
    return undefined;
  }
  const type = typePick.type;
  const total = steps(type);
  const required = emailRequired(service, type);
  const email = await vscode.window.showInputBox({
    title: title(2, total),
    prompt: required
      ? vscode.l10n.t('E-mail address of the sub-account holder.')
      : vscode.l10n.t('E-mail address of the sub-account holder (optional: the provider makes one up).'),
    placeHolder: 'name@example.com',
    ignoreFocusOut: true,
    validateInput: (v) => emailProblem(v, required),
  });
  if (email === undefined) {
    return undefined;
  }
  let step = 3;
  let isBuyer: boolean | undefined;
  if (type === 'advanced') {
    const yes = vscode.l10n.t('Yes: it may buy its own credit');
    const no = vscode.l10n.t('No: credit comes from the main account only');
    const buyer = await vscode.window.showQuickPick([no, yes], {
      title: title(step++, total),
      placeHolder: vscode.l10n.t('May the sub-account buy its own credit?'),
      ignoreFocusOut: true,
    });
    if (buyer === undefined) {
      return undefined;
    }
    isBuyer = buyer === yes;
  }
  const main = session.account?.credits.balance;
  const zero = money('0', main?.currency ?? 'EUR');
  const credit = await vscode.window.showInputBox({
    title: title(step++, total),
    prompt: main
      ? vscode.l10n.t(
          'Credit in euros moved to it at creation (optional; main account: {0}).',
          formatMoney(main, locale),
        )
      : vscode.l10n.t('Credit in euros moved to it at creation (optional).'),
    placeHolder: vscode.l10n.t('none'),
    ignoreFocusOut: true,
    validateInput: (v) =>
      v.trim() === '' ? undefined : (amountProblem(v, 'add', zero, main, locale) ?? ambiguousNote(v, locale)),
  });
  if (credit === undefined) {
    return undefined;
  }
  // Read now, so a text that reads two ways (`1.000` in German) is asked about at this step.
  const read = credit.trim() === '' ? { amount: undefined } : await readTypedAmount(credit, zero.currency, locale);
  const creditProblem =
    read && ('refused' in read ? read.refused : read.amount && balanceProblem(read.amount, 'add', zero, main, locale));
  if (creditProblem) {
    void showError(creditProblem);
  }
  if (!read || 'refused' in read || creditProblem) {
    return undefined;
  }
  const subTitle = await vscode.window.showInputBox({
    title: title(step++, total),
    prompt: vscode.l10n.t('Name of the sub-account (optional).'),
    ignoreFocusOut: true,
    validateInput: nameProblem,
  });
  if (subTitle === undefined) {
    return undefined;
  }
  const holder = await vscode.window.showInputBox({
    title: title(step++, total),
    prompt: vscode.l10n.t('First and last name of the holder, separated by a comma (optional).'),
    placeHolder: vscode.l10n.t('First name, Last name'),
    ignoreFocusOut: true,
    validateInput: (v) => v.split(',').map(nameProblem).find(Boolean),
  });
  if (holder === undefined) {
    return undefined;
  }
  const [firstname, ...rest] = holder.split(',');
  return {
    type,
    email: email.trim() || undefined,
    isBuyer,
    creditToAttribute: read.amount,
    title: subTitle.trim() || undefined,
    firstname: firstname?.trim() || undefined,
    lastname: rest.join(',').trim() || undefined,
  };
}

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
    request = await askRequest(session);
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
    void offerKeys(deps, session.service, created);
    return { outcome: 'done', created };
  } catch (error) {
    deps.log?.warn(
      `${label} (${session.id}): creating a sub-account failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    // "Not created" only when the provider said no or nothing left the machine.
    if (classifyActionFailure(error) !== 'unknown') {
      void showError(vscode.l10n.t('The sub-account was not created: {0}', errorText(error)));
      return { outcome: 'refused' };
    }
    // Sent, but no answer we can trust (a timeout, the key replaced or the account removed
    // mid-request): it may or may not exist now. Never sent again.
    void showWarning(
      vscode.l10n.t(
        'The outcome of the creation is unknown: {0} The sub-accounts are being read again; check them before trying again.',
        errorText(error),
      ),
    );
    session.subaccountIndex.changed();
    void session.subaccounts.reload();
    void session.refresh({ maxAgeMs: 0 });
    return { outcome: 'unknown' };
  } finally {
    release();
  }
}

/**
 * Says it is done, with buttons: the token (and the key, when the answer had one) go to
 * the clipboard only when asked; the key is never shown, and stored only by *Save as Account…*.
 */
async function offerKeys(deps: CreateSubaccountDeps, service: ServiceId, created: CreatedSubaccount): Promise<void> {
  const copyToken = vscode.l10n.t('Copy Token');
  const copyKey = vscode.l10n.t('Copy API Key');
  const save = vscode.l10n.t('Save as Account…');
  const buttons = [...(created.token ? [copyToken] : []), ...(created.apiKey ? [copyKey, save] : [])];
  const done = created.confirmationSentTo
    ? vscode.l10n.t(
        'Sub-account {0} created. The provider sent a confirmation to {1}.',
        created.email,
        created.confirmationSentTo,
      )
    : vscode.l10n.t('Sub-account {0} created.', created.email);
  const picked = await showInfo(done, ...buttons);
  if (picked === copyToken && created.token) {
    await vscode.env.clipboard.writeText(created.token);
    void showInfo(vscode.l10n.t('Token of {0} copied to the clipboard.', created.email));
  } else if (picked === copyKey && created.apiKey) {
    await vscode.env.clipboard.writeText(created.apiKey);
    void showInfo(vscode.l10n.t('API key of {0} copied to the clipboard.', created.email));
  } else if (picked === save && created.apiKey) {
    const name = await vscode.window.showInputBox({
      title: vscode.l10n.t('Save as Account'),
      prompt: vscode.l10n.t('A name for the new account.'),
      value: created.email,
    });
    if (name !== undefined) {
      await deps.saveAsAccount(service, created.apiKey, name.trim() || created.email);
    }
  }
}
