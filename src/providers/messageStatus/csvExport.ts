import * as vscode from 'vscode';
import type { ServiceId } from '../../api';
import { showInfo } from '../notifications';

export function exportFileName(service: ServiceId, messageId: string): string {
  return `message-${service}-${messageId}.csv`;
}

export function defaultExportUri(fileName: string): vscode.Uri {
  return vscode.Uri.file(fileName);
}

export async function writeCsvExport(target: vscode.Uri, csv: string, rowCount: number): Promise<boolean> {
  // A BOM makes Excel read the file as UTF-8 (accents, names).
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]);
  await vscode.workspace.fs.writeFile(target, bytes);
  void showInfo(vscode.l10n.t('Exported {0} rows to {1}.', rowCount, target.fsPath));
  return true;
}
