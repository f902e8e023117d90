import * as vscode from 'vscode';
import { smsLengthOptions } from '../../settings/smsLengthSettings';

/**
 * In a `.sms` document, *Copy as Code: Send This Text in Sandbox…*: the selection (or the
 * whole text) as a sandbox send in code, with the options the document is measured with
 * (Unicode, the STOP mention); the recipients and sender are asked, as the test send asks them.
 */
export class SmsCopyAsCode implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.Empty];

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const message = doc.getText(range.isEmpty ? undefined : range);
    if (doc.languageId !== 'sms' || message.trim() === '') {
      return [];
    }
    const { unicode, stopMention } = smsLengthOptions(doc.uri);
    const title = vscode.l10n.t('Copy as Code: Send This Text in Sandbox…');
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.Empty);
    action.command = {
      command: 'partnerExplorer.copyRequestAsCode',
      title,
      arguments: [
        'sms',
        'testSend',
        undefined,
        { message, ...(unicode ? { unicode } : {}), ...(stopMention ? { stopSms: stopMention } : {}) },
      ],
    };
    return [action];
  }
}
