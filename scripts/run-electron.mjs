// The same integration suite in desktop VS Code, through @vscode/test-electron,
// for machines that can download VS Code (this project's CI cannot: it uses
// scripts/run-integration.mjs and a headless VS Code instead). The suite starts
// its own emulator in the extension host when PARTNER_EMULATOR_URL is not set.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { root } from './headlessVSCode.mjs';

const workspace = mkdtempSync(join(tmpdir(), 'partner-workspace-'));
try {
  await runTests({
    version: process.env.VSCODE_VERSION || '1.95.0',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out/test/integration/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { PARTNER_TEST_WORKSPACE: workspace, SMSPARTNER_API_KEY: '', MAILPARTNER_API_KEY: '' },
  });
} catch (err) {
  console.error(`test-electron: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
