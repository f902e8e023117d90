import * as vscode from 'vscode';
import { measureSms, type SmsCharChange } from '../../api/smsLength';
import { smsLengthOptions } from '../../settings/smsLengthSettings';
import { applyFixes, fixFor } from './smsFixes';
import { fixEffect } from '../../ui/smsLengthText';

/**
 * Quick fixes on the characters the provider changes: write what will be sent (or the
 * nearest plain character), one or all in the file, each title saying the effect on the
 * count ("3 SMS → 2 SMS", "sent as written").
 */
export class SmsQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    if (doc.languageId !== 'sms') {
      return [];
    }
    const options = smsLengthOptions(doc.uri);
    if (options.unicode) {
      return [];
    }
    const text = doc.getText();
    const before = measureSms(text, options);
    const rangeOf = (c: SmsCharChange) =>
      new vscode.Range(doc.positionAt(c.offset), doc.positionAt(c.offset + c.length));
    const here = before.changes.filter((c) => rangeOf(c).intersection(range) !== undefined);
    const actions: vscode.CodeAction[] = [];
    for (const change of here) {
      const after = measureSms(applyFixes(text, [change]), options);
      const fix = fixFor(change);
      const title =
        fix === ''
          ? vscode.l10n.t('Remove {0} ({1})', change.original, fixEffect(before, after, vscode.l10n.t))
          : vscode.l10n.t('Replace {0} with {1} ({2})', change.original, fix, fixEffect(before, after, vscode.l10n.t));
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(doc.uri, rangeOf(change), fix);
      action.isPreferred = true;
      actions.push(action);
    }
    if (here.length > 0 && before.changes.length > 1) {
      const after = measureSms(applyFixes(text, before.changes), options);
      const all = new vscode.CodeAction(
        vscode.l10n.t(
          'Fix all {0} characters in the file ({1})',
          before.changes.length,
          fixEffect(before, after, vscode.l10n.t),
        ),
        vscode.CodeActionKind.QuickFix,
      );
      all.edit = new vscode.WorkspaceEdit();
      for (const c of before.changes) {
        all.edit.replace(doc.uri, rangeOf(c), fixFor(c));
      }
      actions.push(all);
    }
    return actions;
  }
}
