import { SERVICES, type ServiceId } from '../api';
import { maskRecipient } from '../ui/personalData';
import type { Translate } from '../ui/translate';

/** What the choice needs of an account session. */
export interface ChoosableAccount {
  readonly id: string;
  readonly service: ServiceId;
  /** What the user calls it (the tree's label). */
  readonly name: string;
  readonly hasKey: boolean;
}

export interface AccountRequest {
  /** An account's name or id, as the user or the model wrote it. */
  readonly account?: string;
  readonly service?: ServiceId;
}

export type AccountChoice<A> =
  { readonly ok: true; readonly account: A } | { readonly ok: false; readonly problem: string };

/**
 * `SMS Partner · Shop (id 1a2b)`: how results and errors name an account, so the
 * model can name it back. A name that is the provider's username (often an e-mail)
 * is masked like a recipient unless personal data may be shared: the id still names it.
 */
export function accountTitle(account: ChoosableAccount, share: boolean): string {
  return `${SERVICES[account.service].label} · ${maskedName(account.name, share)} (id ${account.id})`;
}

/** A name that looks like an e-mail or a phone number, masked unless personal data may be shared. */
function maskedName(name: string, share: boolean): string {
  return share || !/@|\d{6,}/.test(name) ? name : maskRecipient(name);
}

function list(accounts: readonly ChoosableAccount[], share: boolean): string {
  return accounts.map((a) => accountTitle(a, share)).join('; ');
}

/** Why no account can answer: none (of the service) has a key. */
export function noKeyProblem(service: ServiceId | undefined, t: Translate): string {
  return service
    ? t('No {0} account has an API key. Set one with the command Partner: Set API Key….', SERVICES[service].label)
    : t('No account has an API key. Set one with the command Partner: Set API Key….');
}

/**
 * The account a tool acts on: the one the input names (by id, else by name, case
 * and spacing aside), else the one the user pinned for the service, else the only
 * account with a key. When that is not enough, the problem lists the accounts so
 * the model can ask again with one of them.
 */
export function chooseAccount<A extends ChoosableAccount>(
  accounts: readonly A[],
  pinned: (service: ServiceId) => A | undefined,
  request: AccountRequest,
  t: Translate,
  share: boolean,
): AccountChoice<A> {
  const keyed = accounts.filter((a) => a.hasKey && (!request.service || a.service === request.service));
  if (keyed.length === 0) {
    return { ok: false, problem: noKeyProblem(request.service, t) };
  }
  if (request.account !== undefined) {
    const wanted = request.account.trim();
    const byId = keyed.find((a) => a.id === wanted);
    const normal = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
    const byName = byId ? [byId] : keyed.filter((a) => normal(a.name) === normal(wanted));
    if (byName.length === 1) {
      return { ok: true, account: byName[0] };
    }
    return {
      ok: false,
      problem:
        byName.length === 0
          ? t(
              'No account with a key is named "{0}". The accounts are: {1}.',
              maskedName(wanted, share),
              list(keyed, share),
            )
          : t(
              'Several accounts are named "{0}": give its id instead. The accounts are: {1}.',
              maskedName(wanted, share),
              list(byName, share),
            ),
    };
  }
  const services = [...new Set(keyed.map((a) => a.service))];
  if (services.length === 1) {
    const service = services[0];
    const choice = pinned(service);
    if (choice && keyed.includes(choice)) {
      return { ok: true, account: choice };
    }
    if (keyed.length === 1) {
      return { ok: true, account: keyed[0] };
    }
  }
  return {
    ok: false,
    problem: t(
      'Several accounts could answer: give the input field "account" (a name or an id) or "service". The accounts are: {0}.',
      list(keyed, share),
    ),
  };
}
