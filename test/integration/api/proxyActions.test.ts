import * as assert from 'node:assert/strict';
import { globalAgent } from 'node:https';
import * as vscode from 'vscode';
import { transferCredit } from '../../../src/commands/creditTransfer';
import {
  PROXIED_HOST,
  startDirectListener,
  startForwardProxy,
  startTlsFront,
  testCas,
  type DirectListener,
  type ForwardProxy,
  type LocalServer,
} from '../../emulator/tlsFront';
import { emulator, resetAll, setKeys, setSetting, settledChildren, show } from '../helpers/harness';

// VS Code's hook for extension tests: the test roots are trusted as a company's would be (see proxyTls.test.ts).
(globalAgent as unknown as { testCertificates?: string[] }).testCertificates = testCas();

/** VS Code's own settings, as a user behind a corporate proxy sets them. */
const setHttp = (key: 'proxy' | 'proxySupport', value: string | undefined) =>
  vscode.workspace.getConfiguration('http').update(key, value, vscode.ConfigurationTarget.Global);

// The API at 127.0.0.2, where nothing answers: as on a network where only the proxy gets out.
// VS Code sends 127.0.0.1 and localhost direct, whatever the settings; 127.0.0.2 it proxies.
describe('Actions go through the proxy in every http.proxySupport mode, as reads do', () => {
  let front: LocalServer;
  let proxy: ForwardProxy;
  let direct: DirectListener;

  before(async () => {
    const port = Number(new URL((await emulator()).url).port);
    front = await startTlsFront(port, 'ipAddress');
    proxy = await startForwardProxy(front.port, port);
    direct = await startDirectListener();
  });

  after(async () => {
    await setHttp('proxy', undefined);
    await setHttp('proxySupport', undefined);
    await resetAll();
    await Promise.all([front.stop(), proxy.stop(), direct.stop()]);
  });

  for (const mode of ['on', 'override'] as const) {
    for (const scheme of ['https', 'http'] as const) {
      it(`"${mode}", ${scheme}: a credit transfer goes through the proxy and is done`, async () => {
        const { api, emu } = await resetAll();
        await setHttp('proxySupport', mode);
        await setHttp('proxy', `http://127.0.0.1:${proxy.port}`);
        const origin = `${PROXIED_HOST}:${direct.port}`;
        await setSetting('sms.apiUrl', `${scheme}://${origin}/sms/v1`);
        await setKeys(api, emu, ['sms']);
        const sms = api.tree.root('sms');
        await settledChildren(api, sms);
        await settledChildren(api, sms.subaccounts);
        const [asked, directBefore] = [proxy.log.length, direct.connections];

        const node = sms.subaccounts.subaccounts[1];
        const deps = { sessions: api.sessions, tree: api.tree, confirm: async () => true };
        assert.equal(await transferCredit(deps, 'add', node, '1'), 'done');

        assert.equal(show(api.tree.root('sms').subaccounts.subaccounts[1]).description, 'simple · €16.838');
        const seen = proxy.log.slice(asked);
        const throughProxy =
          scheme === 'https'
            ? seen.includes(`CONNECT ${origin}`)
            : seen.some((l) => l.startsWith(`POST http://${origin}/sms/v1/subaccount/credit/add`));
        assert.ok(throughProxy, `the proxy was asked: ${seen.join(', ') || 'nothing'}`);
        assert.equal(direct.connections, directBefore, 'nothing went around the proxy');
        const posts = (await emu.requests()).filter((r) => r.method === 'POST');
        assert.deepEqual(
          posts.map((r) => r.endpoint),
          ['/subaccount/credit/add'],
        );
      });
    }
  }
});
