/**
 * The bundle's entry. It loads the extension's modules only when VS Code
 * activates it, and times that load and `activate()` so the benchmark can report
 * them (see `PartnerExplorerApi.activationTiming`). Other extensions get nothing:
 * the live parts are exported in Test mode only (see exportedApi.ts).
 */
import type * as vscode from 'vscode';
import type { PartnerExplorerApi } from './extension';
import { exportedApi } from './exportedApi';

export function activate(context: vscode.ExtensionContext): PartnerExplorerApi | undefined {
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
  api.activationTiming.workbenchLoaded = api.workbenchLoaded;
  return exportedApi(context.extensionMode, api);
}

export function deactivate(): void {
  // Everything is in context.subscriptions: VS Code disposes it, which aborts requests.
}
