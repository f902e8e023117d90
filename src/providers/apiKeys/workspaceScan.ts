import * as vscode from 'vscode';
import { formatCount } from '../../ui/localeFormat';
import { showInfo, withNotificationProgress } from '../../ui/notifications';
import { IgnoreRules } from './gitignore';
import { folderPath, readText } from './ignoredFiles';
import { KEYS_IN_FILES_SETTING, MAX_SEARCHED_BYTES, type KeyDiagnostics } from './keyDiagnostics';

export interface ScanResult {
  readonly files: number;
  readonly bytes: number;
  readonly keys: number;
  readonly filesWithKeys: number;
  readonly cancelled: boolean;
}

// Each read is a round trip to the workbench (remote workspaces, code-server): many in flight hide it.
const PARALLEL_READS = 64;
const BINARY_PROBE_BYTES = 1024;

const isToken = (t: unknown): t is vscode.CancellationToken =>
  typeof (t as vscode.CancellationToken | undefined)?.isCancellationRequested === 'boolean';

/** Each workspace folder's `.gitignore` rules, from every `.gitignore` file the search found. */
async function ignoreRules(uris: readonly vscode.Uri[]): Promise<Map<string, IgnoreRules>> {
  const rules = new Map<string, IgnoreRules>();
  for (const uri of uris.filter((u) => u.path.endsWith('/.gitignore'))) {
    const where = folderPath(uri);
    const text = where && (await readText(uri));
    if (where && text !== undefined) {
      const key = where.folder.uri.toString();
      const folderRules = rules.get(key) ?? new IgnoreRules();
      folderRules.add(where.path.slice(0, Math.max(0, where.path.lastIndexOf('/'))), text);
      rules.set(key, folderRules);
    }
  }
  return rules;
}

/**
 * *Scan Workspace for API Keys*: every file of the workspace but those `files.exclude`
 * and the `.gitignore` files leave out, binaries (a NUL byte in the first KB) and files
 * over 1 MB, read through `workspace.fs` (remote workspaces too), the keys found shown in
 * the Problems view. A caller may pass a CancellationToken; the notification's Cancel stops it too.
 */
export async function scanWorkspace(diagnostics: KeyDiagnostics, tokenArg?: unknown): Promise<ScanResult | undefined> {
  if (!diagnostics.enabled) {
    const open = vscode.l10n.t('Open Settings');
    void showInfo(vscode.l10n.t('Looking for API keys in files is turned off.'), open).then(
      (picked) => picked && vscode.commands.executeCommand('workbench.action.openSettings', KEYS_IN_FILES_SETTING),
    );
    return undefined;
  }
  if (diagnostics.matcher().isEmpty) {
    void showInfo(vscode.l10n.t('No API key to look for: add an account first.'));
    return undefined;
  }
  const title = vscode.l10n.t('Scanning the workspace for API keys');
  const result = await withNotificationProgress({ title, cancellable: true }, async (progress, notified) => {
    // Turning the check off stops the scan too: it would mark files the switch just cleared.
    const cancelled = () =>
      notified.isCancellationRequested ||
      (isToken(tokenArg) && tokenArg.isCancellationRequested) ||
      !diagnostics.enabled;
    const all = await vscode.workspace.findFiles('**/*', undefined, undefined, notified);
    const rules = await ignoreRules(all);
    const uris = all.filter((uri) => {
      const where = folderPath(uri);
      return !where || !rules.get(where.folder.uri.toString())?.ignores(where.path);
    });
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    // The last scan's marks go only when this one reads: cancelled before, it leaves them as they were.
    if (!cancelled()) {
      diagnostics.clearFiles();
    }
    const counts = { files: 0, bytes: 0, keys: 0, filesWithKeys: 0 };
    let next = 0;
    const scanOne = async (uri: vscode.Uri) => {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_SEARCHED_BYTES || stat.type & vscode.FileType.Directory) {
        return;
      }
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) {
        return;
      }
      counts.files++;
      counts.bytes += bytes.length;
      const doc = open.get(uri.toString());
      // An open document is checked as it is in its editor.
      const found = doc
        ? (diagnostics.check(doc), diagnostics.ownersAt(uri, fullRange(doc)).length)
        : diagnostics.showFile(uri, new TextDecoder().decode(bytes));
      counts.keys += found;
      counts.filesWithKeys += found > 0 ? 1 : 0;
    };
    const worker = async () => {
      while (next < uris.length && !cancelled()) {
        const uri = uris[next++];
        await scanOne(uri).catch(() => undefined);
        if (next % 250 === 0) {
          progress.report({
            message: `${formatCount(next, vscode.env.language)} / ${formatCount(uris.length, vscode.env.language)}`,
            increment: (250 / uris.length) * 100,
          });
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
    return { ...counts, cancelled: cancelled() };
  });
  void summarise(result);
  return result;
}

function fullRange(doc: vscode.TextDocument): vscode.Range {
  return new vscode.Range(0, 0, doc.lineCount, 0);
}

async function summarise(r: ScanResult): Promise<void> {
  const locale = vscode.env.language;
  const what = vscode.l10n.t(
    '{0} files scanned ({1} MB): {2} API keys found in {3} files.',
    formatCount(r.files, locale),
    (r.bytes / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 }),
    formatCount(r.keys, locale),
    formatCount(r.filesWithKeys, locale),
  );
  const text = r.cancelled ? vscode.l10n.t('Scan cancelled. {0}', what) : what;
  const problems = vscode.l10n.t('Show Problems');
  if ((await showInfo(text, ...(r.keys > 0 ? [problems] : []))) === problems) {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  }
}
