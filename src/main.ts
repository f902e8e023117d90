/**
 * The bundle's entry. It loads the extension's modules only when VS Code
 * activates it, and times that load and `activate()` so the benchmark can report
 * them (see `PartnerExplorerApi.activationTiming`).
 */
import type * as vscode from 'vscode';
import type { PartnerExplorerApi } from './extension';

export function activate(context: vscode.ExtensionContext): PartnerExplorerApi {
  const started = performance.now();
  // VS Code builds this extension's `vscode` API object on its first require.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('vscode');
  const apiReady = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require('./extension') as typeof import('./extension');
  const loaded = performance.now();
  const api = extension.activate(context);
  const done = performance.now();
  api.activationTiming.vscodeApiMs = apiReady - started;
  api.activationTiming.loadMs = loaded - apiReady;
  api.activationTiming.activateMs = done - loaded;
  return api;
}

export function deactivate(): void {
  // Everything is in context.subscriptions: VS Code disposes it, which aborts requests.
}
