import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, note } from './helpers/harness';

describe(`Partner Explorer in VS Code ${vscode.version} (${vscode.env.appName})`, () => {
  it('runs in a real VS Code extension host', async () => {
    note(`VS Code ${vscode.version} (${vscode.env.appName}), extension host ${process.version}`);
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the extension is loaded');
  });

  it('activates and registers every command of its contract', async () => {
    const a = await api();
    const t = a.activationTiming;
    note(
      `activation: vscode API ${t.vscodeApiMs.toFixed(1)} ms, modules ${t.loadMs.toFixed(1)} ms, activate() ${t.activateMs.toFixed(1)} ms`,
    );
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'partnerExplorer.setApiKey',
      'partnerExplorer.clearApiKey',
      'partnerExplorer.refresh',
      'partnerExplorer.showMessageStatus',
    ]) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('activation loads what the status bar and the keys need; the tree, panels, commands and tools wait for first use', async () => {
    const a = await api();
    assert.equal(a.activationTiming.workbenchLoaded, false, 'nothing at activation loaded the workbench');
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { commands: { command: string }[] };
    };
    const commands = await vscode.commands.getCommands(true);
    const missing = pkg.contributes.commands.map((c) => c.command).filter((id) => !commands.includes(id));
    assert.deepEqual(missing, [], 'every contributed command is registered from the start');
    assert.ok(
      vscode.lm.tools.filter((t) => t.name.startsWith('partner')).length >= 6,
      'the chat tools are registered from the start',
    );
    // Its first use loads it: here, the tree's provider.
    assert.ok(a.tree);
    assert.equal(a.workbenchLoaded, true);
  });

  it('contributes the Partner view container and the Accounts view', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: {
        viewsContainers: { activitybar: { id: string; title: string }[] };
        views: Record<string, { id: string; name: string }[]>;
      };
    };
    assert.deepEqual(
      pkg.contributes.viewsContainers.activitybar.map((c) => c.id),
      ['partnerExplorer'],
    );
    assert.deepEqual(
      pkg.contributes.views.partnerExplorer.map((v) => v.id),
      ['partnerExplorer.accounts'],
    );
  });
});
