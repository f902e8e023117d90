import type * as vscode from 'vscode';

/**
 * A file's location as a message shows it: the path for a file on this machine, the
 * readable URI for one in a remote or virtual workspace (its path alone would name a
 * place that does not exist here).
 */
export function shownUri(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}
