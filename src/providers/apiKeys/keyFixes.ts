import * as vscode from 'vscode';
import { SERVICES } from '../../api';
import type { KeyOwner } from '../../accounts/keyMatcher';
import type { PartnerSettings } from '../../settings/partnerSettings';
import { codeLanguage, envRead, envReplacement, isDotenv } from './envReplacement';
import { gitignoreLine, isGitIgnored } from './ignoredFiles';
import { isKeyDiagnostic, type KeyDiagnostics } from './keyDiagnostics';

/**
 * The quick fixes of a key written in a file: read it from its environment variable
 * instead (JS/TS, Python, PHP, Go, shell); for a `.env` file, keep it but out of git;
 * and, since a key that was shared must be changed anyway, the provider's dashboard to
 * make a new one and *Replace API Key…* to give it to the account.
 */
export class KeyFixes implements vscode.CodeActionProvider {
  constructor(
    private readonly diagnostics: KeyDiagnostics,
    private readonly settings: () => PartnerSettings,
  ) {}

  async provideCodeActions(
    doc: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    const dotenv = isDotenv(doc.fileName, doc.languageId);
    const language = codeLanguage(doc.languageId);
    for (const d of context.diagnostics) {
      const [owner] = isKeyDiagnostic(d) ? this.diagnostics.ownersAt(doc.uri, d.range) : [];
      if (!owner) {
        continue;
      }
      const envVar = SERVICES[owner.service].keyEnvVar;
      const changes =
        language && !dotenv
          ? envReplacement(doc.getText(), doc.offsetAt(d.range.start), doc.getText(d.range).length, language, envVar)
          : [];
      if (language && changes.length > 0) {
        const fix = this.action(vscode.l10n.t('Read the key from {0} instead', envRead(language, envVar)), d);
        fix.edit = new vscode.WorkspaceEdit();
        for (const c of changes) {
          fix.edit.replace(doc.uri, new vscode.Range(doc.positionAt(c.start), doc.positionAt(c.end)), c.text);
        }
        fix.isPreferred = true;
        actions.push(fix);
      }
      const line = dotenv && gitignoreLine(doc.uri);
      if (line && !(await isGitIgnored(doc.uri))) {
        const fix = this.action(vscode.l10n.t('Add {0} to .gitignore', line), d);
        fix.command = { command: 'partnerExplorer.addToGitignore', title: fix.title, arguments: [doc.uri] };
        fix.isPreferred = true;
        actions.push(fix);
      }
      actions.push(...this.rotation(owner, d));
    }
    return actions;
  }

  private rotation(owner: KeyOwner, d: vscode.Diagnostic): vscode.CodeAction[] {
    const service = SERVICES[owner.service].label;
    const dashboard = this.action(
      vscode.l10n.t('Make a new key in the {0} dashboard (this one was shared)', service),
      d,
    );
    dashboard.command = {
      command: 'vscode.open',
      title: dashboard.title,
      arguments: [vscode.Uri.parse(this.settings().dashboardUrl[owner.service])],
    };
    if (!owner.accountId) {
      return [dashboard];
    }
    const replace = this.action(vscode.l10n.t('Replace API Key of {0}…', owner.name), d);
    replace.command = { command: 'partnerExplorer.replaceApiKey', title: replace.title, arguments: [owner.accountId] };
    return [dashboard, replace];
  }

  private action(title: string, d: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [d];
    return action;
  }
}
