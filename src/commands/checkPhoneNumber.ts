import * as vscode from 'vscode';
import { checkPhoneNumber as checkNumber, isSmsClient } from '../api';
import type { AccountSessions } from '../accounts/accountSessions';
import { shownNumber } from '../ui/shownNumber';
import { showError, showInfo, withNotificationProgress } from '../ui/notifications';
import { resolveAccount } from './accountPick';
import { readNumberCheck, type NumberCheck } from '../accounts/numberCheck';
import { phoneProblem } from '../ui/inputProblems';
import { givenOrAsk, prompted } from '../ui/prompt';
import { numberCheckText } from '../ui/numberCheckText';

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
  const typed = await prompted(
    () =>
      givenOrAsk(typeof number === 'string' ? number : undefined, {
        title: vscode.l10n.t('Check Phone Number'),
        prompt: vscode.l10n.t(
          'A phone number, international (+33612345678) or French, overseas departments included (0612345678, 0692123456).',
        ),
        value: selected && !phoneProblem(selected) ? selected : undefined,
        validate: phoneProblem,
      }),
    undefined,
    undefined,
  );
  const checked = typed === undefined ? undefined : checkNumber(typed);
  if (!checked?.ok) {
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
