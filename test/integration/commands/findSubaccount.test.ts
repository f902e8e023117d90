import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ServiceId } from '../../../src/api';
import type { SubaccountNode } from '../../../src/providers/tree/subaccountNode';
import { resetAll, sessionOf, setKeys, settledChildren, waitFor } from '../helpers/harness';

const pagesOf = async (emu: Awaited<ReturnType<typeof resetAll>>['emu'], service: ServiceId) =>
  (await emu.requests())
    .filter((r) => r.service === service && r.endpoint === '/subaccount/list')
    .map((r) => r.page)
    .sort((a, b) => (a ?? 0) - (b ?? 0));

/** The emulator's SMS account gets `count` sub-accounts. */
const smsSubaccounts = (emu: Awaited<ReturnType<typeof resetAll>>['emu'], count: number) =>
  fetch(`${emu.url}/__emulator/subaccounts`, { method: 'POST', body: JSON.stringify({ service: 'sms', count }) });

describe('Find Sub-account', () => {
  it('reads every page once (6 at a time at most) and reveals the match for an id, a token or an e-mail', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    const sms = api.tree.root('sms');
    await settledChildren(api, sms);
    await vscode.commands.executeCommand('workbench.view.extension.partnerExplorer');
    await emu.reset();
    for (const [query, id] of [
      ['1042', 1042],
      ['smstok00007', 1007],
      ['JULES.45@', 1045],
    ] as const) {
      const found = await vscode.commands.executeCommand<SubaccountNode>(
        'partnerExplorer.findSubaccount',
        'sms',
        query,
      );
      assert.equal(found?.subaccount.id, id, query);
      await waitFor(() => api.treeView.selection[0]?.id === found!.id, `selection of ${query}`);
    }
    assert.deepEqual(await pagesOf(emu, 'sms'), [1, 2, 3], 'each page once: a fresh index answers the later searches');
    const list = sessionOf(api, 'sms').subaccounts;
    assert.equal(list.loadedCount, 20, 'the tree still holds only the page it opened');
    assert.deepEqual(
      list.items.slice(20).map((s) => s.id),
      [1042, 1045],
      'the picks beyond it are shown after it',
    );
  });

  it("with the tree's list open, a Find starts its first pages at once (page 1 does not go alone)", async () => {
    const { api, emu } = await resetAll();
    await smsSubaccounts(emu, 400);
    await setKeys(api, emu, ['sms']);
    await settledChildren(api, api.tree.root('sms'));
    await sessionOf(api, 'sms').subaccounts.ensureLoaded();
    await emu.reset();
    await smsSubaccounts(emu, 400);
    await emu.latency(150);
    try {
      const found = await vscode.commands.executeCommand<SubaccountNode>(
        'partnerExplorer.findSubaccount',
        'sms',
        'smstok00400',
      );
      assert.equal(found?.subaccount.token, 'smstok00400');
    } finally {
      await emu.latency(0);
    }
    const pages = (await emu.requests()).filter((r) => r.service === 'sms' && r.endpoint === '/subaccount/list');
    assert.deepEqual(
      pages.map((r) => r.page).sort((a, b) => (a ?? 0) - (b ?? 0)),
      Array.from({ length: 20 }, (_, i) => i + 1),
      'each of the 20 pages once',
    );
    const first = pages.slice(0, 6);
    assert.ok(
      first.some((r) => r.page === 1),
      `page 1 among the first six: ${first.map((r) => r.page).join(', ')}`,
    );
    const spread = Math.max(...first.map((r) => r.at)) - Math.min(...first.map((r) => r.at));
    assert.ok(spread < 150, `the first six asked within one answer's latency (${spread} ms apart)`);
  });

  it('Read Again: the open search shows the new reading, on the row the user had highlighted', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    await settledChildren(api, api.tree.root('sms'));
    const session = sessionOf(api, 'sms');
    const index = session.subaccountIndex;
    const result = vscode.commands.executeCommand<SubaccountNode | undefined>('partnerExplorer.findSubaccount', 'sms');
    await waitFor(() => index.readAt !== undefined && !index.loading, 'the first reading');
    // A row of page 2: the tree never read it, so the pick is the search's own row.
    const target = index.entries[25].subaccount;
    for (let i = 0; i < 25; i++) {
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    }
    await session.client!.addSubaccountCredit(target.token!, '10');
    // What the search's Read Again button does: every page again, as many sub-accounts as before.
    const search = new AbortController();
    await index.load(search.signal, true);
    search.abort();
    await new Promise((r) => setTimeout(r, 300));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const found = await result;
    assert.equal(found?.subaccount.id, target.id, 'the highlighted row stayed on the same sub-account');
    assert.equal(
      Math.round((found?.subaccount.balance.value ?? 0) * 1000),
      Math.round((target.balance.value + 10) * 1000),
      'the row shows the balance read again, not the first reading',
    );
  });

  it('finds nothing for a query that matches nothing', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['mail']);
    await settledChildren(api, api.tree.root('mail'));
    assert.equal(
      await vscode.commands.executeCommand('partnerExplorer.findSubaccount', 'mail', 'nobody@nowhere'),
      undefined,
    );
  });

  it('a Refresh after a Find re-reads what the tree shows, not every page', async () => {
    const { api, emu } = await resetAll();
    await smsSubaccounts(emu, 2000);
    await setKeys(api, emu, ['sms']);
    await settledChildren(api, api.tree.root('sms'));
    await sessionOf(api, 'sms').subaccounts.ensureLoaded();
    const found = await vscode.commands.executeCommand<SubaccountNode>(
      'partnerExplorer.findSubaccount',
      'sms',
      'smstok01950',
    );
    assert.equal(found?.subaccount.id, 2950);
    assert.equal(sessionOf(api, 'sms').subaccountIndex.items.length, 2000);
    await emu.reset();
    await smsSubaccounts(emu, 2000);
    await vscode.commands.executeCommand('partnerExplorer.refresh');
    const requests = await emu.requests();
    assert.deepEqual(
      requests
        .filter((r) => r.endpoint === '/subaccount/list')
        .map((r) => r.page)
        .sort((a, b) => (a ?? 0) - (b ?? 0)),
      [1, 98],
      'the opened page and the page of the revealed pick',
    );
    assert.equal(requests.filter((r) => r.endpoint === '/me').length, 1, 'one /me');
    assert.equal(requests.length, 3);
    assert.ok(
      sessionOf(api, 'sms').subaccounts.items.some((s) => s.id === 2950),
      'the pick is still shown',
    );
  });

  it('after a Refresh shows more sub-accounts, the next Find reads every page again and finds a new one', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    await settledChildren(api, api.tree.root('sms'));
    const session = sessionOf(api, 'sms');
    const first = await vscode.commands.executeCommand<SubaccountNode>('partnerExplorer.findSubaccount', 'sms', '1007');
    assert.equal(first?.subaccount.id, 1007);
    assert.equal(session.subaccountIndex.items.length, 45, 'the kept reading: 45 sub-accounts');
    // 400 sub-accounts now, created elsewhere (the provider's site, another tool).
    await smsSubaccounts(emu, 400);
    await vscode.commands.executeCommand('partnerExplorer.refresh');
    assert.equal(session.subaccounts.total, 400, 'the tree says "Sub-accounts (400)"');
    const found = await vscode.commands.executeCommand<SubaccountNode>(
      'partnerExplorer.findSubaccount',
      'sms',
      'smstok00300',
    );
    assert.equal(found?.subaccount.id, 1300, 'a sub-account created since the kept reading is found');
    assert.equal(session.subaccountIndex.items.length, 400, 'every page read again');
  });

  it("without a Refresh, a tree page whose total differs from Find's reading makes the next Find read again", async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    await settledChildren(api, api.tree.root('sms'));
    const session = sessionOf(api, 'sms');
    assert.equal(
      (await vscode.commands.executeCommand<SubaccountNode>('partnerExplorer.findSubaccount', 'sms', '1007'))
        ?.subaccount.id,
      1007,
    );
    await smsSubaccounts(emu, 400);
    // Load more… in the tree: page 2 now says 400 sub-accounts.
    await vscode.commands.executeCommand('partnerExplorer.loadMoreSubaccounts', 'sms');
    assert.equal(session.subaccounts.total, 400);
    const found = await vscode.commands.executeCommand<SubaccountNode>(
      'partnerExplorer.findSubaccount',
      'sms',
      'smstok00300',
    );
    assert.equal(found?.subaccount.id, 1300);
  });

  it('an account without sub-accounts: the Find list says so, and choosing that row reads the list again', async () => {
    const { api, emu } = await resetAll();
    await smsSubaccounts(emu, 0);
    await setKeys(api, emu, ['sms']);
    await settledChildren(api, api.tree.root('sms'));
    const index = sessionOf(api, 'sms').subaccountIndex;
    const result = vscode.commands.executeCommand<SubaccountNode | undefined>('partnerExplorer.findSubaccount', 'sms');
    let settled = false;
    void result.then(() => (settled = true));
    await waitFor(() => index.readAt !== undefined && !index.loading, 'the first reading');
    const before = (await pagesOf(emu, 'sms')).length;
    await new Promise((r) => setTimeout(r, 500));
    // The list is not empty: its one row ("No sub-accounts in this account · read at … · Read Again") is chosen.
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await waitFor(async () => (await pagesOf(emu, 'sms')).length > before, 'the list read again');
    await waitFor(() => index.readAt !== undefined && !index.loading, 'the second reading');
    assert.equal(settled, false, 'the search stays open');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await result, undefined);
  });

  for (const service of ['sms', 'mail'] as const) {
    it(`first use from the palette, Sub-accounts collapsed: the ${service} search stays open until a pick`, async () => {
      const { api, emu } = await resetAll();
      await setKeys(api, emu);
      await settledChildren(api, api.tree.root('sms'));
      await settledChildren(api, api.tree.root('mail'));
      await vscode.commands.executeCommand('workbench.view.extension.partnerExplorer');
      await vscode.commands.executeCommand('workbench.actions.treeView.partnerExplorer.accounts.collapseAll');
      for (const root of api.tree.roots) {
        await api.treeView.reveal(root, { expand: true, select: false, focus: false });
      }
      await emu.reset();
      // As from the palette or the view's title button: no argument, so the service is asked.
      const result = vscode.commands.executeCommand<SubaccountNode | undefined>('partnerExplorer.findSubaccount');
      let settled = false;
      void result.then(() => (settled = true));
      await new Promise((r) => setTimeout(r, 500));
      if (service === 'mail') {
        await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      }
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      // Every page read, then a while longer: the search must still be open.
      await waitFor(async () => (await pagesOf(emu, service)).length >= 1, `${service} pages read`);
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(settled, false, 'the search closed by itself');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const found = await result;
      assert.equal(found?.subaccount.id, 1001, 'the first sub-account was picked');
      await waitFor(() => api.treeView.selection[0]?.id === found!.id, 'the pick selected in the tree');
    });
  }

  it('loading all pages into the tree can be cancelled and keeps what arrived, in order', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    const list = sessionOf(api, 'sms').subaccounts;
    await settledChildren(api, api.tree.root('sms'));
    await list.ensureLoaded();
    await smsSubaccounts(emu, 2000);
    await list.reload();
    await emu.latency(100);
    const abort = new AbortController();
    const loading = list.loadAll(abort.signal);
    await waitFor(() => list.loadedCount > 20, 'some pages', 5000);
    abort.abort();
    await loading;
    await emu.latency(0);
    const ids = list.items.map((s) => s.id);
    assert.ok(ids.length < 2000, `${ids.length} loaded before cancelling`);
    assert.deepEqual(
      ids,
      ids.map((_, i) => 1001 + i),
      'contiguous and in order',
    );
    assert.equal(list.total, 2000);
  });
});
