import * as vscode from 'vscode';
import { checkApiAmount, money, type CreatedSubaccount, type ServiceId, type SubaccountCreateRequest } from '../api';
import type { AccountSession } from '../accounts/accountSession';
import { formatMoney } from '../ui/localeFormat';
import { showInfo } from '../ui/notifications';
import { askText, prompted } from '../ui/prompt';

// What *Create Sub-account…* says: the request before the modal, the result after.

/** What the request states, one line each, for the confirmation. */
export function requestLines(session: AccountSession, request: SubaccountCreateRequest, locale: string): string[] {
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
 * Says it is done, with buttons: the token (and the key, when the answer had one) go to
 * the clipboard only when asked; the key is never shown, and stored only by *Save as Account…*.
 */
export async function offerKeys(
  saveAsAccount: (service: ServiceId, key: string, name: string) => Promise<unknown>,
  service: ServiceId,
  created: CreatedSubaccount,
): Promise<void> {
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
    const key = created.apiKey;
    const name = await prompted(
      () =>
        askText({
          title: vscode.l10n.t('Save as Account'),
          prompt: vscode.l10n.t('A name for the new account.'),
          value: created.email,
          ignoreFocusOut: false,
        }),
      undefined,
      undefined,
    );
    if (name !== undefined) {
      await saveAsAccount(service, key, name.trim() || created.email);
    }
  }
}
