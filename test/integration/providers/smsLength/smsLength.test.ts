import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, setSetting, waitFor } from '../../helpers/harness';

async function smsDocument(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'sms', content });
  return vscode.window.showTextDocument(doc);
}

const diagnosticsOf = (doc: vscode.TextDocument) =>
  vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'SMS Partner');

describe('SMS length while writing', () => {
  afterEach(async () => {
    await setSetting('smsLength.unicode', undefined);
    await setSetting('smsLength.stopMention', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('counts an .sms document in the status bar and follows the typing', async () => {
    const a = await api();
    const editor = await smsDocument('a'.repeat(160));
    await waitFor(() => a.smsLength.text === '$(comment) 1 SMS · 160/160 · GSM' || undefined, 'one SMS');
    await editor.edit((e) => e.insert(editor.document.positionAt(160), 'b'));
    await waitFor(() => a.smsLength.text === '$(comment) 2 SMS · 161/306 · GSM' || undefined, 'two parts after typing');
  });

  it('counts with the Unicode and STOP mention settings', async () => {
    const a = await api();
    await smsDocument('a'.repeat(71));
    await waitFor(() => a.smsLength.text?.includes('1 SMS · 71/160 · GSM') || undefined, 'GSM');
    await setSetting('smsLength.unicode', true);
    await waitFor(() => a.smsLength.text?.includes('2 SMS · 71/134 · Unicode') || undefined, 'Unicode 70/67');
    await setSetting('smsLength.unicode', undefined);
    await setSetting('smsLength.stopMention', true);
    await waitFor(() => a.smsLength.text?.includes('1 SMS · 86/160 · GSM') || undefined, 'the STOP mention counted');
  });

  it('counts a selection in any editor, and hides when there is nothing to count', async () => {
    const a = await api();
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Bonjour [test] ~ fin' });
    const editor = await vscode.window.showTextDocument(doc);
    await waitFor(() => a.smsLength.text === undefined || undefined, 'hidden without a selection');
    editor.selection = new vscode.Selection(0, 0, 0, 14);
    await waitFor(() => a.smsLength.text?.includes('1 SMS · 14/160 · GSM') || undefined, 'the selection counted');
  });

  it('marks replaced and removed characters, and the quick fix changes the text and the count', async () => {
    const a = await api();
    const editor = await smsDocument(`${'a'.repeat(159)}”`);
    const doc = editor.document;
    const diagnostics = await waitFor(
      () => (diagnosticsOf(doc).length === 1 ? diagnosticsOf(doc) : undefined),
      'a diagnostic',
    );
    assert.equal(diagnostics[0].range.start.character, 159);
    assert.equal(diagnostics[0].range.end.character, 160);
    assert.match(diagnostics[0].message, /^” is outside the GSM alphabet/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diagnostics[0].range,
    );
    const fix = actions.find((x) => x.title.startsWith('Replace ”'));
    assert.ok(fix?.edit, actions.map((x) => x.title).join(' | '));
    assert.equal(fix.title, 'Replace ” with " (1 SMS, sent as written)');
    await vscode.workspace.applyEdit(fix.edit);
    assert.equal(doc.getText(), `${'a'.repeat(159)}"`);
    await waitFor(() => (diagnosticsOf(doc).length === 0 ? true : undefined), 'no diagnostic left');
    await waitFor(() => a.smsLength.text?.includes('1 SMS · 160/160 · GSM') || undefined, 'counted after the fix');
  });

  it('offers "fix all" with its effect, and nothing in Unicode mode but information', async () => {
    const editor = await smsDocument('l’été «promo» [1] ~');
    const doc = editor.document;
    await waitFor(() => (diagnosticsOf(doc).length === 6 ? true : undefined), 'six diagnostics');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      new vscode.Range(0, 0, 0, 19),
    );
    const all = actions.find((x) => x.title.startsWith('Fix all'));
    assert.equal(all?.title, 'Fix all 6 characters in the file (1 SMS, sent as written)');
    await vscode.workspace.applyEdit(all!.edit!);
    assert.equal(doc.getText(), 'l\'été "promo" (1) ');
    await setSetting('smsLength.unicode', true);
    await vscode.commands.executeCommand('undo');
    await waitFor(
      () =>
        (diagnosticsOf(doc).every((d) => d.severity === vscode.DiagnosticSeverity.Information) &&
          diagnosticsOf(doc).length === 6) ||
        undefined,
      'information on what needs Unicode',
    );
  });

  it('Explain SMS Length opens what will be sent, the changes and the other options', async () => {
    await smsDocument('L’offre [promo]');
    await vscode.commands.executeCommand('partnerExplorer.explainSmsLength');
    const explained = await waitFor(
      () =>
        vscode.workspace.textDocuments.find(
          (d) => d.languageId === 'markdown' && d.getText().startsWith('# SMS length'),
        ),
      'the explanation',
    );
    const text = explained.getText();
    assert.ok(text.includes("L'offre (promo)"), text);
    assert.ok(text.includes("line 1, column 2: ’ is sent as ' (without Unicode)."), text);
    assert.ok(text.includes('With Unicode (isUnicode=1): 1 SMS · 15/70 · Unicode'), text);
  });
});
