import * as vscode from 'vscode';
import { checkPhoneNumber } from '../../api/phoneNumber';

/** Offers *Check Phone Number* on a selection that looks like one. */
export class PhoneNumberActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.Empty];

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    if (range.isEmpty || range.start.line !== range.end.line) {
      return [];
    }
    const text = doc.getText(range).trim();
    if (text.length > 32 || !checkPhoneNumber(text).ok) {
      return [];
    }
    const action = new vscode.CodeAction(vscode.l10n.t('Check Phone Number'), vscode.CodeActionKind.Empty);
    action.command = {
      command: 'partnerExplorer.checkPhoneNumber',
      title: vscode.l10n.t('Check Phone Number'),
      arguments: [undefined, text],
    };
    return [action];
  }
}
