import * as vscode from 'vscode';
import { VIEW_ID } from '../ui/viewId';
import { SERVICES } from '../api';
import type { AccountSessions } from '../accounts/accountSessions';
import type { PartnerLog } from '../log/partnerLog';
import { errorText } from '../ui/errorText';
import { formatCount, formatMoney } from '../ui/localeFormat';
import { mainCount } from '../accounts/mainCount';
import { isSubaccountTarget, type SubaccountTarget } from '../accounts/commandTargets';
import type { PartnerSettings } from '../settings/partnerSettings';
import { subaccountClient } from './subaccountClient';
import { showError, showInfo, showWarning } from '../ui/notifications';

function asSubaccount(node: unknown): SubaccountTarget | undefined {
  if (isSubaccountTarget(node)) {
    return node;
  }
  void showError(vscode.l10n.t('Choose a sub-account in the Partner Accounts view.'));
  return undefined;
}

/** Copies the sub-account's token, or its own API key (to the clipboard only: never shown). */
export async function copySubaccountField(node: unknown, field: 'token' | 'apiKey'): Promise<void> {
  const s = asSubaccount(node);
  if (!s) {
    return;
  }
  const value = s.subaccount[field];
  const email = s.subaccount.email;
  if (!value) {
    void showWarning(
      field === 'token'
        ? vscode.l10n.t('The provider did not send a token for {0}.', email)
        : vscode.l10n.t('The provider did not send an API key for {0}.', email),
    );
    return;
  }
  await vscode.env.clipboard.writeText(value);
  void showInfo(
    field === 'token'
      ? vscode.l10n.t('Token of {0} copied to the clipboard.', email)
      : vscode.l10n.t('API key of {0} copied to the clipboard.', email),
  );
}

/** Reads a sub-account's own credits with its key, which stays in memory only. */
export async function showSubaccountCredits(
  node: unknown,
  settings: PartnerSettings,
  log: PartnerLog,
  sessions: AccountSessions,
): Promise<string | undefined> {
  const s = asSubaccount(node);
  if (!s) {
    return undefined;
  }
  const sub = s.subaccount;
  // Cancelled if the main account changes meanwhile: its key came with that account.
  const session = sessions.get(s.accountId);
  const client = session && subaccountClient(s, settings, log, session.accountSignal);
  if (!client) {
    void showWarning(vscode.l10n.t('The credits of {0} cannot be read: no API key was sent for it.', sub.email));
    return undefined;
  }
  try {
    const account = await vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => client.getCredits());
    const locale = vscode.env.language;
    const unit = s.service === 'sms' ? vscode.l10n.t('SMS') : vscode.l10n.t('mails');
    const message = vscode.l10n.t(
      '{0} ({1}): {2} {3}, balance {4}.',
      sub.email,
      SERVICES[s.service].label,
      formatCount(mainCount(account), locale),
      unit,
      formatMoney(account.credits.balance, locale),
    );
    void showInfo(message);
    return message;
  } catch (error) {
    void showError(errorText(error));
    return undefined;
  }
}
