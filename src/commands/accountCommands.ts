import * as vscode from 'vscode';
import { SERVICE_IDS, SERVICES, type Account, type ServiceId, type Subaccount } from '../api';
import type { ServiceSession } from '../accounts/serviceSession';
import type { PartnerSettings } from '../settings/partnerSettings';
import { nodeTarget } from './nodeTarget';
import { pickService } from './servicePick';
import { showInfo, showWarning } from '../providers/notifications';

export interface AccountCommandDeps {
  readonly sessions: Readonly<Record<ServiceId, ServiceSession>>;
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
  let target = nodeTarget(arg);
  if (!target) {
    const service = await pickService(vscode.l10n.t('Open in Dashboard'), () => undefined, SERVICE_IDS);
    if (!service) {return undefined;}
    target = { service };
  }
  const uri = vscode.Uri.parse(deps.settings().dashboardUrl[target.service]);
  if (target.subaccount) {
    const email = target.subaccount.subaccount.email;
    await vscode.env.clipboard.writeText(email);
    void showInfo(vscode.l10n.t('Opening the {0} dashboard; {1} is on the clipboard to find the sub-account there.', SERVICES[target.service].label, email));
  }
  await deps.openExternal(uri);
  return uri;
}

/** `Copy as JSON`: the account's credits or a sub-account's details, never a key. */
export async function copyAsJson(deps: AccountCommandDeps, arg?: unknown): Promise<string | undefined> {
  const target = nodeTarget(arg);
  if (!target) {return undefined;}
  let value: unknown;
  if (target.subaccount) {
    value = subaccountJson(target.service, target.subaccount.subaccount);
  } else {
    const account = deps.sessions[target.service].account;
    if (!account) {
      void showWarning(vscode.l10n.t('{0} has not been read yet.', SERVICES[target.service].label));
      return undefined;
    }
    value = accountJson(target.service, account);
  }
  const text = `${JSON.stringify(value, null, 2)}\n`;
  await vscode.env.clipboard.writeText(text);
  void showInfo(vscode.l10n.t('Copied as JSON.'));
  return text;
}

export function accountJson(service: ServiceId, account: Account): unknown {
  return { service, user: account.user, credits: { ...account.credits, balance: { amount: account.credits.balance.amount, currency: account.credits.balance.currency } } };
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
