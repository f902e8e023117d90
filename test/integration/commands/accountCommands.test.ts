import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SubaccountNode } from '../../../src/providers/tree/subaccountNode';
import { readSettings } from '../../../src/settings/partnerSettings';
import { resetAll, sessionOf, setKeys, setSetting, waitFor } from '../helpers/harness';

describe('Open in Dashboard and Copy as JSON', () => {
  afterEach(async () => {
    await setSetting('sms.dashboardUrl', undefined);
    await setSetting('mail.dashboardUrl', undefined);
  });

  it('opens the dashboard address from the settings in the browser (here the emulator stands in for it)', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    await setSetting('sms.dashboardUrl', `${emu.url}/dashboard/sms`);
    const opened = await vscode.commands.executeCommand<vscode.Uri>(
      'partnerExplorer.openInDashboard',
      api.tree.root('sms'),
    );
    assert.equal(opened?.toString(true), `${emu.url}/dashboard/sms`);
    // code-server hands the address to the browser, which really loads it. For a
    // loopback address code-server goes through its port proxy, which keeps the port
    // but not the path: the visit is seen here, the path is checked on the Uri above.
    await waitFor(
      async () => (await emu.requests()).some((r) => r.endpoint === '/dashboard'),
      'the browser to visit the dashboard',
      15_000,
    );
  });

  it("puts a sub-account's e-mail on the clipboard when opening the dashboard for it", async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['mail']);
    await setSetting('mail.dashboardUrl', `${emu.url}/dashboard/mail`);
    const node = (await waitFor(
      async () =>
        (await api.tree.root('mail').subaccounts.getChildren()).find(
          (c) => (c as SubaccountNode).kind === 'subaccount',
        ),
      'a sub-account',
    )) as SubaccountNode;
    await vscode.commands.executeCommand('partnerExplorer.openInDashboard', node);
    assert.equal(await vscode.env.clipboard.readText(), node.subaccount.email);
  });

  it('refuses a dashboard address that is not http(s) and falls back with a warning (nothing is opened here)', async () => {
    await resetAll();
    await setSetting('sms.dashboardUrl', 'javascript:alert(1)');
    const settings = readSettings();
    assert.equal(settings.dashboardUrl.sms, 'https://my.smspartner.fr/');
    assert.ok(
      settings.warnings.includes(
        'partnerExplorer.sms.dashboardUrl must be an http(s) address; using https://my.smspartner.fr.',
      ),
      settings.warnings.join('\n'),
    );
    // Only user and machine settings may change it: a workspace cannot send you elsewhere.
    const inspected = vscode.workspace.getConfiguration('partnerExplorer').inspect('sms.dashboardUrl');
    assert.equal(inspected?.workspaceValue, undefined);
    const manifest = vscode.extensions.getExtension('partner-tools.partner-explorer')!.packageJSON as {
      contributes: { configuration: { properties: Record<string, { scope?: string }> } };
    };
    assert.equal(manifest.contributes.configuration.properties['partnerExplorer.sms.dashboardUrl'].scope, 'machine');
  });

  it('copies an account and a sub-account as JSON, without any key', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    await waitFor(() => sessionOf(api, 'sms').state.kind === 'ready', 'credits read');
    const account = JSON.parse(
      (await vscode.commands.executeCommand<string>('partnerExplorer.copyAsJson', api.tree.root('sms')))!,
    );
    assert.equal(account.service, 'sms');
    assert.equal(account.user.username, 'agence.durand@exemple.fr');
    assert.equal(account.credits.sms, 269082);
    assert.deepEqual(account.credits.balance, { amount: '10225.119', currency: 'EUR' });
    assert.deepEqual(JSON.parse(await vscode.env.clipboard.readText()), account);
    const node = (await waitFor(
      async () =>
        (await api.tree.root('sms').subaccounts.getChildren()).find((c) => (c as SubaccountNode).kind === 'subaccount'),
      'a sub-account',
    )) as SubaccountNode;
    const text = (await vscode.commands.executeCommand<string>('partnerExplorer.copyAsJson', node))!;
    const sub = JSON.parse(text);
    assert.equal(sub.email, node.subaccount.email);
    assert.equal(sub.token, node.subaccount.token);
    assert.ok(!text.includes(node.subaccount.apiKey!), 'the sub-account key is not copied');
    assert.ok(!text.includes(emu.apiKey('sms')));
  });
});
