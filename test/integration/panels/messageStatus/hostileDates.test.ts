import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { accountRef } from '../../../../src/accounts/creditHistory';
import type { MessageStatusPanel } from '../../../../src/panels/messageStatus/messageStatusPanel';
import { rendered, resetAll, setKeys, setSetting, unhandled, waitFor } from '../../helpers/harness';

const DAY = 86_400_000;
const HOSTILE = '99999999999999';

describe('Hostile dates (issue 12, defect 8)', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("a status date of 99999999999999 shows as the provider's text in the panel and in every copy", async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['mail']);
    await emu.message('mail', '991', [
      { recipient: 'a@exemple.fr', token: 't1', status: 'Delivered', cost: 1, stop: false, date: HOSTILE },
      { recipient: 'b@exemple.fr', token: 't2', status: 'Waiting', cost: 1, stop: false, date: '1763800000' },
    ]);
    const panel = await vscode.commands.executeCommand<MessageStatusPanel>(
      'partnerExplorer.showMessageStatus',
      'mail',
      '991',
    );
    const report = await waitFor(
      () => (panel && rendered(panel)?.rowCount === 2 ? rendered(panel) : undefined),
      'render',
      20_000,
    );
    const row = report.firstRows.find((r) => r[0] === 'a@exemple.fr');
    assert.equal(row?.[4], HOSTILE);
    assert.ok(panel!.text('csv', false)?.includes(`,${HOSTILE}\r\n`));
    assert.ok(panel!.text('markdown', false)?.includes(`| ${HOSTILE} |`));
    assert.ok(panel!.text('json', false)?.includes(`"date": "${HOSTILE}"`));
  });

  it('15,000,000 credits used 1 a week: the tooltip and the history panel show the trend without a date', async () => {
    const { api, emu } = await resetAll();
    const before = unhandled.length;
    const me = {
      success: true,
      code: 200,
      user: { username: 'big@exemple.fr' },
      credits: { creditSms: 15_000_000, currency: 'EUR', balance: '1.000' },
    };
    await emu.inject({
      type: 'body',
      body: JSON.stringify(me),
      contentType: 'application/json',
      path: '/me',
      service: 'sms',
      times: 0,
    });
    const account = accountRef('sms', String(me.user.username));
    await api.creditHistory.forget(account);
    await setKeys(api, emu, ['sms']);
    await waitFor(() => api.creditHistory.points(account).length === 1, 'the first reading recorded');
    await api.creditHistory.forget(account);
    await api.creditHistory.record(account, 15_000_001, 1, Date.now() - 7 * DAY + 60_000);
    await setSetting('lowCreditThreshold.sms', 100);
    await api.tree.refresh();
    await waitFor(() => api.creditHistory.points(account).length === 2, 'the new reading appended');
    const tooltip = await waitFor(() => {
      const value = api.statusBar
        .view('sms')
        .tooltip.value.replace(/&nbsp;/g, ' ')
        .replace(/\\(.)/g, '$1');
      return value.includes('Trend over') ? value : undefined;
    }, 'the trend in the tooltip');
    assert.match(tooltip, /Trend over 7 days: −1, about 0 used per day/);
    assert.ok(!tooltip.includes('At this rate'), tooltip);
    await vscode.commands.executeCommand('partnerExplorer.showCreditHistory');
    await waitFor(
      () => {
        const view = api.creditHistoryPanel.view;
        return view && rendered(view)?.series.find((s) => s.service === 'sms' && s.readings === 2);
      },
      'the chart',
      20_000,
    );
    assert.equal(unhandled.length, before, String(unhandled[before]));
  });
});
