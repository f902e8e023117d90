import * as vscode from 'vscode';
import { IgnoreRules } from './gitignore';

const decoder = new TextDecoder();

/** A file's path in its workspace folder (`/`-separated), or undefined outside any. */
export function folderPath(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; path: string } | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const root = folder?.uri.path.replace(/\/$/, '');
  return folder && root !== undefined && uri.path.startsWith(`${root}/`)
    ? { folder, path: uri.path.slice(root.length + 1) }
    : undefined;
}

/** The text of a file, or undefined when it cannot be read (missing, say). */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** Whether the `.gitignore` files of its workspace folder (root to the file's own folder) ignore the file. */
export async function isGitIgnored(uri: vscode.Uri): Promise<boolean> {
  const where = folderPath(uri);
  if (!where) {
    return false;
  }
  const rules = new IgnoreRules();
  const parts = where.path.split('/');
  for (let i = 0; i < parts.length; i++) {
    const dir = parts.slice(0, i).join('/');
    const text = await readText(vscode.Uri.joinPath(where.folder.uri, dir, '.gitignore'));
    if (text !== undefined) {
      rules.add(dir, text);
    }
  }
  return rules.ignores(where.path);
}

/** The `.gitignore` line that ignores this file: at the root its name (`.env`), deeper its path (the middle `/` anchors it). */
export function gitignoreLine(uri: vscode.Uri): string | undefined {
  return folderPath(uri)
    ?.path.replace(/[*?[\\]/g, '\\$&')
    .replace(/^[!#]/, '\\$&');
}

/** Adds the file to its workspace folder's `.gitignore` (made if missing), written through `workspace.fs`. */
export async function addToGitignore(uri: unknown): Promise<boolean> {
  const where = uri instanceof vscode.Uri ? folderPath(uri) : undefined;
  const line = uri instanceof vscode.Uri && gitignoreLine(uri);
  if (!where || !line) {
    return false;
  }
  const file = vscode.Uri.joinPath(where.folder.uri, '.gitignore');
  const text = (await readText(file)) ?? '';
  const sep = text === '' || text.endsWith('\n') ? '' : '\n';
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(`${text}${sep}${line}\n`));
  return true;
}
