import * as vscode from 'vscode';
import { measureSms } from '../../api/smsLength';
import { smsLengthOptions } from '../../settings/smsLengthSettings';
import { SafeMarkdown } from '../../ui/markdownText';
import { countedText } from '../../ui/countedText';
import { smsLengthLabel } from '../../ui/smsLengthText';

const DEBOUNCE_MS = 100;

/**
 * "2 SMS · 214/306 · GSM" for the active editor: an `sms` document, or any selection.
 * Hidden otherwise. Recounted (debounced) as you type or select; a click explains it.
 */
export class SmsLengthStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'partnerExplorer.smsLength',
    vscode.StatusBarAlignment.Right,
    90,
  );
  private readonly subscriptions: vscode.Disposable[];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.item.name = vscode.l10n.t('SMS Length');
    this.item.command = 'partnerExplorer.explainSmsLength';
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.onDidChangeTextEditorSelection(
        (e) => e.textEditor === vscode.window.activeTextEditor && this.schedule(),
      ),
      vscode.workspace.onDidChangeTextDocument(
        (e) => e.document === vscode.window.activeTextEditor?.document && this.schedule(),
      ),
      vscode.workspace.onDidChangeConfiguration(
        (e) => e.affectsConfiguration('partnerExplorer.smsLength') && this.update(),
      ),
    ];
    this.update();
  }

  /** What the item shows now (undefined when hidden). */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private visible = false;

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), DEBOUNCE_MS);
  }

  update(): void {
    clearTimeout(this.timer);
    const editor = vscode.window.activeTextEditor;
    const text = countedText(editor);
    if (text === undefined) {
      this.visible = false;
      this.item.hide();
      return;
    }
    const length = measureSms(text, smsLengthOptions(editor?.document.uri));
    this.item.text = `$(comment) ${smsLengthLabel(length, vscode.l10n.t)}`;
    const tip = new SafeMarkdown().heading(vscode.l10n.t('SMS length'));
    tip.line(vscode.l10n.t('Parts'), String(length.parts));
    tip.line(vscode.l10n.t('Characters counted'), `${length.units} / ${length.capacity}`);
    tip.line(vscode.l10n.t('Encoding'), length.encoding === 'gsm' ? 'GSM 03.38' : 'Unicode');
    if (length.changes.length > 0) {
      tip.line(vscode.l10n.t('Replaced or removed'), String(length.changes.length));
    }
    this.item.tooltip = tip.md;
    this.item.accessibilityInformation = { label: smsLengthLabel(length, vscode.l10n.t) };
    this.visible = true;
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscriptions.forEach((d) => d.dispose());
    this.item.dispose();
  }
}
