import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MessageStatusPanel } from '../../../../src/panels/messageStatus/messageStatusPanel';
import type { RenderReport } from '../../../../src/webview/messageStatusProtocol';
import { accountsRead, rendered, resetAll, sent, setKeys, waitFor } from '../../helpers/harness';

async function drawn(panel: MessageStatusPanel, rows?: number): Promise<RenderReport> {
  return waitFor(
    () => {
      const report = rendered(panel);
      return report && (rows === undefined || report.rowCount === rows) ? report : undefined;
    },
    'the webview to render',
    20_000,
  );
}

for (const format of ['json', 'xml'] as const) {
  describe(`Message status panel (${format} answers)`, () => {
    afterEach(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('opens a titled panel whose webview renders every recipient as text', async () => {
      const { api, emu } = await resetAll(format);
      await setKeys(api, emu);
      const panel = await vscode.commands.executeCommand<MessageStatusPanel>(
        'partnerExplorer.showMessageStatus',
        'mail',
        '300',
      );
      assert.ok(panel);
      assert.equal(panel.panel.title, 'Message 300 · Mail Partner');
      const report = await drawn(panel!, 2);
      assert.deepEqual(report.firstRows[0].slice(0, 4), ['email1', 'Delivered', '1', 'Yes']);
      assert.equal(report.foreignElements, 0);
      assert.deepEqual(panel.current?.summary, [{ status: 'Delivered', category: 'delivered', count: 2 }]);
      const html = panel.panel.webview.html;
      assert.match(
        html,
        /Content-Security-Policy" content="default-src 'none'; style-src [^;]+; script-src 'nonce-[A-Za-z0-9+/=]{20,}'/,
      );
      assert.match(html, /<script nonce="[^"]+" src="[^"]+\/media\/statusPanel\.js"><\/script>/);
      assert.ok(!html.includes('email1'), 'no API data in the HTML');
    });

    it('renders hostile recipients and statuses literally', async () => {
      const { api, emu } = await resetAll(format);
      await setKeys(api, emu, ['mail']);
      const panel = await vscode.commands.executeCommand<MessageStatusPanel>(
        'partnerExplorer.showMessageStatus',
        'mail',
        '666',
      );
      const report = await drawn(panel!, 2);
      assert.equal(report.firstRows[0][0], '<img src=x onerror=alert(1)>');
      assert.equal(report.firstRows[0][1], '<b>Delivered</b>');
      assert.equal(report.firstRows[1][0], '[click](command:workbench.action.quit)');
      assert.equal(report.foreignElements, 0, 'no element came from API text');
    });

    it('reuses one panel per service and message id, and shows unknown statuses as they came', async () => {
      const { api, emu } = await resetAll(format);
      await setKeys(api, emu);
      const first = await vscode.commands.executeCommand<MessageStatusPanel>(
        'partnerExplorer.showMessageStatus',
        'sms',
        '4242',
      );
      const report = await drawn(first!, 48);
      assert.equal(report.shownCount, 48);
      const again = await vscode.commands.executeCommand<MessageStatusPanel>(
        'partnerExplorer.showMessageStatus',
        'sms',
        '4242',
      );
      assert.equal(again, first);
      const other = await vscode.commands.executeCommand<MessageStatusPanel>(
        'partnerExplorer.showMessageStatus',
        'mail',
        '4242',
      );
      assert.notEqual(other, first);
      const statuses = first!.current!.summary.map((s) => s.status);
      for (const s of ['Bounced-Soft', 'DELIVRD', 'UNDELIV', 'ko']) {
        assert.ok(statuses.includes(s), s);
      }
      assert.equal(first!.current!.summary.find((s) => s.status === 'Bounced-Soft')?.category, 'other');
    });

    it('shows a message that does not exist as an error inside the panel', async () => {
      const { api, emu } = await resetAll(format);
      await setKeys(api, emu, ['sms']);
      const panel = await vscode.commands.executeCommand<MessageStatusPanel>(
        'partnerExplorer.showMessageStatus',
        'sms',
        '123456',
      );
      const error = await waitFor(() => sent(panel!).find((m) => m.type === 'error'), 'error message');
      assert.deepEqual(error, {
        type: 'error',
        message: 'SMS Partner: no message with this id was found (code 4).',
        canRetry: false,
        canSetKey: false,
      });
    });

    it('shows a network failure in the panel with a retry that recovers', async () => {
      const { api, emu } = await resetAll(format);
      await setKeys(api, emu, ['mail']);
      await emu.inject({ type: 'reset', path: '/bulk-status', times: 0 });
      const panel = await vscode.commands.executeCommand<MessageStatusPanel>(
        'partnerExplorer.showMessageStatus',
        'mail',
        '300',
      );
      const error = await waitFor(() => sent(panel!).find((m) => m.type === 'error'), 'error message', 15_000);
      assert.ok(error.type === 'error' && error.canRetry);
      assert.match(error.type === 'error' ? error.message : '', /^Cannot reach 127\.0\.0\.1:\d+ \(ECONNRESET\)/);
      await emu.clearFaults();
      await panel!.load();
      await drawn(panel!, 2);
    });
  });
}

describe('Show Message Status command input', () => {
  it('refuses an invalid message id and sends nothing', async () => {
    // The tree out of sight: it reads open Sub-accounts for a new account whenever it renders it.
    await vscode.commands.executeCommand('workbench.view.explorer');
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    await accountsRead(api);
    for (const bad of ['12a', '   ', '1'.repeat(10_000), '<script>']) {
      // Each on a clean request log: a background reading of the account is not this refusal's.
      await emu.reset();
      const panel = await vscode.commands.executeCommand('partnerExplorer.showMessageStatus', 'sms', bad);
      assert.equal(panel, undefined, JSON.stringify(bad.slice(0, 10)));
      assert.deepEqual(await emu.requests(), [], JSON.stringify(bad.slice(0, 10)));
    }
    await vscode.commands.executeCommand('workbench.view.extension.partnerExplorer');
  });

  it('trims a pasted id with newlines', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    const panel = await vscode.commands.executeCommand<MessageStatusPanel>(
      'partnerExplorer.showMessageStatus',
      'sms',
      ' 111\n',
    );
    assert.equal(panel?.messageId, '111');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
