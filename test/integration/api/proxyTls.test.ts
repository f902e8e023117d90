import * as assert from 'node:assert/strict';
import { globalAgent } from 'node:https';
import * as vscode from 'vscode';
import {
  startConnectProxy,
  startTlsFront,
  testCas,
  type ConnectProxy,
  type LocalServer,
} from '../../emulator/tlsFront';
import { children, emulator, resetAll, setKeys, setSetting, settledChildren, waitFor } from '../helpers/harness';

// VS Code's own hook for extension tests: in a host started with extensionTestsPath, the
// proxy support adds `https.globalAgent.testCertificates` to the certificates it trusts
// (it loads them once, on the first https request of the host: hence at load time here).
// The test CA then plays the part of a company authority in the system store.
(globalAgent as unknown as { testCertificates?: string[] }).testCertificates = testCas();

/** VS Code's own setting, as a user behind a corporate proxy sets it. */
const useProxy = (url: string | undefined) =>
  vscode.workspace.getConfiguration('http').update('proxy', url, vscode.ConfigurationTarget.Global);

/** A name that resolves nowhere: only the proxy can take a request there. */
const API_HOST = 'api.partner.test';

describe('HTTPS through the proxy in http.proxy (VS Code proxy support)', () => {
  let trusted: LocalServer;
  let selfSigned: LocalServer;
  let proxy: ConnectProxy;

  before(async () => {
    const port = Number(new URL((await emulator()).url).port);
    trusted = await startTlsFront(port, 'trusted');
    selfSigned = await startTlsFront(port, 'selfSigned');
    proxy = await startConnectProxy(trusted.port);
  });

  after(async () => {
    await useProxy(undefined);
    await resetAll();
    await Promise.all([trusted.stop(), selfSigned.stop(), proxy.stop()]);
  });

  it('an https API URL is reached through an HTTP CONNECT proxy: CONNECT seen, credits shown', async () => {
    const { api, emu } = await resetAll();
    await useProxy(`http://127.0.0.1:${proxy.port}`);
    await setSetting('sms.apiUrl', `https://${API_HOST}/sms/v1`);
    await setKeys(api, emu, ['sms']);
    const kids = await settledChildren(api, api.tree.root('sms'));
    assert.deepEqual(
      kids.slice(0, 1).map((k) => [k.label, k.description]),
      [['SMS', '269,082']],
    );
    assert.ok(proxy.log.includes(`CONNECT ${API_HOST}:443`), proxy.log.join('\n'));
    assert.ok(
      proxy.log.every((l) => l.startsWith('CONNECT ')),
      'nothing but tunnels asked',
    );
    const answered = (await emu.requests()).some((r) => r.service === 'sms' && r.endpoint === '/me');
    assert.ok(answered, 'the emulator answered behind the tunnel');
  });

  it('a certificate the machine does not trust: a plain message in the tree naming host and settings', async () => {
    const { api, emu } = await resetAll();
    await useProxy(`http://127.0.0.1:${proxy.port}`);
    await setSetting('sms.apiUrl', emu.apiUrl('sms'));
    await setKeys(api, emu, ['sms']);
    await settledChildren(api, api.tree.root('sms'));
    // As behind a TLS-inspecting proxy that presents its own certificate.
    proxy.retarget(selfSigned.port);
    const tunnels = proxy.log.length;
    await setSetting('sms.apiUrl', `https://${API_HOST}/sms/v1`);
    const errorItem = async () =>
      (await children(api, api.tree.root('sms'))).find((c) => c.contextValue === 'placeholder.error');
    const item = await waitFor(errorItem, 'the error item');
    assert.equal(
      item.label,
      `SMS Partner could not be reached safely: the certificate of ${API_HOST} is self-signed. ` +
        'If your network inspects HTTPS traffic, keep the setting http.systemCertificates on ' +
        "so that VS Code trusts your organization's certificate authority; " +
        'turn off http.proxyStrictSSL only on a network you trust.',
    );
    assert.ok(proxy.log.slice(tunnels).includes(`CONNECT ${API_HOST}:443`), proxy.log.join('\n'));
    proxy.retarget(trusted.port);
  });
});
