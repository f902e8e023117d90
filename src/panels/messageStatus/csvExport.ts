import * as vscode from 'vscode';
import type { PartnerLogger } from '../../api';
import { exportPath } from './exportPath';

export { exportFileName } from './exportPath';
import { showError, showInfo } from '../../ui/notifications';

/**
 * Where the save dialog proposes the file: the first workspace folder, or the
 * home folder. A bare `Uri.file(name)` is the root of the disk, where the user
 * usually cannot write.
 */
export function defaultExportUri(fileName: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, fileName) : vscode.Uri.file(exportPath(undefined, fileName));
}

/**
 * Writes the CSV and says where, or says why not (and logs it, without the
 * rows): a failed write is never silent. True when the file was written.
 */
export async function writeCsvExport(
  target: vscode.Uri,
  csv: string,
  rowCount: number,
  log?: Pick<PartnerLogger, 'warn'>,
): Promise<boolean> {
  // A BOM makes Excel read the file as UTF-8 (accents, names).
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]);
  try {
    await vscode.workspace.fs.writeFile(target, bytes);
  } catch (error) {
    const reason = error instanceof Error && error.message ? error.message : String(error);
    log?.warn(`Export CSV to ${target.fsPath} failed: ${reason}`);
    void showError(vscode.l10n.t('Could not export to {0}: {1}', target.fsPath, reason));
    return false;
  }
  void showInfo(vscode.l10n.t('Exported {0} rows to {1}.', rowCount, target.fsPath));
  return true;
}
