import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { resetAll, setKeys, setSetting, waitFor } from './helpers/harness';

const DAY = 86_400_000;

describe('Credit trends', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('records each credit reading, without secrets, and shows the trend and threshold date in the status-bar tooltip', async () => {
    const { api, emu } = await resetAll();
    await api.creditHistory.clear('sms');
    await api.creditHistory.clear('mail');
    await setKeys(api, emu, ['sms']);
    await waitFor(() => api.creditHistory.points('sms').length === 1, 'the first reading recorded');
    assert.equal(api.creditHistory.points('sms')[0].count, 269082);
    assert.equal(api.creditHistory.points('sms')[0].balance, 10225.119);
    const stored = JSON.stringify(api.storage.global.get('partnerExplorer.creditHistory.sms'));
    assert.ok(!stored.includes(emu.apiKey('sms')) && !stored.includes('agence.durand'), 'numbers and times only');

    // Four days of readings going down by 1,000 a day, then today's real reading.
    const now = Date.now();
    await api.creditHistory.clear('sms');
    for (let d = 4; d >= 1; d--) {await api.creditHistory.record('sms', 269082 + d * 1000, 10000, now - d * DAY);}
    await api.tree.refresh();
    await waitFor(() => api.creditHistory.points('sms').length === 5, 'the new reading appended');
    await setSetting('lowCreditThreshold.sms', 200000);
    const tooltip = await waitFor(() => {
      // The tooltip is Markdown: appendText turned spaces into &nbsp; and escaped punctuation.
      const value = (api.statusBar.current?.tooltip.value ?? '').replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
      return value.includes('Trend over') && value.includes('At this rate') ? value : undefined;
    }, 'the trend in the tooltip');
    assert.match(tooltip, /Trend over 4 days: −4,000, about 1,000 used per day/);
    // (269,082 − 200,000) / 1,000 a day ≈ 69 days from now.
    const eta = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(now + 69.082 * DAY));
    assert.ok(tooltip.includes(`At this rate, below 200,000 around ${eta}`), tooltip);
  });

  it('draws the history in a webview chart with one dot per reading', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['mail']);
    await api.creditHistory.clear('sms');
    await api.creditHistory.clear('mail');
    const now = Date.now();
    for (let d = 6; d >= 0; d--) {await api.creditHistory.record('mail', 5000 - d * 100 + (d === 3 ? 2000 : 0), 50, now - d * DAY);}
    await vscode.commands.executeCommand('partnerExplorer.showCreditHistory');
    const report = await waitFor(() => api.creditHistoryPanel.lastRender?.series.find((s) => s.service === 'mail' && s.readings === 7), 'the chart drawn', 20_000);
    assert.equal(report.plotted, 7, 'one dot per reading');
    const html = api.creditHistoryPanel.webviewPanel!.webview.html;
    assert.match(html, /script-src 'nonce-[A-Za-z0-9+/=]{20,}'/);
    assert.ok(!html.includes('5000'), 'data arrives by message, not in the HTML');
    // A new reading redraws the open chart.
    await api.creditHistory.record('mail', 4000, 40, now + 60_000);
    await waitFor(() => api.creditHistoryPanel.lastRender?.series.find((s) => s.service === 'mail' && s.readings === 8), 'redrawn with the new reading');
  });
});
