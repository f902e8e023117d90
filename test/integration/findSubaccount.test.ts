import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SubaccountNode } from '../../src/providers/tree/subaccountNode';
import { resetAll, setKeys, settledChildren, waitFor } from './helpers/harness';

describe('Find Sub-account', () => {
  it('loads every page (6 at a time at most) and reveals the match for an id, a token or an e-mail', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    const sms = api.tree.root('sms');
    await settledChildren(api, sms);
    await vscode.commands.executeCommand('workbench.view.extension.partnerExplorer');
    for (const [query, id] of [
      ['1042', 1042],
      ['smstok00007', 1007],
      ['JULES.45@', 1045],
    ] as const) {
      const found = await vscode.commands.executeCommand<SubaccountNode>('partnerExplorer.findSubaccount', 'sms', query);
      assert.equal(found?.subaccount.id, id, query);
      await waitFor(() => api.treeView.selection[0]?.id === found!.id, `selection of ${query}`);
    }
    assert.equal(sms.subaccounts.loadedCount, 45);
    const pages = (await emu.requests()).filter((r) => r.endpoint === '/subaccount/list').map((r) => r.page).sort();
    assert.deepEqual(pages, [1, 2, 3], 'each page once');
  });

  it('finds nothing for a query that matches nothing', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['mail']);
    await settledChildren(api, api.tree.root('mail'));
    assert.equal(await vscode.commands.executeCommand('partnerExplorer.findSubaccount', 'mail', 'nobody@nowhere'), undefined);
  });

  it('loading all pages can be cancelled and keeps what arrived, in order', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    const node = api.tree.root('sms').subaccounts;
    await settledChildren(api, api.tree.root('sms'));
    await node.ensureLoaded();
    await fetch(`${emu.url}/__emulator/subaccounts`, { method: 'POST', body: JSON.stringify({ service: 'sms', count: 2000 }) });
    await node.reload();
    await emu.latency(100);
    const abort = new AbortController();
    const loading = node.loadAll(abort.signal);
    await waitFor(() => node.loadedCount > 20, 'some pages', 5000);
    abort.abort();
    await loading;
    await emu.latency(0);
    const ids = node.subaccounts.map((n) => n.subaccount.id);
    assert.ok(ids.length < 2000, `${ids.length} loaded before cancelling`);
    assert.deepEqual(ids, ids.map((_, i) => 1001 + i), 'contiguous and in order');
    assert.equal(node.knownTotal, 2000);
  });
});
