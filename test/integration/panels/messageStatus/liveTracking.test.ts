import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MessageStatusPanel } from '../../../../src/panels/messageStatus/messageStatusPanel';
import { DEFAULT_TRACKING } from '../../../../src/panels/messageStatus/liveTracking';
import {
  type EmulatedRecipient,
  rendered,
  resetAll,
  sent,
  sessionOf,
  setKeys,
  setSetting,
  testHooks,
  waitFor,
} from '../../helpers/harness';

const now = () => String(Math.floor(Date.now() / 1000));

function rows(statuses: string[], date = now()): EmulatedRecipient[] {
  return statuses.map((status, i) => ({
    recipient: `+3361234560${i}`,
    token: `t${i}`,
    status,
    cost: 1,
    stop: false,
    date,
  }));
}

describe('Live delivery tracking in the status panel', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetAll();
    testHooks().trackingPolicy = DEFAULT_TRACKING;
    await setSetting('messageStatus.liveTracking', undefined);
  });

  it('refreshes by itself while someone waits, shows what changed, and stops once every status is final', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    testHooks().trackingPolicy = { delaysMs: [300, 600], maxAgeMs: DEFAULT_TRACKING.maxAgeMs };
    await emu.message('sms', '9100', rows(['Waiting', 'Waiting', 'Delivered']));
    const panel = (await vscode.commands.executeCommand<MessageStatusPanel>(
      'partnerExplorer.showMessageStatus',
      'sms',
      '9100',
    ))!;
    await waitFor(() => panel.tracking.state === 'live', 'live tracking');
    const webviewSaw = () => sent(panel).some((m) => m.type === 'tracking' && m.tracking.state === 'live');
    assert.ok(webviewSaw(), 'the webview is told tracking is live');

    await emu.message('sms', '9100', rows(['Delivered', 'Waiting', 'Delivered']));
    const changed = await waitFor(
      () => (panel.current?.changes.length ? panel.current : undefined),
      'a refresh that sees the change',
      10_000,
    );
    assert.deepEqual(changed.changes, [{ from: 'Waiting', to: 'Delivered', count: 1 }]);
    assert.equal(changed.rows[0].previousStatus, 'Waiting');
    const report = await waitFor(() => {
      const drawn = rendered(panel);
      return /^Delivered.*was Waiting/.test(drawn?.firstRows[0]?.[1] ?? '') ? drawn : undefined;
    }, 'the changed row rendered');
    assert.deepEqual(
      report.firstRows.slice(0, 3).map((r) => r[1]),
      ['Deliveredwas Waiting', 'Waiting', 'Delivered'],
      'the moved row shows its new status and the old one',
    );

    await emu.message('sms', '9100', rows(['Delivered', 'UNDELIV', 'Delivered']));
    await waitFor(() => panel.tracking.state === 'final', 'tracking to stop when every status is final', 10_000);
    const requests = (await emu.requests()).filter((r) => r.endpoint === '/bulk-status').length;
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(
      (await emu.requests()).filter((r) => r.endpoint === '/bulk-status').length,
      requests,
      'no request after the final reading',
    );
    assert.ok(requests >= 3, `the first reading and at least two by itself (${requests} readings)`);
    const silent = sent(panel).filter((m) => m.type === 'loading').length;
    assert.equal(silent, 1, 'only the first reading showed the loading state: refreshes by itself keep the table');
  });

  it('pauses while the panel is hidden and catches up when it shows again', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['mail']);
    testHooks().trackingPolicy = { delaysMs: [300], maxAgeMs: DEFAULT_TRACKING.maxAgeMs };
    await emu.message('mail', '9200', rows(['Waiting']));
    const panel = (await vscode.commands.executeCommand<MessageStatusPanel>(
      'partnerExplorer.showMessageStatus',
      'mail',
      '9200',
    ))!;
    await waitFor(() => panel.tracking.state === 'live', 'live tracking');
    // Another editor in the same group hides the panel.
    const doc = await vscode.workspace.openTextDocument({ content: 'hide the panel' });
    await vscode.window.showTextDocument(doc, { viewColumn: panel.panel.viewColumn, preview: false });
    await waitFor(() => panel.tracking.state === 'paused', 'tracking paused while hidden');
    const before = (await emu.requests()).filter((r) => r.endpoint === '/bulk-status').length;
    await new Promise((r) => setTimeout(r, 1200));
    assert.equal(
      (await emu.requests()).filter((r) => r.endpoint === '/bulk-status').length,
      before,
      'no request while hidden',
    );
    await emu.message('mail', '9200', rows(['Delivered']));
    panel.reveal();
    await waitFor(() => panel.tracking.state === 'final', 'caught up once shown again');
    assert.deepEqual(panel.current?.changes, [{ from: 'Waiting', to: 'Delivered', count: 1 }]);
  });

  it('does not track a message sent more than 48 hours ago, nor when the setting is off', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    testHooks().trackingPolicy = { delaysMs: [200], maxAgeMs: DEFAULT_TRACKING.maxAgeMs };
    await emu.message('sms', '9300', rows(['Waiting'], String(Math.floor(Date.now() / 1000) - 49 * 3600)));
    const old = (await vscode.commands.executeCommand<MessageStatusPanel>(
      'partnerExplorer.showMessageStatus',
      'sms',
      '9300',
    ))!;
    await waitFor(() => old.tracking.state === 'expired', 'expired');
    await setSetting('messageStatus.liveTracking', false);
    await emu.message('sms', '9301', rows(['Waiting']));
    const off = (await vscode.commands.executeCommand<MessageStatusPanel>(
      'partnerExplorer.showMessageStatus',
      'sms',
      '9301',
    ))!;
    await waitFor(() => off.current && off.tracking.state === 'off', 'tracking off by setting');
    const readings = (await emu.requests()).filter((r) => r.endpoint === '/bulk-status').length;
    await new Promise((r) => setTimeout(r, 600));
    const later = (await emu.requests()).filter((r) => r.endpoint === '/bulk-status').length;
    assert.equal(later, readings, 'no reading by itself in 600 ms, three times the 200 ms delay');
  });

  it('remembers the last message ids per account and offers them in the lookup', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu);
    // Recent ids belong to the account that read them.
    const sms = sessionOf(api, 'sms').id;
    const mail = sessionOf(api, 'mail').id;
    await api.recentMessages.clear(sms);
    await api.recentMessages.clear(mail);
    for (const id of ['111', '4242', '777']) {
      const p = await vscode.commands.executeCommand<MessageStatusPanel>(
        'partnerExplorer.showMessageStatus',
        'sms',
        id,
      );
      await waitFor(() => p?.current, `message ${id} read`);
    }
    // A message that does not exist is not remembered.
    const missing = await vscode.commands.executeCommand<MessageStatusPanel>(
      'partnerExplorer.showMessageStatus',
      'sms',
      '123456',
    );
    await waitFor(() => missing && sent(missing).some((m) => m.type === 'error'), 'error shown');
    await waitFor(() => api.recentMessages.list(sms).length === 3, 'three ids remembered');
    assert.deepEqual(api.recentMessages.list(sms), ['777', '4242', '111'], 'newest first');
    assert.deepEqual(api.recentMessages.list(mail), [], 'per account');
    const stored = JSON.stringify(api.storage.global.keys().map((k) => api.storage.global.get(k)));
    assert.ok(!stored.includes('+336'), 'no recipient is kept');
    for (let i = 0; i < 25; i++) {
      await api.recentMessages.remember(sms, String(1000 + i));
    }
    assert.equal(api.recentMessages.list(sms).length, 20, 'bounded to 20');

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The lookup QuickPick opens on the most recent id: accepting it opens that message.
    const opening = vscode.commands.executeCommand<MessageStatusPanel>('partnerExplorer.showMessageStatus', 'sms');
    await new Promise((r) => setTimeout(r, 800));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const panel = await opening;
    assert.equal(panel?.messageId, '1024');
  });
});
