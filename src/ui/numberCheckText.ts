import * as vscode from 'vscode';
import type { NumberCheck } from '../accounts/numberCheck';
import { formatDateTime } from './localeFormat';
import { shownNumber } from './shownNumber';

/** The answer as one message and its detail lines. */
export function numberCheckText(check: NumberCheck, locale: string): { message: string; detail: string } {
  const l = check.lookup;
  const number = shownNumber(l.e164 ?? l.asked);
  const message = l.valid
    ? vscode.l10n.t('{0} is a valid number.', number)
    : vscode.l10n.t('{0} is not a valid mobile number for the provider.', number);
  const lines: string[] = [];
  if (l.valid) {
    const hide = number !== (l.e164 ?? l.asked);
    if (l.e164) {
      lines.push(vscode.l10n.t('E.164: {0}', shownNumber(l.e164)));
    }
    if (l.national && !hide) {
      lines.push(vscode.l10n.t('National format: {0}', l.national));
    }
    if (l.international && !hide) {
      lines.push(vscode.l10n.t('International format: {0}', l.international));
    }
    const where = [l.type, l.country, l.network].filter(Boolean).join(' · ');
    if (where) {
      lines.push(vscode.l10n.t('Type: {0}', where));
    }
  } else if (l.reason) {
    lines.push(vscode.l10n.t('The provider says: {0}', l.reason));
  }
  lines.push(
    check.stop
      ? vscode.l10n.t(
          'On the STOP list since {0}: it asked not to receive SMS from this account.',
          formatDateTime(check.stop.createdAt, locale, check.stop.createdAtText),
        )
      : vscode.l10n.t('Not on the STOP list of this account.'),
  );
  return { message, detail: lines.join('\n') };
}
