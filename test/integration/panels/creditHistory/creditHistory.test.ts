import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { accountRef, CreditHistory, type CreditPoint } from '../../../../src/accounts/creditHistory';
import { MemoryMemento } from '../../../helpers/memoryMemento';
import type { ServiceId } from '../../../../src/api';
import { removeAccount, type KeyCommandDeps } from '../../../../src/commands/apiKeyCommands';
import type { PartnerExplorerApi } from '../../../../src/testApi';
import { PartnerLog } from '../../../../src/log/partnerLog';
import { readSettings } from '../../../../src/settings/partnerSettings';
import {
  hasKey,
  historySeries,
  rendered,
  resetAll,
  sessionOf,
  setKeys,
  setSetting,
  settledChildren,
  waitFor,
} from '../../helpers/harness';

const DAY = 86_400_000;
// The emulator's main accounts.
const SMS_ACCOUNT = accountRef('sms', 'agence.durand@exemple.fr');
const MAIL_ACCOUNT = accountRef('mail', 'newsletter@exemple.fr');

/** The readings shown for a service's account: those of the provider account its key read last. */
function shown(api: PartnerExplorerApi, service: ServiceId = 'sms'): CreditPoint[] {
  const session = api.sessions.pinned(service);
  const account = session && api.readingsOf(session);
  return account ? api.creditHistory.points(account) : [];
}

/** Every credit reading kept in globalState, keys and values, as text. */
function storedHistory(api: PartnerExplorerApi, service = 'sms'): string {
  const keys = api.storage.global.keys().filter((k) => k.startsWith(`partnerExplorer.creditHistory.${service}`));
  return JSON.stringify(keys.map((k) => [k, api.storage.global.get(k)]));
}

/** What a reader sees in the status-bar tooltip (Markdown escapes undone). */
function tooltipText(api: PartnerExplorerApi): string {
  return (api.statusBar.view('sms').tooltip.value ?? '').replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
}

describe('Credit trends', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('records each credit reading, without secrets, and shows the trend and threshold date in the status-bar tooltip', async () => {
    const { api, emu } = await resetAll();
    await api.creditHistory.forget(SMS_ACCOUNT);
    await api.creditHistory.forget(MAIL_ACCOUNT);
    await setKeys(api, emu, ['sms']);
    await waitFor(() => shown(api).length === 1, 'the first reading recorded');
    assert.equal(shown(api)[0].count, 269082);
    assert.equal(shown(api)[0].balance, 10225.119);
    const stored = storedHistory(api);
    assert.ok(stored.includes('269082'), 'the reading is in globalState');
    assert.ok(!stored.includes(emu.apiKey('sms')) && !stored.includes('agence.durand'), 'numbers and times only');

    // Four days of readings going down by 1,000 a day, then today's real reading.
    const now = Date.now();
    await api.creditHistory.forget(SMS_ACCOUNT);
    for (let d = 4; d >= 1; d--) {
      await api.creditHistory.record(SMS_ACCOUNT, 269082 + d * 1000, 10000, now - d * DAY);
    }
    await api.tree.refresh();
    await waitFor(() => shown(api).length === 5, 'the new reading appended');
    await setSetting('lowCreditThreshold.sms', 200000);
    const tooltip = await waitFor(() => {
      // The tooltip is Markdown: appendText turned spaces into &nbsp; and escaped punctuation.
      const value = (api.statusBar.view('sms').tooltip.value ?? '').replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
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
    await api.creditHistory.forget(SMS_ACCOUNT);
    await api.creditHistory.forget(MAIL_ACCOUNT);
    const now = Date.now();
    for (let d = 6; d >= 0; d--) {
      await api.creditHistory.record(MAIL_ACCOUNT, 5000 - d * 100 + (d === 3 ? 2000 : 0), 50, now - d * DAY);
    }
    await vscode.commands.executeCommand('partnerExplorer.showCreditHistory');
    const drawn = (readings: number) => {
      const view = api.creditHistoryPanel.view;
      return view && rendered(view)?.series.find((s) => s.service === 'mail' && s.readings === readings);
    };
    const report = await waitFor(() => drawn(7), 'the chart drawn', 20_000);
    assert.equal(report.plotted, 7, 'one dot per reading');
    const html = api.creditHistoryPanel.view!.panel.webview.html;
    assert.match(html, /script-src 'nonce-[A-Za-z0-9+/=]{20,}'/);
    // The chart helpers shared with the Usage panel (media/charts.js) load before the panel's script, with the nonce.
    const scripts = [...html.matchAll(/<script nonce="[^"]+" src="[^"]*\/media\/([\w.]+)"/g)].map((m) => m[1]);
    assert.deepEqual(scripts, ['webviewDom.js', 'charts.js', 'creditHistory.js']);
    assert.ok(!html.includes('5000'), 'data arrives by message, not in the HTML');
    // A new reading redraws the open chart.
    await api.creditHistory.record(MAIL_ACCOUNT, 4000, 40, now + 60_000);
    await waitFor(() => drawn(8), 'redrawn with the new reading');
  });

  it('keeps readings per account: after a key change the tooltip and the chart show only the new account', async function () {
    this.timeout(60_000);
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    await waitFor(() => sessionOf(api, 'sms').state.kind === 'ready' && shown(api).length >= 1, 'account A read');
    // Four days of account A going down by 1,000 a day: a trend and a threshold date.
    const now = Date.now();
    await api.creditHistory.forget(SMS_ACCOUNT);
    for (let d = 4; d >= 1; d--) {
      await api.creditHistory.record(SMS_ACCOUNT, 269082 + d * 1000, 10000, now - d * DAY);
    }
    await api.tree.refresh();
    await waitFor(() => shown(api).length === 5, "A's reading appended");
    await setSetting('lowCreditThreshold.sms', 200);
    await waitFor(() => tooltipText(api).includes('At this rate, below 200 around'), "A's trend in the tooltip");

    // Account B: a sub-account's own key (with it the provider reads that sub-account's account).
    const sms = api.tree.root('sms');
    await settledChildren(api, sms);
    await settledChildren(api, sms.subaccounts);
    const b = sms.subaccounts.subaccounts[1].subaccount;
    await api.creditHistory.forget(accountRef('sms', b.email));
    const accountA = sessionOf(api, 'sms').id;
    assert.ok(
      await vscode.commands.executeCommand<boolean>('partnerExplorer.replaceApiKey', accountA, b.apiKey),
      'key B saved',
    );
    await waitFor(
      () => sessionOf(api, 'sms').state.kind === 'ready' && sessionOf(api, 'sms').account?.user.username === b.email,
      'account B read',
    );
    await waitFor(() => shown(api).at(-1)?.count === 351, "B's reading recorded");
    assert.deepEqual(
      shown(api).map((p) => p.count),
      [351],
      "only B's reading",
    );
    const tooltip = await waitFor(
      () => (tooltipText(api).includes('Credits: 351') ? tooltipText(api) : undefined),
      "B's count in the tooltip",
    );
    assert.ok(
      !tooltip.includes('Trend over') && !tooltip.includes('At this rate'),
      `no trend from one reading of B:\n${tooltip}`,
    );

    await vscode.commands.executeCommand('partnerExplorer.showCreditHistory');
    const series = await waitFor(() => historySeries(api)?.find((s) => s.service === 'sms'), 'the chart data');
    assert.deepEqual(
      series.points.map((p) => p.count),
      [351],
      "the chart draws B's reading only",
    );
    assert.deepEqual(series.trend, []);

    const stored = storedHistory(api);
    for (const secret of ['agence.durand', b.email, b.apiKey ?? 'no key', emu.apiKey('sms')]) {
      assert.ok(!stored.includes(secret), `globalState holds no ${secret}`);
    }

    // Back to A: its readings are still there, apart from B's.
    assert.ok(
      await vscode.commands.executeCommand<boolean>('partnerExplorer.replaceApiKey', accountA, emu.apiKey('sms')),
      'key A saved again',
    );
    await waitFor(
      () => sessionOf(api, 'sms').account?.user.username === 'agence.durand@exemple.fr',
      'account A read again',
    );
    await waitFor(() => shown(api).length >= 5, "A's readings back");
    assert.ok(!shown(api).some((p) => p.count === 351), "none of B's readings under A");
    await waitFor(() => tooltipText(api).includes('At this rate, below 200 around'), "A's trend back in the tooltip");
  });

  it("Clear API Key forgets the account's readings when asked, and keeps them otherwise", async function () {
    this.timeout(60_000);
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    await waitFor(() => sessionOf(api, 'sms').state.kind === 'ready' && shown(api).length >= 1, 'account read');
    const now = Date.now();
    await api.creditHistory.record(SMS_ACCOUNT, 123457, 5000, now - 2 * DAY);
    await api.creditHistory.record(SMS_ACCOUNT, 123456, 5000, now - DAY);
    assert.ok(storedHistory(api).includes('123457'));

    // "Clear Key" only: the readings stay for when the key comes back.
    assert.ok(await vscode.commands.executeCommand<boolean>('partnerExplorer.clearApiKey', 'sms', false));
    await waitFor(() => !hasKey(api, 'sms'), 'key cleared');
    assert.ok(storedHistory(api).includes('123457'), 'readings kept');
    await setKeys(api, emu, ['sms']);
    await waitFor(() => shown(api).some((p) => p.count === 123457), 'the readings shown again');

    // "Clear Key and History".
    assert.ok(await vscode.commands.executeCommand<boolean>('partnerExplorer.clearApiKey', 'sms', true));
    await waitFor(() => !hasKey(api, 'sms'), 'key cleared');
    const stored = storedHistory(api);
    assert.ok(!stored.includes('123457'), `the account's readings are gone from globalState: ${stored}`);
    assert.deepEqual(api.creditHistory.points(SMS_ACCOUNT), []);
  });

  it('Remove Account asks whether to forget the readings, only when the account has some; dismissing keeps everything', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    await waitFor(() => sessionOf(api, 'sms').state.kind === 'ready' && shown(api).length >= 1, 'account read');
    const channel = vscode.window.createOutputChannel('Partner Explorer (clear key test)', { log: true });
    const asked: string[][] = [];
    let answer: string | undefined;
    // The command's own code, with the modal answered here.
    const deps: KeyCommandDeps = {
      store: api.store,
      sessions: api.sessions,
      recent: api.recentMessages,
      log: new PartnerLog(channel, () => []),
      settings: readSettings,
      history: api.creditHistory,
      confirm: async (message, detail, ...actions) => {
        asked.push([message, detail, ...actions]);
        return answer;
      },
    };
    try {
      assert.equal(await removeAccount(deps, 'sms'), false, 'dismissed');
      assert.deepEqual(asked, [
        [
          'Remove the account agence.durand@exemple.fr?',
          "Its API key is forgotten by VS Code. This account's credit readings are kept for the trend and the Credit History. Forget them as well?",
          'Remove Account',
          'Remove Account and History',
        ],
      ]);
      assert.ok(sessionOf(api, 'sms').hasKey && shown(api).length >= 1, 'key and readings kept');

      answer = 'Remove Account and History';
      assert.equal(await removeAccount(deps, 'sms'), true);
      await waitFor(() => !hasKey(api, 'sms'), 'key cleared');
      assert.deepEqual(api.creditHistory.points(SMS_ACCOUNT), []);

      // An account with no readings (a history with none, so no reading can arrive meanwhile): nothing to ask.
      await setKeys(api, emu, ['sms']);
      await waitFor(() => sessionOf(api, 'sms').state.kind === 'ready', 'read again');
      answer = 'Remove Account';
      assert.equal(await removeAccount({ ...deps, history: new CreditHistory(new MemoryMemento()) }, 'sms'), true);
      assert.deepEqual(
        asked[2].slice(1),
        ['Its API key is forgotten by VS Code. The account itself stays as it is at the provider.', 'Remove Account'],
        'no history question',
      );
    } finally {
      channel.dispose();
    }
  });
});
