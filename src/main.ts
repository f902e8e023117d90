/**
 * The bundle's entry. It loads the extension's modules only when VS Code activates it.
 * Other extensions get nothing: in the test build, and in Test mode only, the live parts
 * go to our own integration tests (testApi.ts), with the time activation took.
 */
import type * as vscode from 'vscode';
import type { PartnerExplorerApi } from './testApi';

export function activate(context: vscode.ExtensionContext): PartnerExplorerApi | undefined {
  const started = performance.now();
  // VS Code builds this extension's `vscode` API object on its first require.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('vscode');
  const apiReady = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require('./extension') as typeof import('./extension');
  const loaded = performance.now();
  const parts = extension.activate(context);
  const done = performance.now();
  if (__PARTNER_TEST_BUILD__) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { testApi } = require('./testApi') as typeof import('./testApi');
    return testApi(context, parts, {
      vscodeApiMs: apiReady - started,
      loadMs: loaded - apiReady,
      activateMs: done - loaded,
      workbenchLoaded: parts.workbench.isLoaded,
    });
  }
  return undefined;
}

export function deactivate(): void {
  // Everything is in context.subscriptions: VS Code disposes it, which aborts requests.
}
