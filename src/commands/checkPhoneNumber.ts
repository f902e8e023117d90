import * as vscode from 'vscode';
import { checkPhoneNumber as checkNumber, isSmsClient, type NumberLookup } from '../api';
import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';
import type { StopEntry } from '../api';
import { formatDateTime } from '../ui/localeFormat';
import { showError, showInfo, withNotificationProgress } from '../ui/notifications';
import { resolveAccount } from './accountPick';
import { phoneProblem, shownNumber } from './stopListCommands';

/** What Check Phone Number found, for the answer and the tests. */
export interface NumberCheck {
  readonly lookup: NumberLookup;
  /** The STOP list entry, when the number is on the account's list. */
  readonly stop?: StopEntry;
}

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

/**
 * *Check Phone Number…*: the provider's free format check (`lookup`) and the account's
 * STOP list, in one answer with *Copy E.164*. The number comes from the argument, the
 * selection, or an input box.
 */
export async function checkPhoneNumber(
  sessions: AccountSessions,
  target: unknown,
  number?: unknown,
): Promise<NumberCheck | undefined> {
  const session = await resolveAccount(sessions, typeof target === 'object' && target ? target : 'sms', {
    title: vscode.l10n.t('Check Phone Number'),
    usable: true,
  });
  const client = session?.client;
  if (!session || !isSmsClient(client)) {
    void showError(vscode.l10n.t('Checking a number needs an SMS Partner account.'));
    return undefined;
  }
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : undefined;
  const typed =
    typeof number === 'string'
      ? number
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Check Phone Number'),
          prompt: vscode.l10n.t(
            'A phone number, international (+33612345678) or French, overseas departments included (0612345678, 0692123456).',
          ),
          value: selected && !phoneProblem(selected) ? selected : undefined,
          ignoreFocusOut: true,
          validateInput: phoneProblem,
        });
  if (typed === undefined) {
    return undefined;
  }
  const checked = checkNumber(typed);
  if (!checked.ok) {
    void showError(phoneProblem(typed) ?? '');
    return undefined;
  }
  const result = await withNotificationProgress(
    { title: vscode.l10n.t('Checking {0}…', shownNumber(checked.e164)) },
    () => readNumberCheck(session, checked.e164),
  );
  const { message, detail } = numberCheckText(result, vscode.env.language);
  const copy = vscode.l10n.t('Copy E.164');
  void showInfo(message, { modal: true, detail }, ...(result.lookup.e164 ? [copy] : [])).then(async (choice) => {
    if (choice === copy && result.lookup.e164) {
      await vscode.env.clipboard.writeText(result.lookup.e164);
    }
  });
  return result;
}

/** The lookup and the STOP list read together (the list's pages as needed, once per session). */
export async function readNumberCheck(session: AccountSession, e164: string): Promise<NumberCheck> {
  const client = session.client;
  if (!isSmsClient(client)) {
    throw new Error('not an SMS Partner account');
  }
  const [lookup] = await Promise.all([
    client.lookupNumber(e164, { signal: session.accountSignal }),
    session.stopList.loadAll(session.accountSignal),
  ]);
  if (session.stopList.error !== undefined) {
    throw session.stopList.error;
  }
  return { lookup, stop: session.stopList.find(e164) };
}
