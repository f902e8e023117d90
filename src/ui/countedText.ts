import type * as vscode from 'vscode';

/** Documents larger than this are not counted as you type (nobody sends such an SMS). */
export const MAX_COUNTED_CHARS = 100_000;

/** The text an editor's SMS count covers: an `sms` document whole, else a non-empty selection. */
export function countedText(editor: vscode.TextEditor | undefined): string | undefined {
  if (!editor) {
    return undefined;
  }
  const doc = editor.document;
  const selected = editor.selections
    .filter((s) => !s.isEmpty)
    .map((s) => doc.getText(s))
    .join('\n');
  if (selected) {
    return selected.length <= MAX_COUNTED_CHARS ? selected : undefined;
  }
  if (doc.languageId === 'sms' && doc.getText().length <= MAX_COUNTED_CHARS) {
    return doc.getText();
  }
  return undefined;
}
