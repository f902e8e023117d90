import * as vscode from 'vscode';
import { type Account, type ServiceId, type Subaccount } from '../api';
import type { AccountSessions } from '../accounts/accountSessions';
import type { PartnerSettings } from '../settings/partnerSettings';
import { isSubaccountTarget } from '../accounts/commandTargets';
import { resolveAccount } from './accountPick';
import { showInfo, showWarning } from '../ui/notifications';

export interface AccountCommandDeps {
  readonly sessions: AccountSessions;
  readonly settings: () => PartnerSettings;
  /** `vscode.env.openExternal`, replaceable so tests never leave the machine. */
  readonly openExternal: (uri: vscode.Uri) => Thenable<boolean>;
}

/**
 * `Open in Dashboard`: the provider's web dashboard for the account. The dashboard
 * has no documented address per sub-account, so for one its e-mail is copied to
 * find it there in one paste.
 */
export async function openInDashboard(deps: AccountCommandDeps, arg?: unknown): Promise<vscode.Uri | undefined> {
  const session = await resolveAccount(deps.sessions, arg, { title: vscode.l10n.t('Open in Dashboard') });
  if (!session) {
    return undefined;
  }
  const uri = vscode.Uri.parse(deps.settings().dashboardUrl[session.service]);
  if (isSubaccountTarget(arg)) {
    const email = arg.subaccount.email;
    await vscode.env.clipboard.writeText(email);
    void showInfo(
      vscode.l10n.t(
        'Opening the {0} dashboard; {1} is on the clipboard to find the sub-account there.',
        session.label,
        email,
      ),
    );
  }
  await deps.openExternal(uri);
  return uri;
}

/** `Copy as JSON`: the account's credits or a sub-account's details, never a key. */
export async function copyAsJson(deps: AccountCommandDeps, arg?: unknown): Promise<string | undefined> {
  let value: unknown;
  if (isSubaccountTarget(arg)) {
    value = subaccountJson(arg.service, arg.subaccount);
  } else {
    const session = await resolveAccount(deps.sessions, arg, { title: vscode.l10n.t('Copy as JSON') });
    if (!session) {
      return undefined;
    }
    const account = session.account;
    if (!account) {
      void showWarning(vscode.l10n.t('{0} has not been read yet.', session.name));
      return undefined;
    }
    value = accountJson(session.service, account);
  }
  const text = `${JSON.stringify(value, null, 2)}\n`;
  await vscode.env.clipboard.writeText(text);
  void showInfo(vscode.l10n.t('Copied as JSON.'));
  return text;
}

export function accountJson(service: ServiceId, account: Account): unknown {
  return {
    service,
    user: account.user,
    credits: {
      ...account.credits,
      balance: { amount: account.credits.balance.amount, currency: account.credits.balance.currency },
    },
  };
}

export function subaccountJson(service: ServiceId, s: Subaccount): unknown {
  // Listed field by field: the sub-account's own apiKey must never be copied by accident.
  return {
    service,
    id: s.id,
    email: s.email,
    type: s.type,
    token: s.token,
    createdAt: s.createdAt ? s.createdAt.toISOString() : s.createdAtText,
    balance: { amount: s.balance.amount, currency: s.balance.currency },
  };
}
