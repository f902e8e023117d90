import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AccountSession } from '../../../src/accounts/accountSession';
import type { ServiceId } from '../../../src/api';
import type { MessageStatusPanel } from '../../../src/panels/messageStatus/messageStatusPanel';
import {
  children,
  type EmulatorHandle,
  historySeries,
  resetAll,
  sent,
  setSetting,
  settledChildren,
  show,
  waitFor,
} from '../helpers/harness';

type Api = Awaited<ReturnType<typeof resetAll>>['api'];

/** A sub-account's own key: with it the emulator reads that sub-account as an account of its own. */
const subKey = (service: ServiceId, i: number) => `${service}-subkey-${String(i).padStart(5, '0')}-9c4e`;
const subEmail = (service: ServiceId, i: number) =>
  `${['alice', 'bruno', 'chloe', 'david', 'emma', 'farid', 'gaelle', 'hugo', 'ines', 'jules', 'lea', 'marc'][i % 12]}.${i}@client-${service}.example`;

/** Three SMS accounts and two Mail accounts, added through the real command (each key checked with /me). */
async function fiveAccounts(api: Api, emu: EmulatorHandle): Promise<Record<string, AccountSession>> {
  const keys: [string, ServiceId, string][] = [
    ['smsMain', 'sms', emu.apiKey('sms')],
    ['smsB', 'sms', subKey('sms', 1)],
    ['smsC', 'sms', subKey('sms', 2)],
    ['mailMain', 'mail', emu.apiKey('mail')],
    ['mailB', 'mail', subKey('mail', 3)],
  ];
  const out: Record<string, AccountSession> = {};
  for (const [name, service, key] of keys) {
    assert.ok(
      await vscode.commands.executeCommand<boolean>('partnerExplorer.addAccount', service, key),
      `${name} added`,
    );
    const session = api.sessions.forService(service).find((s) => api.store.key(s.id) === key);
    assert.ok(session, `${name} has a session`);
    out[name] = session;
  }
  await waitFor(() => api.sessions.all.every((s) => s.state.kind === 'ready'), 'every account read');
  return out;
}

describe('Several accounts per service', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetAll();
  });

  it('three SMS and two Mail accounts side by side: tree, status bar, one /me per account per refresh', async () => {
    const { api, emu } = await resetAll();
    const a = await fiveAccounts(api, emu);
    // Grouped under their services, each account named after its username.
    const roots = await children(api);
    assert.deepEqual(
      roots.map((r) => [r.label, r.description, r.contextValue]),
      [
        ['SMS Partner', '3 accounts', 'serviceGroup'],
        ['Mail Partner', '2 accounts', 'serviceGroup'],
      ],
    );
    const sms = await children(api, roots[0].node);
    assert.deepEqual(
      sms.map((n) => n.label),
      ['agence.durand@exemple.fr', subEmail('sms', 1), subEmail('sms', 2)],
    );
    const mail = await children(api, roots[1].node);
    assert.deepEqual(
      mail.map((n) => n.label),
      ['newsletter@exemple.fr', subEmail('mail', 3)],
    );
    // Each account has its own credits and sub-accounts; ids are per account.
    const b = await settledChildren(api, sms[1].node);
    assert.equal(b[0].label, 'SMS');
    assert.equal(b[0].description, String(Math.floor(((1 * 7919) % 250_000) / 45)));
    assert.notEqual(sms[1].id, sms[0].id);

    // The status bar shows the pinned account (the first), its tooltip all three.
    const plain = (service: ServiceId) =>
      api.statusBar
        .view(service)
        .tooltip.value.replace(/&nbsp;/g, ' ')
        .replace(/\\(.)/g, '$1');
    await waitFor(
      () => api.statusBar.view('sms').text === '$(comment) 269,082',
      'the first SMS account in the status bar',
    );
    for (const name of ['agence.durand@exemple.fr', subEmail('sms', 1), subEmail('sms', 2)]) {
      assert.ok(plain('sms').includes(name), `${name} in the tooltip`);
    }
    assert.match(
      api.statusBar.view('sms').accessibleLabel,
      /^SMS Partner: 269,082 credits \(agence\.durand@exemple\.fr\)$/,
    );
    // Pinning another account shows its count; the low-credit threshold warns from any account.
    await vscode.commands.executeCommand('partnerExplorer.pinAccount', a.smsB.id);
    await waitFor(
      () => api.statusBar.view('sms').text.endsWith(`$(comment) ${Math.floor(7919 / 45)}`),
      'the pinned account shown',
    );
    assert.equal(api.statusBar.view('sms').warning, false);
    await setSetting('lowCreditThreshold.sms', 200);
    await waitFor(() => api.statusBar.view('sms').warning, 'the pinned account under 200 credits warns');
    assert.match(plain('sms'), /Credits: 175 \(below 200\)/);
    assert.match(plain('sms'), /Credits: 351\s/, 'the third account is above it');

    // One refresh: one /me per account, in parallel, and the loaded first pages.
    await emu.reset();
    await vscode.commands.executeCommand('partnerExplorer.refresh');
    const requests = await emu.requests();
    assert.equal(requests.filter((r) => r.endpoint === '/me').length, 5, 'one /me per account');
  });

  it('rename, message lookups, recent ids and credit history per account; remove forgets the key', async () => {
    const { api, emu } = await resetAll();
    const a = await fiveAccounts(api, emu);
    assert.ok(await vscode.commands.executeCommand('partnerExplorer.renameAccount', a.smsB.id, 'Client B'));
    await waitFor(() => show(api.tree.account(a.smsB.id)!).label === 'Client B', 'renamed in the tree');
    assert.equal(show(api.tree.account(a.smsB.id)!).description, subEmail('sms', 1), 'the username beside the name');

    // A message only the sub-account's key can read, looked up as account B; titled with its name.
    const panel = await vscode.commands.executeCommand<MessageStatusPanel>(
      'partnerExplorer.showMessageStatus',
      a.smsB.id,
      '8001',
    );
    await waitFor(() => panel.current, 'the message read with account B');
    assert.equal(panel.panel.title, 'Message 8001 · SMS Partner · Client B');
    await waitFor(() => api.recentMessages.list(a.smsB.id)[0] === '8001', 'remembered for account B');
    assert.deepEqual(api.recentMessages.list(a.smsMain.id), [], 'not for the main account');
    const main = await vscode.commands.executeCommand<MessageStatusPanel>(
      'partnerExplorer.showMessageStatus',
      a.smsMain.id,
      '8001',
    );
    await waitFor(() => sent(main).find((m) => m.type === 'error'), 'the main account cannot read it');
    assert.notEqual(main, panel, 'one panel per account');

    // Credit history: one chart per account.
    await vscode.commands.executeCommand('partnerExplorer.showCreditHistory');
    const series = await waitFor(
      () => (historySeries(api)?.length === 5 ? historySeries(api) : undefined),
      'five charts',
    );
    assert.deepEqual(
      series.map((s) => s.label),
      [
        'SMS Partner · agence.durand@exemple.fr',
        'SMS Partner · Client B',
        `SMS Partner · ${subEmail('sms', 2)}`,
        'Mail Partner · newsletter@exemple.fr',
        `Mail Partner · ${subEmail('mail', 3)}`,
      ],
    );

    // Remove account C: its key leaves SecretStorage, the others stay.
    assert.ok(await vscode.commands.executeCommand('partnerExplorer.removeAccount', a.smsC.id, true));
    await waitFor(() => !api.sessions.get(a.smsC.id), 'account C gone');
    assert.equal(await api.storage.secrets.get(`partnerExplorer.account.${a.smsC.id}.apiKey`), undefined);
    assert.equal(await api.storage.secrets.get(`partnerExplorer.account.${a.smsB.id}.apiKey`), subKey('sms', 1));
    assert.equal(api.sessions.forService('sms').length, 2);
    assert.ok(
      !JSON.stringify(api.storage.global.get('partnerExplorer.accountList')).includes('subkey'),
      'no key in the account list',
    );
  });

  it('adding the same key twice makes one account; the only service in use shows flat', async () => {
    const { api, emu } = await resetAll();
    assert.ok(await vscode.commands.executeCommand('partnerExplorer.setApiKey', 'mail', emu.apiKey('mail')));
    assert.ok(await vscode.commands.executeCommand('partnerExplorer.setApiKey', 'mail', emu.apiKey('mail')));
    assert.equal(api.store.accounts.length, 1);
    const roots = await waitFor(async () => {
      const r = await children(api);
      return r[0]?.label === 'newsletter@exemple.fr' ? r : undefined;
    }, 'the account at the top level');
    assert.equal(roots.length, 1);
    assert.equal(roots[0].contextValue, 'service.ready.mail');
  });
});
