import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ServiceId } from '../../../src/api';
import type { MessageStatusPanel } from '../../../src/panels/messageStatus/messageStatusPanel';
import { children, note, rendered, resetAll, sessionOf, setKeys, settledChildren, waitFor } from '../helpers/harness';

// Issue 16: after a series of HTML 502 pages, one 429 with `Retry-After: 1` must never
// reach the user, whatever request it lands on (here: the last attempt a 502 series left).
for (const format of ['json', 'xml'] as const) {
  describe(`A single 429 after a series of 502s never reaches the user (${format} answers)`, () => {
    afterEach(async () => {
      const { emu } = await resetAll();
      await emu.clearFaults();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('Partner: Refresh shows credits and every loaded sub-account: no error node, no notification', async () => {
      const { api, emu } = await resetAll(format);
      await setKeys(api, emu);
      const sms = api.tree.root('sms');
      await settledChildren(api, sms);
      await settledChildren(api, api.tree.root('mail'));
      await settledChildren(api, sms.subaccounts);
      const list = sessionOf(api, 'sms').subaccounts;
      await list.loadMore();
      await list.loadMore();
      await waitFor(() => list.loadedCount === 45, 'the 45 SMS sub-accounts loaded');
      const show = 'partnerExplorer.showMessageStatus';
      const panel = await vscode.commands.executeCommand<MessageStatusPanel>(show, 'mail', '4242');
      await waitFor(() => panel && rendered(panel), 'the Mail status panel');

      // Every state the sessions go through: an `error` state is what puts an error node in
      // the tree and raises the status bar's warning notification.
      const seen: string[] = [];
      const watch = (['sms', 'mail'] as ServiceId[]).map((s) =>
        sessionOf(api, s).onDidChange((session) => {
          const state = session.state;
          const error = state.kind === 'error' ? state.error : undefined;
          const why = error === undefined ? '' : ` ${error instanceof Error ? error.message : String(error)}`;
          seen.push(`${s}: ${state.kind}${why}`);
        }),
      );
      try {
        await emu.reset();
        for (const service of ['sms', 'mail'] as const) {
          await emu.inject({ type: 'status', status: 502, body: 'html', service, path: '/me', times: 2 });
          await emu.inject({ type: 'rateLimit', retryAfter: '1', service, path: '/me', times: 1 });
        }
        const pages = { service: 'sms', path: '/subaccount/list' } as const;
        await emu.inject({ type: 'status', status: 502, body: 'html', ...pages, times: 2 });
        await emu.inject({ type: 'rateLimit', retryAfter: '1', ...pages, times: 1 });
        // The command, and the status bar polling at the same moment (it joins the same /me).
        await Promise.all([vscode.commands.executeCommand('partnerExplorer.refresh'), api.statusBar.poll()]);

        const log = await emu.requests();
        const shown = log.filter((r) => r.endpoint !== '/bulk-status');
        note(`requests: ${shown.map((r) => `${r.service}${r.endpoint}${r.page ? `#${r.page}` : ''}`).join(', ')}`);
        assert.deepEqual(
          seen.filter((s) => s.includes('error')),
          [],
          'no session ever failed',
        );
        const smsKids = await children(api, sms);
        assert.deepEqual(
          smsKids.filter((k) => k.contextValue === 'placeholder.error').map((k) => k.label),
          [],
        );
        const credits = smsKids.slice(0, 2).map((k) => [k.label, k.description]);
        assert.deepEqual(credits, [
          ['SMS', '269,082'],
          ['SMS ECO', '444,570'],
        ]);
        assert.deepEqual(
          smsKids.slice(-2).map((k) => k.label),
          ['Sub-accounts (45)', 'STOP list'],
        );
        const subs = await children(api, sms.subaccounts);
        assert.deepEqual(
          subs.filter((k) => k.contextValue?.startsWith('placeholder')).map((k) => k.label),
          [],
        );
        assert.equal(subs.length, 45);
        const mailKids = await children(api, api.tree.root('mail'));
        assert.deepEqual(
          mailKids.slice(0, 1).map((k) => [k.label, k.description]),
          [['Mails', '269,082']],
        );
        assert.equal(api.statusBar.view('sms').failed || api.statusBar.view('mail').failed, false);
        assert.deepEqual(
          [api.statusBar.view('sms').text, api.statusBar.view('mail').text],
          ['$(comment) 269,082', '$(mail) 269,082'],
        );
        for (const service of ['sms', 'mail'] as const) {
          const me = log.filter((r) => r.service === service && r.endpoint === '/me');
          assert.equal(me.length, 4, `${service}: 502, 502, 429, then 200`);
        }
      } finally {
        watch.forEach((d) => d.dispose());
      }
    });
  });
}
