import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { amountReadingItems, readTypedAmount } from '../../../src/commands/amountInput';
import { amountProblem, transferCredit, type TransferDeps } from '../../../src/commands/creditTransfer';
import type { PartnerExplorerApi } from '../../../src/testApi';
import {
  type EmulatorHandle,
  resetAll,
  sessionOf,
  setKeys,
  setSetting,
  settledChildren,
  show,
  waitFor,
} from '../helpers/harness';
import { watchNotifications } from '../helpers/notifications';

interface Asked {
  message: string;
  detail: string;
  action: string;
}

// The real command asks with a modal dialog (driven in the e2e run); here the
// same flow answers it, and records what it was asked.
function depsFor(
  api: PartnerExplorerApi,
  answer: boolean | (() => Promise<boolean>),
  asked: Asked[] = [],
): TransferDeps {
  return {
    sessions: api.sessions,
    tree: api.tree,
    confirm: async (message, detail, action) => {
      asked.push({ message, detail, action });
      return typeof answer === 'function' ? answer() : answer;
    },
  };
}

async function ready(format: 'json' | 'xml' = 'json'): Promise<{ api: PartnerExplorerApi; emu: EmulatorHandle }> {
  const { api, emu } = await resetAll(format);
  await setKeys(api, emu, ['sms']);
  const sms = api.tree.root('sms');
  await settledChildren(api, sms);
  await settledChildren(api, sms.subaccounts);
  await waitFor(() => api.statusBar.view('sms').visible, 'status bar');
  return { api, emu };
}

describe('Credit transfers', () => {
  afterEach(async () => {
    const { emu } = await resetAll();
    await emu.clearFaults();
    await setSetting('requestTimeout', 10);
  });

  for (const format of ['json', 'xml'] as const) {
    it(`adds credit after a confirmation that states both balances, and shows the answer's balances (${format})`, async () => {
      const { api, emu } = await ready(format);
      const node = api.tree.root('sms').subaccounts.subaccounts[1];
      const asked: Asked[] = [];
      const outcome = await transferCredit(depsFor(api, true, asked), 'add', node, '12.5');
      assert.equal(outcome, 'done');
      assert.deepEqual(asked, [
        {
          message: 'Add €12.50 to chloe.2@client-sms.example?',
          detail:
            'Main SMS Partner account: €10,225.119 → €10,212.619\nSub-account chloe.2@client-sms.example: €15.838 → €28.338\n' +
            'Account: agence.durand@exemple.fr (SMS Partner)',
          action: 'Add €12.50',
        },
      ]);
      const updated = api.tree.root('sms').subaccounts.subaccounts[1];
      assert.equal(show(updated).description, 'simple · €28.338');
      assert.equal(sessionOf(api, 'sms').account?.credits.balance.amount, '10212.619');
      const posts = (await emu.requests()).filter((r) => r.method === 'POST');
      assert.equal(posts.length, 1);
      assert.match(api.statusBar.view('sms').tooltip.value.replace(/&nbsp;/g, ' ') ?? '', /Balance: €10,212\.619/);
    });
  }

  it('reads "1,000" as one thousand euros in English, and refuses "1,5" saying why (issue 12, defect 12)', async () => {
    const { api, emu } = await ready();
    const node = api.tree.root('sms').subaccounts.subaccounts[1];
    const asked: Asked[] = [];
    assert.equal(await transferCredit(depsFor(api, false, asked), 'add', node, '1,000'), 'cancelled');
    assert.equal(asked[0].message, 'Add €1,000.00 to chloe.2@client-sms.example?');
    const balance = node.subaccount.balance;
    assert.equal(
      amountProblem('1,5', 'add', balance, undefined, 'en'),
      'A comma separates thousands, as in 1,000: write decimals with a point, such as 1.5.',
    );
    assert.equal(
      amountProblem('1.000,50', 'add', balance, undefined, 'en'),
      'Write the amount as in 1,000.50 or 1000.',
    );
    // A text that reads two ways is not refused as typed: the user is asked which amount (below).
    assert.equal(amountProblem('1,000', 'add', balance, undefined, 'fr'), undefined);
    assert.equal(
      amountProblem('1.5', 'add', balance, undefined, 'de'),
      'A point separates thousands, as in 1.000: write decimals with a comma, such as 1,5.',
    );
    assert.equal(await transferCredit(depsFor(api, true), 'add', node, '1,5'), 'refused');
    assert.equal((await emu.requests()).filter((r) => r.method === 'POST').length, 0, 'nothing sent');
  });

  it('asks which amount a German "1.000" means, and reads the one picked (issue 24, item 3)', async () => {
    const plain = (items: { label: string; description?: string }[]) =>
      items.map((i) => `${i.label.replace(/[\u00a0\u202f]/g, ' ')} (${i.description})`);
    assert.deepEqual(plain(amountReadingItems('1.000', ['1', '1000'], 'EUR', 'de')), [
      '1,00 € ("." read as the decimal mark)',
      '1.000,00 € ("." read as a thousands separator)',
    ]);
    assert.deepEqual(plain(amountReadingItems('2,000', ['2', '2000'], 'EUR', 'qps-ploc')), [
      '€2.00 ("," read as the decimal mark)',
      '€2,000.00 ("," read as a thousands separator)',
    ]);
    for (const [moves, expected] of [
      [0, { amount: '1' }],
      [1, { amount: '1000' }],
    ] as const) {
      const asked = readTypedAmount('1.000', 'EUR', 'de');
      await new Promise((r) => setTimeout(r, 300));
      for (let i = 0; i < moves; i++) {
        await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      }
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      assert.deepEqual(await asked, expected);
    }
    const dismissed = readTypedAmount('1,000', 'EUR', 'it');
    await new Promise((r) => setTimeout(r, 300));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await dismissed, undefined, 'Escape: no amount');
    // Read without a question where the text reads one way only.
    assert.deepEqual(await readTypedAmount('2,500', 'EUR', 'de'), { amount: '2.5' });
    assert.deepEqual(await readTypedAmount('1.000,50', 'EUR', 'pt-br'), { amount: '1000.5' });
    assert.deepEqual(await readTypedAmount('1,5', 'EUR', 'en'), {
      refused: 'A comma separates thousands, as in 1,000: write decimals with a point, such as 1.5.',
    });
  });

  it('removes credit, and refuses more than the sub-account has before sending anything', async () => {
    const { api, emu } = await ready();
    const node = api.tree.root('sms').subaccounts.subaccounts[0];
    assert.equal(await transferCredit(depsFor(api, true), 'remove', node, '8'), 'refused');
    assert.equal((await emu.requests()).filter((r) => r.method === 'POST').length, 0);
    assert.equal(await transferCredit(depsFor(api, true), 'remove', node, '7.919'), 'done');
    assert.equal(show(api.tree.root('sms').subaccounts.subaccounts[0]).description, 'simple · €0.00');
  });

  it('sends nothing when the user cancels the confirmation', async () => {
    const { api, emu } = await ready();
    const node = api.tree.root('sms').subaccounts.subaccounts[0];
    assert.equal(await transferCredit(depsFor(api, false), 'add', node, '5'), 'cancelled');
    assert.equal((await emu.requests()).filter((r) => r.method === 'POST').length, 0);
  });

  it('a double click never sends twice', async () => {
    const { api, emu } = await ready();
    await emu.latency(300);
    const node = api.tree.root('sms').subaccounts.subaccounts[2];
    const outcomes = await Promise.all([
      transferCredit(depsFor(api, true), 'add', node, '1'),
      transferCredit(depsFor(api, true), 'add', node, '1'),
    ]);
    await emu.latency(0);
    assert.deepEqual(outcomes.sort(), ['busy', 'done']);
    assert.equal((await emu.requests()).filter((r) => r.method === 'POST').length, 1);
  });

  it('a refused transfer says why, in words', async () => {
    const { api, emu } = await ready();
    await emu.inject({ type: 'apiError', code: 8, path: '/subaccount/credit' });
    const node = api.tree.root('sms').subaccounts.subaccounts[0];
    const errors: string[] = [];
    const deps = { ...depsFor(api, true), log: { warn: (m: string) => errors.push(m) } as never };
    assert.equal(await transferCredit(deps, 'add', node, '1'), 'refused', errors.join('\n'));
    assert.equal(
      show(api.tree.root('sms').subaccounts.subaccounts[0]).description,
      'simple · €7.919',
      'nothing changed',
    );
  });

  it('a transfer that times out is never retried: outcome unknown, balances read again', async () => {
    const { api, emu } = await ready();
    await setSetting('requestTimeout', 1);
    await emu.inject({ type: 'hang', path: '/subaccount/credit', times: 0 });
    await emu.reset().then(() => emu.inject({ type: 'hang', path: '/subaccount/credit', times: 0 }));
    const node = api.tree.root('sms').subaccounts.subaccounts[0];
    assert.equal(await transferCredit(depsFor(api, true), 'add', node, '3'), 'unknown');
    const requests = await waitFor(async () => {
      const r = await emu.requests();
      return r.some((x) => x.endpoint === '/me') && r.some((x) => x.endpoint === '/subaccount/list') ? r : undefined;
    }, 'balances read again');
    assert.equal(requests.filter((r) => r.method === 'POST').length, 1, 'the POST was sent once');
  });

  for (const [setting, value] of [
    ['requestTimeout', 20],
    ['responseFormat', 'xml'],
  ] as const) {
    it(`a transfer in flight when ${setting} changes completes and reports both balances`, async () => {
      const { api, emu } = await ready();
      await emu.inject({ type: 'delay', ms: 1500, path: '/subaccount/credit' });
      const node = api.tree.root('sms').subaccounts.subaccounts[1];
      const watch = watchNotifications();
      try {
        const outcome = transferCredit(depsFor(api, true), 'add', node, '2');
        await waitFor(async () => (await emu.requests()).some((r) => r.method === 'POST'), 'the transfer sent');
        await setSetting(setting, value);
        assert.equal(await outcome, 'done');
        const done = 'Done. chloe.2@client-sms.example now has €17.838; the main account has €10,223.119.';
        assert.deepEqual(watch.shown, [{ level: 'info', message: done, detail: undefined }]);
        assert.equal((await emu.requests()).filter((r) => r.method === 'POST').length, 1);
      } finally {
        watch.dispose();
      }
    });
  }
});
