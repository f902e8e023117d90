/**
 * Benchmarks that need the real VS Code extension host, run by `npm run bench`
 * (not part of `npm test`). Each figure lands in bench-host.json in the test
 * workspace; the benchmark script prints them beside their budgets.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import {
  emulator,
  note,
  requestsOfOneFullRefresh,
  resetAll,
  sessionOf,
  setKeys,
  settledChildren,
} from '../../test/integration/helpers/harness';

const results: Record<string, unknown> = {};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function control(action: string, body?: unknown): Promise<unknown> {
  const emu = await emulator();
  const res = await fetch(`${emu.url}/__emulator/${action}`, {
    method: body === undefined ? 'GET' : 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}

describe('Benchmark (extension host)', function () {
  this.timeout(180_000);

  after(() => {
    const out = join(process.env.PARTNER_TEST_WORKSPACE ?? '.', 'bench-host.json');
    writeFileSync(out, JSON.stringify(results, null, 2));
  });

  it('activation timing measured by the extension itself', async () => {
    const { api } = await resetAll();
    results.activationSelf = api.activationTiming;
    const t = api.activationTiming;
    note(
      `vscode API object ${t.vscodeApiMs.toFixed(1)} ms, our modules ${t.loadMs.toFixed(1)} ms, activate() ${t.activateMs.toFixed(1)} ms`,
    );
  });

  it('full refresh at 100 ms latency, against bare fetch of the same URLs', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu);
    await settledChildren(api, api.tree.root('sms').subaccounts);
    await settledChildren(api, api.tree.root('mail').subaccounts);
    await emu.latency(100);
    const urls = (['sms', 'mail'] as const).flatMap((s) => [
      `${emu.apiUrl(s)}/me?_format=json&apiKey=${emu.apiKey(s)}`,
      `${emu.apiUrl(s)}/subaccount/list?_format=json&page=1&apiKey=${emu.apiKey(s)}`,
    ]);
    const bare: number[] = [];
    const refresh: number[] = [];
    for (let i = 0; i < 7; i++) {
      let t = performance.now();
      await Promise.all(urls.map((u) => fetch(u).then((r) => r.text())));
      bare.push(performance.now() - t);
      t = performance.now();
      await vscode.commands.executeCommand('partnerExplorer.refresh');
      refresh.push(performance.now() - t);
    }
    await emu.latency(0);
    results.refresh = { refreshMs: median(refresh), bareFetchMs: median(bare), ratio: median(refresh) / median(bare) };
    note(`refresh ${median(refresh).toFixed(0)} ms, bare fetch ${median(bare).toFixed(0)} ms`);
  });

  it('requests per full refresh with tree and status bar both visible', async () => {
    const { api, emu } = await resetAll();
    const requests = await requestsOfOneFullRefresh(api, emu);
    results.requestsPerRefresh = {
      smsMe: requests.filter((r) => r.service === 'sms' && r.endpoint === '/me').length,
      mailMe: requests.filter((r) => r.service === 'mail' && r.endpoint === '/me').length,
      total: requests.length,
    };
  });

  it('loading all 10,000 sub-accounts at 50 ms latency', async () => {
    const { api, emu } = await resetAll();
    await control('subaccounts', { service: 'sms', count: 10_000 });
    await setKeys(api, emu, ['sms']);
    const node = sessionOf(api, 'sms').subaccounts;
    await settledChildren(api, api.tree.root('sms'));
    await node.ensureLoaded();
    await emu.latency(50);
    await emu
      .reset()
      .then(() => control('subaccounts', { service: 'sms', count: 10_000 }))
      .then(() => emu.latency(50));
    const t = performance.now();
    await node.loadAll();
    const ms = performance.now() - t;
    const stats = (await control('stats')) as { requests: number; maxInFlight: number };
    assert.equal(node.loadedCount, 10_000);
    const pages = 499;
    // The same pages with bare fetch and the same bound: what the emulator and loopback cost.
    let next = 2;
    const tb = performance.now();
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next <= pages + 1) {
          const page = next++;
          await fetch(
            `${emu.apiUrl('sms')}/subaccount/list?_format=json&page=${page}&apiKey=${emu.apiKey('sms')}`,
          ).then((r) => r.text());
        }
      }),
    );
    const bareMs = performance.now() - tb;
    await emu.latency(0);
    const ideal = Math.ceil(pages / 6) * 50;
    results.loadAll = {
      ms,
      bareFetchMs: bareMs,
      pages,
      requests: stats.requests,
      maxInFlight: stats.maxInFlight,
      idealMs: ideal,
      ratioToIdeal: ms / ideal,
      ratioToBare: ms / bareMs,
    };
    note(`${node.loadedCount} sub-accounts in ${ms.toFixed(0)} ms, ${stats.maxInFlight} in flight at most`);
  });

  it('requests of one Refresh after a Find over 10,000 sub-accounts', async () => {
    const { api, emu } = await resetAll();
    await control('subaccounts', { service: 'sms', count: 10_000 });
    await setKeys(api, emu, ['sms']);
    await settledChildren(api, api.tree.root('sms'));
    await sessionOf(api, 'sms').subaccounts.ensureLoaded();
    await vscode.commands.executeCommand('partnerExplorer.findSubaccount', 'sms', 'smstok10000');
    await emu.reset();
    await control('subaccounts', { service: 'sms', count: 10_000 });
    await vscode.commands.executeCommand('partnerExplorer.refresh');
    const requests = await emu.requests();
    const pages = requests.filter((r) => r.endpoint === '/subaccount/list').length;
    const me = requests.filter((r) => r.endpoint === '/me').length;
    // Opened in the tree: page 1, and page 500 that holds the revealed pick.
    const opened = 2;
    results.refreshAfterFind = { requests: requests.length, pages, me, expected: opened + 1 };
    note(`${requests.length} requests: ${pages} pages, ${me} /me`);
  });

  it('extension host heap growth after 200 refresh cycles', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu);
    await settledChildren(api, api.tree.root('sms'));
    await settledChildren(api, api.tree.root('mail'));
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const settle = async () => {
      for (let i = 0; i < 3; i++) {
        gc();
        await new Promise((r) => setTimeout(r, 50));
      }
      return process.memoryUsage().heapUsed;
    };
    for (let i = 0; i < 20; i++) {
      await vscode.commands.executeCommand('partnerExplorer.refresh');
    }
    const before = await settle();
    for (let i = 0; i < 200; i++) {
      await vscode.commands.executeCommand('partnerExplorer.refresh');
    }
    const after = await settle();
    results.heap = { beforeMB: before / 1048576, afterMB: after / 1048576, growthMB: (after - before) / 1048576 };
    note(`heap ${(before / 1048576).toFixed(1)} → ${(after / 1048576).toFixed(1)} MB`);
  });
});
