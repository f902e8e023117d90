import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

import { requestsOfOneFullRefresh, resetAll, setKeys, setSetting, waitFor } from '../../helpers/harness';

// What a reader sees: Markdown escapes undone.
const plain = (md: vscode.MarkdownString) =>
  md.value.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');

describe('Status-bar credits', () => {
  it('is hidden without keys and shows one item per service once keys are set', async () => {
    const { api, emu } = await resetAll();
    assert.equal(api.statusBar.view('sms').visible, false);
    assert.equal(api.statusBar.view('mail').visible, false);
    await setKeys(api, emu);
    const sms = await waitFor(
      () => (api.statusBar.view('sms').text === '$(comment) 269,082' ? api.statusBar.view('sms') : undefined),
      'SMS text',
    );
    const mail = await waitFor(
      () => (api.statusBar.view('mail').text === '$(mail) 269,082' ? api.statusBar.view('mail') : undefined),
      'Mail text',
    );
    assert.equal(sms.accessibleLabel, 'SMS Partner: 269,082 credits');
    assert.equal(mail.accessibleLabel, 'Mail Partner: 269,082 credits');
    assert.match(plain(sms.tooltip), /Balance: €10,225\.119/);
    assert.match(plain(sms.tooltip), /Waiting to send: 12/);
    assert.match(plain(sms.tooltip), /Updated at/);
    assert.equal(sms.warning, false);
    assert.equal(sms.failed, false);
  });

  it('warns when a count is under its threshold, as soon as the setting changes', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['mail']);
    await waitFor(() => api.statusBar.view('mail').text === '$(mail) 269,082', 'mail only');
    assert.equal(api.statusBar.view('sms').visible, false, 'no SMS account, no SMS item');
    await setSetting('lowCreditThreshold.mail', 300000);
    const view = await waitFor(
      () => (api.statusBar.view('mail').warning ? api.statusBar.view('mail') : undefined),
      'warning',
    );
    assert.equal(view.text, '$(warning) $(mail) 269,082');
    assert.match(view.accessibleLabel, /low/);
  });

  it('shares the tree refresh: one /me per service for tree and status bar', async () => {
    const { api, emu } = await resetAll();
    const me = (await requestsOfOneFullRefresh(api, emu)).filter((r) => r.endpoint === '/me');
    assert.deepEqual(me.map((r) => r.service).sort(), ['mail', 'sms']);
  });

  it('shows an error icon when the last refresh failed, and recovers', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    await waitFor(() => api.statusBar.view('sms').text === '$(comment) 269,082', 'sms count');
    await emu.inject({ type: 'apiError', code: 30, path: '/me', times: 0 });
    await vscode.commands.executeCommand('partnerExplorer.refresh');
    const failed = await waitFor(
      () => (api.statusBar.view('sms').failed ? api.statusBar.view('sms') : undefined),
      'failed',
    );
    assert.equal(failed.text, '$(error) $(comment) 269,082');
    assert.match(plain(failed.tooltip), /the account is blocked \(code 30\)/);
    await emu.clearFaults();
    await vscode.commands.executeCommand('partnerExplorer.refresh');
    await waitFor(() => api.statusBar.view('sms').failed === false, 'recovered');
  });

  it('hides when disabled in settings', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    await waitFor(() => api.statusBar.view('sms').visible, 'visible');
    await setSetting('statusBar.enabled', false);
    await waitFor(() => api.statusBar.view('sms').visible === false, 'hidden');
    await setSetting('statusBar.enabled', true);
    await waitFor(() => api.statusBar.view('sms').visible, 'visible again');
  });
});
