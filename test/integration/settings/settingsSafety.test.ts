import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerExplorerApi } from '../../../src/testApi';
import { StatusBarCredits, type WindowFocus } from '../../../src/providers/statusBar/statusBarCredits';
import { readSettings } from '../../../src/settings/partnerSettings';
import {
  type EmulatorHandle,
  EXTENSION_ID,
  note,
  resetAll,
  sessionOf,
  setKeys,
  setSetting,
  waitFor,
} from '../helpers/harness';

/** A window that always has focus: the status bar only polls in one, and the test host's may not be. */
const FOCUSED: WindowFocus = { focused: true, onDidChangeFocus: () => new vscode.Disposable(() => undefined) };

/** `/me` requests over 3 s from a status bar built on the settings as the extension reads them now. */
async function mePerThreeSeconds(api: PartnerExplorerApi, emu: EmulatorHandle): Promise<number> {
  const bar = new StatusBarCredits(api.sessions, readSettings(), () => undefined, FOCUSED);
  try {
    await emu.reset();
    await new Promise((r) => setTimeout(r, 3000));
    return (await emu.requests()).filter((r) => r.endpoint === '/me').length;
  } finally {
    bar.dispose();
  }
}

describe('Settings a folder or a typo cannot abuse', () => {
  const folder = () => vscode.workspace.workspaceFolders?.[0]?.uri;
  const workspaceSettings = () => vscode.Uri.joinPath(folder()!, '.vscode', 'settings.json');

  afterEach(async () => {
    if (folder()) {
      await vscode.workspace.fs
        .delete(vscode.Uri.joinPath(folder()!, '.vscode'), { recursive: true })
        .then(undefined, () => undefined);
    }
    await setSetting('statusBar.refreshInterval', 5);
  });

  it('statusBar.refreshInterval 0.001 from the folder or the user settings never polls /me faster than once a minute', async function () {
    this.timeout(60_000);
    const { api, emu } = await resetAll();
    await setKeys(api, emu);
    await waitFor(
      () => sessionOf(api, 'sms').state.kind === 'ready' && sessionOf(api, 'mail').state.kind === 'ready',
      'credits read',
    );
    // A hostile folder's .vscode/settings.json, as it would come with a cloned repository.
    assert.ok(folder(), 'the test host opened a folder');
    await vscode.workspace.fs.writeFile(
      workspaceSettings(),
      Buffer.from(JSON.stringify({ 'partnerExplorer.statusBar.refreshInterval': 0.001, 'editor.tabSize': 7 })),
    );
    // editor.tabSize says when VS Code has read the file.
    await waitFor(
      () => vscode.workspace.getConfiguration('editor').inspect('tabSize')?.workspaceValue === 7,
      'the folder settings read',
    );
    const fromFolder = await mePerThreeSeconds(api, emu);
    const inspected = vscode.workspace.getConfiguration('partnerExplorer').inspect('statusBar.refreshInterval');
    note(
      `folder value 0.001: ${fromFolder} /me in 3 s; workspace value seen by the extension: ${String(inspected?.workspaceValue)}`,
    );
    assert.equal(inspected?.workspaceValue, undefined, 'a folder cannot set the refresh interval');
    assert.ok(fromFolder <= 2, `${fromFolder} /me requests in 3 s with the folder's value`);

    // The user's own settings: an impossible value falls back to the default, with a warning.
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder()!, '.vscode'), { recursive: true });
    await setSetting('statusBar.refreshInterval', 0.001);
    const settings = readSettings();
    assert.equal(settings.refreshIntervalMin, 5);
    assert.ok(
      settings.warnings.includes(
        'partnerExplorer.statusBar.refreshInterval must be 0 (off) or a whole number from 1 to 1440; using 5.',
      ),
      settings.warnings.join('\n'),
    );
    const fromUser = await mePerThreeSeconds(api, emu);
    note(`user value 0.001: ${fromUser} /me in 3 s`);
    assert.ok(fromUser <= 2, `${fromUser} /me requests in 3 s with the user's value`);
  });

  it('in Test mode (extensionTestsPath set, as in this host) the harness still gets the live parts through exports', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await ext.activate();
    const exported = ext.exports as { store?: unknown; sessions?: unknown } | undefined;
    // Only because extensionTestsPath is set: see exportedApi.test.ts for Production and Development.
    assert.ok(exported?.store && exported.sessions, 'the tests get the live parts');
  });
});
