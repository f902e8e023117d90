import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { UsageView } from '../../../src/panels/usage/usagePanel';
import type { UsageData, UsageHostMessage } from '../../../src/webview/usageProtocol';
import { costMilliIn, sentIn } from '../../emulator/routes/statistics';
import { rendered, resetAll, sent, sessionOf, setKeys, waitFor } from '../helpers/harness';
import { watchNotifications } from '../helpers/notifications';

function lastData(view: UsageView): UsageData | undefined {
  return sent(view)
    .filter((m): m is UsageData => m.type === 'data')
    .pop();
}

const ofType = (view: UsageView, type: UsageHostMessage['type']) => sent(view).filter((m) => m.type === type);

describe('Usage panel (sending statistics)', function () {
  // The provider allows 5 cost-resume a minute: a reading past the budget waits its turn.
  this.timeout(90_000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows twelve months of messages and cost as bars and a table, read once and cached', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    const session = sessionOf(api, 'sms');
    const view = (await vscode.commands.executeCommand<UsageView>('partnerExplorer.showUsage', session.id, {
      kind: 'lastTwelveMonths',
    }))!;
    assert.ok(view);
    const data = await waitFor(() => lastData(view), 'the months', 40_000);
    assert.equal(data.months.length, 12);
    const now = new Date();
    const last = data.months[11];
    assert.equal(last.key, `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`);
    assert.equal(last.sent, sentIn(now.getFullYear(), now.getMonth() + 1));
    assert.equal(last.sentText, sentIn(now.getFullYear(), now.getMonth() + 1).toLocaleString('en'));
    assert.equal(last.cost, costMilliIn(now.getFullYear(), now.getMonth() + 1) / 1000);
    assert.match(data.readAt, /^\d{2}:\d{2}/);
    assert.equal(data.cached, false);
    const report = await waitFor(() => {
      const r = rendered(view);
      return r && r.months === 12 ? r : undefined;
    }, 'drawn');
    assert.equal(report.bars, 12);
    assert.deepEqual(report.rows[11], [last.label, last.sentText, last.costText]);
    assert.match(last.costText, /^€\d/);
    // Shown again: from the cache, no request.
    await view.select({ kind: 'lastTwelveMonths' });
    assert.equal(lastData(view)?.cached, true);
    const reads = (await emu.requests()).filter((r) => r.endpoint === '/statistics/cost-resume');
    assert.equal(reads.length, 1);
  });

  it('20 rapid clicks on the ranges send at most 5 cost-resume requests a minute, and say when the next reads', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    const session = sessionOf(api, 'sms');
    const view = (await vscode.commands.executeCommand<UsageView>('partnerExplorer.showUsage', session.id, {
      kind: 'lastMonth',
    }))!;
    const ranges = [
      { kind: 'lastMonth' as const },
      { kind: 'lastTwelveMonths' as const },
      { kind: 'custom' as const, from: '2024-01-01', to: '2024-06-30' },
      { kind: 'custom' as const, from: '2023-03-10', to: '2023-04-20' },
    ];
    const started = Date.now();
    const clicks: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) {
      clicks.push(view.select(ranges[i % ranges.length]));
    }
    // The last click wins: its months are drawn once its turn comes.
    const data = await waitFor(
      () => {
        const d = lastData(view);
        return d?.range.kind === 'custom' && d.range.from === '2023-03-10' ? d : undefined;
      },
      'the last range',
      60_000,
    );
    await Promise.all(clicks);
    assert.deepEqual(
      data.months.map((m) => m.key),
      ['2023-03', '2023-04'],
    );
    const reads = (await emu.requests()).filter((r) => r.endpoint === '/statistics/cost-resume' && !r.aborted);
    const inFirstMinute = reads.filter((r) => r.at - started < 60_000);
    assert.ok(inFirstMinute.length <= 5, `${inFirstMinute.length} requests in a minute`);
    // Never past the provider's limit: no 429, so no error was shown.
    assert.deepEqual(ofType(view, 'error'), []);
    // At least one click found the budget spent and was told when its reading goes out.
    const waiting = ofType(view, 'waiting');
    assert.ok(waiting.length > 0);
    const w = waiting[0];
    assert.ok(w.type === 'waiting' && w.seconds > 0 && w.seconds <= 12, JSON.stringify(w));
  });

  it('Mail Partner documents no statistics: says so, sends nothing', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['mail']);
    const watch = watchNotifications();
    try {
      const view = await vscode.commands.executeCommand('partnerExplorer.showUsage', sessionOf(api, 'mail').id);
      assert.equal(view, undefined);
      assert.ok(
        watch.shown.some(
          (n) => n.message === 'Mail Partner documents no sending statistics: only SMS Partner accounts have them.',
        ),
      );
      assert.equal((await emu.requests()).filter((r) => r.endpoint === '/statistics/cost-resume').length, 0);
    } finally {
      watch.dispose();
    }
  });
});
