import * as vscode from 'vscode';
import { measureSms } from '../../api/smsLength';
import { smsLengthOptions } from '../../settings/smsLengthSettings';
import { MAX_COUNTED_CHARS } from '../../ui/countedText';
import { changeMessage } from '../../ui/smsLengthText';

/** The diagnostics' source, and what the quick fixes look for. */
export const SMS_DIAGNOSTIC_SOURCE = 'SMS Partner';
export const SMS_CHANGE_CODE = 'sms-replaced';
const DEBOUNCE_MS = 150;

/**
 * Marks, in `sms` documents, each character the provider replaces or removes when
 * the text is sent without Unicode, and (in Unicode mode, as information) each
 * character that needs it.
 */
export class SmsDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('partnerExplorer.sms');
  private readonly subscriptions: vscode.Disposable[];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => this.update(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('partnerExplorer.smsLength')) {
          vscode.workspace.textDocuments.forEach((d) => this.update(d));
        }
      }),
    ];
    vscode.workspace.textDocuments.forEach((d) => this.update(d));
  }

  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => this.update(doc), DEBOUNCE_MS),
    );
  }

  update(doc: vscode.TextDocument): void {
    if (doc.languageId !== 'sms' || doc.isClosed) {
      this.collection.delete(doc.uri);
      return;
    }
    const text = doc.getText();
    if (text.length > MAX_COUNTED_CHARS) {
      this.collection.delete(doc.uri);
      return;
    }
    const options = smsLengthOptions(doc.uri);
    const diagnostics: vscode.Diagnostic[] = [];
    if (options.unicode) {
      // Information only: in Unicode mode everything is sent as written, but these are why it is needed.
      for (const change of measureSms(text, { ...options, unicode: false }).changes) {
        const range = new vscode.Range(doc.positionAt(change.offset), doc.positionAt(change.offset + change.length));
        const d = new vscode.Diagnostic(
          range,
          vscode.l10n.t('{0} needs Unicode: without it, it would not be sent as written.', change.original),
          vscode.DiagnosticSeverity.Information,
        );
        d.source = SMS_DIAGNOSTIC_SOURCE;
        diagnostics.push(d);
      }
    } else {
      for (const change of measureSms(text, options).changes) {
        const range = new vscode.Range(doc.positionAt(change.offset), doc.positionAt(change.offset + change.length));
        const d = new vscode.Diagnostic(
          range,
          changeMessage(change, vscode.l10n.t),
          change.undocumented ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information,
        );
        d.source = SMS_DIAGNOSTIC_SOURCE;
        d.code = SMS_CHANGE_CODE;
        diagnostics.push(d);
      }
    }
    this.collection.set(doc.uri, diagnostics);
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.subscriptions.forEach((d) => d.dispose());
    this.collection.dispose();
  }
}
