import type * as vscode from 'vscode';

/**
 * The documents the editor features read (message-id links and hover, phone-number
 * actions): files on this machine, unsaved editors, and files of a remote workspace
 * (`vscode-remote`, where the extension runs on the user's side) or a virtual one
 * (`vscode-vfs`, e.g. GitHub Repositories). Not output, git or settings views.
 */
export const WORKSPACE_DOCUMENTS: vscode.DocumentSelector = [
  { scheme: 'file' },
  { scheme: 'untitled' },
  { scheme: 'vscode-remote' },
  { scheme: 'vscode-vfs' },
];
