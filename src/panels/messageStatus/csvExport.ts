import { homedir } from 'node:os';
import * as vscode from 'vscode';
import type { PartnerLogger } from '../../api';
import { showError, showInfo } from '../../ui/notifications';
import { shownUri } from '../../ui/shownUri';
import { exportLocation } from './exportPath';

export { exportFileName } from './exportPath';

/** The window an export is proposed in: its first workspace folder, and its remote, if any. */
export interface ExportWindow {
  readonly folder: vscode.Uri | undefined;
  readonly remote: string | undefined;
}

const thisWindow = (): ExportWindow => ({
  folder: vscode.workspace.workspaceFolders?.[0]?.uri,
  remote: vscode.env.remoteName,
});

/**
 * Where the save dialog proposes the file: in the first workspace folder (a remote or
 * virtual one too), else in the home folder of a local window. A remote window with no
 * folder gets no proposal: this machine's home is not a place on the remote.
 */
export function defaultExportUri(fileName: string, window: ExportWindow = thisWindow()): vscode.Uri | undefined {
  const home = window.remote === undefined ? vscode.Uri.file(homedir()) : undefined;
  return exportLocation(fileName, window.folder, home, (base, name) => vscode.Uri.joinPath(base, name));
}

/**
 * Writes the CSV through VS Code's file system (any workspace: local, remote or
 * virtual) and says where, or says why not (and logs it, without the rows): a
 * failed write is never silent. True when the file was written.
 */
export async function writeCsvExport(
  target: vscode.Uri,
  csv: string,
  rowCount: number,
  log?: Pick<PartnerLogger, 'warn'>,
): Promise<boolean> {
  // A BOM makes Excel read the file as UTF-8 (accents, names).
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]);
  const where = shownUri(target);
  try {
    await vscode.workspace.fs.writeFile(target, bytes);
  } catch (error) {
    const reason = error instanceof Error && error.message ? error.message : String(error);
    log?.warn(`Export CSV to ${where} failed: ${reason}`);
    void showError(vscode.l10n.t('Could not export to {0}: {1}', where, reason));
    return false;
  }
  void showInfo(vscode.l10n.t('Exported {0} rows to {1}.', rowCount, where));
  return true;
}
