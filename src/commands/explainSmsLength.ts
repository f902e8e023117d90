import * as vscode from 'vscode';
import { measureSms, type SmsLength } from '../api/smsLength';
import { smsLengthOptions } from '../settings/smsLengthSettings';
import { showInfo } from '../ui/notifications';
import { countedText } from '../ui/countedText';
import { changeMessage, smsLengthLabel } from '../ui/smsLengthText';

/** The first characters of each part after the first, as the counter fills them. */
function partStarts(length: SmsLength): string[] {
  if (length.parts <= 1) {
    return [];
  }
  const per = length.encoding === 'gsm' ? 153 : 67;
  const size = (c: string) =>
    c === '\n' ? 2 : length.encoding === 'unicode' ? c.length : '€\f^{}\\[]~|'.includes(c) ? 2 : 1;
  const chars = Array.from(length.sentText);
  const starts: string[] = [];
  let used = 0;
  chars.forEach((c, i) => {
    if (used + size(c) > per) {
      starts.push(chars.slice(i, i + 20).join(''));
      used = 0;
    }
    used += size(c);
  });
  return starts;
}

/**
 * *Explain SMS Length*: a Markdown document saying what will be sent and why it counts
 * what it counts: the text after the provider's changes, each change with its place, the
 * parts, and what Unicode or the STOP mention would change.
 */
export async function explainSmsLength(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const text = countedText(editor);
  if (text === undefined || !editor) {
    void showInfo(vscode.l10n.t('Open an .sms file or select a text to count its SMS.'));
    return;
  }
  const options = smsLengthOptions(editor.document.uri);
  const length = measureSms(text, options);
  const t = vscode.l10n.t;
  const fence = '````';
  const lines = [
    `# ${t('SMS length')}: ${smsLengthLabel(length, t)}`,
    '',
    t(
      'Counted as the provider sends it: GSM 03.38 after its table of replaced characters, or Unicode with isUnicode=1.',
    ),
    '',
    `## ${t('Text that will be sent')}`,
    '',
    fence,
    length.sentText,
    fence,
    '',
  ];
  const base = editor.selection.isEmpty ? 0 : editor.document.offsetAt(editor.selection.start);
  if (length.changes.length > 0) {
    lines.push(`## ${t('Replaced or removed characters')}`, '');
    for (const c of length.changes) {
      const at = editor.document.positionAt(base + c.offset);
      lines.push(`- ${t('line {0}, column {1}', at.line + 1, at.character + 1)}: ${changeMessage(c, t)}`);
    }
    lines.push('');
  }
  const starts = partStarts(length);
  if (starts.length > 0) {
    lines.push(`## ${t('Parts')}`, '');
    starts.forEach((s, i) => lines.push(`- ${t('part {0} starts with: {1}', i + 2, JSON.stringify(s))}`));
    lines.push('');
  }
  const unicode = measureSms(text, { ...options, unicode: !options.unicode });
  const stop = measureSms(text, { ...options, stopMention: !options.stopMention });
  lines.push(
    `## ${t('With other options')}`,
    '',
    `- ${options.unicode ? t('Without Unicode') : t('With Unicode (isUnicode=1)')}: ${smsLengthLabel(unicode, t)}`,
    `- ${options.stopMention ? t('Without the STOP mention') : t('With the STOP mention (isStopSms=1)')}: ${smsLengthLabel(stop, t)}`,
    '',
    t('The options are the settings partnerExplorer.smsLength.unicode and partnerExplorer.smsLength.stopMention.'),
  );
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: lines.join('\n') });
  await vscode.window.showTextDocument(doc, {
    viewColumn: vscode.ViewColumn.Beside,
    preview: true,
    preserveFocus: true,
  });
}
