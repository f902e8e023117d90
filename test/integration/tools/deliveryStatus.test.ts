import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { isPartnerError } from '../../../src/api';
import type { WebviewMessage } from '../../../src/webview/messageStatusProtocol';
import { errorText } from '../../../src/ui/errorText';
import { note, resetAll, sessionOf, setKeys, setSetting, waitFor } from '../helpers/harness';
import { invoke, keysIn, unmaskedPersonalData } from './toolCalls';

describe('Partner tools: delivery status', () => {
  afterEach(async () => {
    const { emu } = await resetAll();
    await emu.clearFaults();
    await setSetting('tools.sharePersonalData', false);
  });

  for (const format of ['json', 'xml'] as const) {
    it(`gives counts per status and the not delivered first, capped, in ${format.toUpperCase()}`, async () => {
      const { api, emu } = await resetAll(format);
      await setKeys(api, emu);
      const input = { messageId: '4242', service: 'sms', maxRows: 5 };
      const text = await invoke('partnerExplorer_deliveryStatus', input);
      if (format === 'json') {
        note(`#partnerDeliveryStatus ${JSON.stringify(input)}`);
        text.split('\n').forEach((l) => note(`| ${l}`));
      }
      const lines = text.split('\n');
      assert.match(lines[0], /^SMS Partner · .+ \(id .+\): message 4242, 48 recipients\.$/);
      const counts = /^Delivered (\d+), not delivered (\d+), waiting (\d+), other (\d+)\.$/.exec(lines[1]);
      assert.ok(counts, lines[1]);
      assert.equal(
        counts.slice(1).reduce((sum, n) => sum + Number(n), 0),
        48,
      );
      assert.equal(lines[3], 'Recipients, not delivered first (5 of 48):');
      const rows = lines.filter((l) => l.startsWith('- '));
      assert.equal(rows.length, 5);
      const failed = Number(counts[2]);
      assert.ok(failed >= 1, 'the campaign has failures');
      assert.ok(
        rows.every((r) => /^- \+336•+\d\d: /.test(r)),
        'numbers masked',
      );
      const id = sessionOf(api, 'sms').id;
      assert.ok(
        text.endsWith(
          `The full table opens with the command partnerExplorer.showMessageStatus and the arguments ["${id}", "4242"] (Partner: Show Message Status…).`,
        ),
      );
      assert.deepEqual(keysIn(text, emu), []);
      assert.deepEqual(unmaskedPersonalData(text), []);
      // The hint works: the command opens the panel for that account and message.
      const panel = await vscode.commands.executeCommand<{ messageId: string } | undefined>(
        'partnerExplorer.showMessageStatus',
        id,
        '4242',
      );
      assert.equal(panel?.messageId, '4242');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
  }

  it('lists the not-delivered recipients before the delivered ones', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['mail']);
    await emu.message('mail', '5151', [
      { recipient: 'anna@exemple.fr', token: 'a', status: 'Delivered', cost: 1, stop: false, date: '1763800000' },
      { recipient: 'bruno@exemple.fr', token: 'b', status: 'Not delivered', cost: 1, stop: true, date: '1763800010' },
      { recipient: 'chloe@exemple.fr', token: 'c', status: 'Waiting', cost: 1, stop: false, date: '1763800020' },
    ]);
    const masked = await invoke('partnerExplorer_deliveryStatus', { messageId: '5151' });
    const rows = masked.split('\n').filter((l) => l.startsWith('- '));
    assert.deepEqual(
      rows.map((r) => r.replace(/ \(.*$/, '')),
      ['- b•••@e•••.fr: Not delivered', '- c•••@e•••.fr: Waiting', '- a•••@e•••.fr: Delivered'],
    );
    assert.match(rows[0], /unsubscribed \(STOP\)/);
    assert.deepEqual(unmaskedPersonalData(masked), []);
    await setSetting('tools.sharePersonalData', true);
    const shared = await invoke('partnerExplorer_deliveryStatus', { messageId: '5151' });
    assert.ok(shared.includes('- bruno@exemple.fr: Not delivered'), 'shared when the user allows it');
    assert.deepEqual(keysIn(shared, emu), []);
  });

  it("a message panel's Hide personal data button is the setting: tools mask while it is on, even when sharing is allowed", async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['mail']);
    await setSetting('tools.sharePersonalData', true);
    const panel = api.panels.show(sessionOf(api, 'mail'), '4242');
    // What the panel's button posts (media/statusPanel.js), handled as the host handles it.
    const fromWebview = panel as unknown as { onMessage(m: WebviewMessage): Promise<void> };
    try {
      await fromWebview.onMessage({ type: 'hidePersonal', hidden: true });
      assert.equal(
        vscode.workspace.getConfiguration('partnerExplorer').inspect('hidePersonalData')?.globalValue,
        true,
        'the button changed the user setting',
      );
      const hidden = await invoke('partnerExplorer_deliveryStatus', { messageId: '4242', maxRows: 48 });
      assert.deepEqual(unmaskedPersonalData(hidden), []);
      assert.match(hidden, /\n- [a-z]•••@e•••\.fr: /);
      const found = await invoke('partnerExplorer_findSubaccount', { query: '@' });
      assert.deepEqual(unmaskedPersonalData(found), [], 'sub-accounts too');
      await fromWebview.onMessage({ type: 'hidePersonal', hidden: false });
      const shared = await invoke('partnerExplorer_deliveryStatus', { messageId: '4242', maxRows: 48 });
      assert.ok(unmaskedPersonalData(shared).length >= 48, 'shared again once the button turns it off');
    } finally {
      await setSetting('hidePersonalData', undefined);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  for (const format of ['json', 'xml'] as const) {
    it(`reads every recipient of a tag (SMS Partner), every page, masked (${format})`, async () => {
      const { api, emu } = await resetAll(format);
      await setKeys(api, emu);
      const text = await invoke('partnerExplorer_deliveryStatus', { tag: 'promo-nov', maxRows: 3 });
      assert.match(text, /^SMS Partner · .+: tag promo-nov, 45 recipients\.\n/);
      assert.ok(
        text.includes('["' + sessionOf(api, 'sms').id + '", "promo-nov"] (Partner: Show Status by Tag…).'),
        text,
      );
      assert.deepEqual(unmaskedPersonalData(text), []);
      const pages = (await emu.requests()).filter((r) => r.endpoint === '/bulk-status-by-tag').length;
      assert.equal(pages, 3);
      const both = await invoke('partnerExplorer_deliveryStatus', { tag: 'promo-nov', messageId: '4242' });
      assert.equal(both, 'Give "messageId" or "tag", one of the two.');
    });
  }

  it('an unknown message id and a refused key: the text the panel shows', async () => {
    const { api, emu } = await resetAll('xml');
    await setKeys(api, emu, ['sms']);
    const session = sessionOf(api, 'sms');
    const expected = await session.getMessageStatus('99999999').then(
      () => assert.fail('the emulator knows no message 99999999'),
      (e: unknown) => (isPartnerError(e) ? errorText(e) : assert.fail(String(e))),
    );
    assert.equal(await invoke('partnerExplorer_deliveryStatus', { messageId: '99999999' }), expected);
    await api.store.replaceKey(session.id, 'refused-key-123456');
    await api.sessions.sync();
    const refused = await invoke('partnerExplorer_deliveryStatus', { messageId: '4242' });
    assert.match(refused, /^SMS Partner/);
    assert.ok(!refused.includes('refused-key-123456'));
    assert.deepEqual(keysIn(refused, emu), []);
  });

  it('times out after the timeout setting, and a cancelled call stops its request', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    await setSetting('requestTimeout', 1);
    await emu.inject({ type: 'hang', service: 'sms', path: '/bulk-status', times: 0 });
    const started = Date.now();
    assert.equal(
      await invoke('partnerExplorer_deliveryStatus', { messageId: '4242' }),
      'SMS Partner timed out after 1 s. Try again later.',
    );
    assert.ok(Date.now() - started < 8000);
    await emu.clearFaults();
    await setSetting('requestTimeout', 10);
    await emu.reset();
    await emu.inject({ type: 'delay', ms: 5000, service: 'sms', path: '/bulk-status' });
    const source = new vscode.CancellationTokenSource();
    const call = invoke('partnerExplorer_deliveryStatus', { messageId: '4242' }, source.token);
    await waitFor(async () => (await emu.requests()).some((r) => r.endpoint === '/bulk-status'), 'the request sent');
    const cancelledAt = Date.now();
    source.cancel();
    await assert.rejects(call, (e: unknown) => e instanceof Error && /cancel/i.test(e.name + e.message));
    assert.ok(Date.now() - cancelledAt < 2000, 'answers at once');
    await waitFor(
      async () => (await emu.requests()).some((r) => r.endpoint === '/bulk-status' && r.aborted),
      'the request aborted',
    );
    source.dispose();
  });
});
