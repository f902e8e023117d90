import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { children, hasKey, keyOf, resetAll, setKeys, settledChildren, waitFor } from '../helpers/harness';

describe('Sub-account actions and key commands', () => {
  it('copies a sub-account token and its API key to the clipboard only', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['mail']);
    const mail = api.tree.root('mail');
    await settledChildren(api, mail);
    await settledChildren(api, mail.subaccounts);
    const node = mail.subaccounts.subaccounts[2];
    await vscode.commands.executeCommand('partnerExplorer.copySubaccountToken', node);
    assert.equal(await vscode.env.clipboard.readText(), 'mailtok00003');
    await vscode.commands.executeCommand('partnerExplorer.copySubaccountApiKey', node);
    assert.equal(await vscode.env.clipboard.readText(), 'mail-subkey-00003-9c4e');
    await vscode.env.clipboard.writeText('');
  });

  it("shows a sub-account's own credits, read with its own key", async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    const sms = api.tree.root('sms');
    await settledChildren(api, sms);
    await settledChildren(api, sms.subaccounts);
    const node = sms.subaccounts.subaccounts[1];
    await emu.reset();
    const message = await vscode.commands.executeCommand<string>('partnerExplorer.showSubaccountCredits', node);
    assert.equal(message, 'chloe.2@client-sms.example (SMS Partner): 351 SMS, balance €15.838.');
    const requests = await emu.requests();
    assert.deepEqual(
      requests.map((r) => [r.service, r.endpoint]),
      [['sms', '/me']],
    );
    assert.equal(await keyOf(api, 'sms').then((k) => k?.key), emu.apiKey('sms'), 'the main key is untouched');
  });

  it('Clear API Key forgets the key and the tree goes back to the welcome view', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms', 'mail']);
    await vscode.commands.executeCommand('partnerExplorer.clearApiKey', 'mail', false);
    await waitFor(() => !hasKey(api, 'mail'), 'mail key cleared');
    assert.equal(await keyOf(api, 'mail'), undefined);
    // One service left: its account alone at the top level.
    const roots = await waitFor(async () => {
      const r = await children(api);
      return r.length === 1 ? r : undefined;
    }, 'the SMS account alone');
    assert.deepEqual(
      roots.map((r) => r.label),
      ['agence.durand@exemple.fr'],
    );
    await vscode.commands.executeCommand('partnerExplorer.clearApiKey', 'sms', false);
    await waitFor(async () => (await children(api)).length === 0, 'empty tree');
    assert.equal(api.statusBar.view('sms').visible || api.statusBar.view('mail').visible, false);
  });

  it('keeps keys out of settings', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu);
    const everything =
      JSON.stringify(vscode.workspace.getConfiguration().inspect('partnerExplorer')) +
      JSON.stringify(vscode.workspace.getConfiguration('partnerExplorer'));
    assert.ok(!everything.includes(emu.apiKey('sms')));
    assert.ok(!everything.includes(emu.apiKey('mail')));
  });
});
