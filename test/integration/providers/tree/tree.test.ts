import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  children,
  hasKey,
  keyOf,
  removeAccounts,
  resetAll,
  sessionOf,
  setKeys,
  settledChildren,
  show,
  waitFor,
} from '../../helpers/harness';

for (const format of ['json', 'xml'] as const) {
  describe(`Accounts tree (${format} answers)`, () => {
    it('without any account the tree is empty (the welcome view shows); one service in use is flat, both are grouped', async () => {
      const { api, emu } = await resetAll(format);
      assert.deepEqual(await children(api), []);
      await setKeys(api, emu, ['sms']);
      const flat = await waitFor(async () => {
        const c = await children(api);
        return c[0]?.label === 'agence.durand@exemple.fr' ? c : undefined;
      }, 'the SMS account at the top level');
      assert.deepEqual(
        flat.map((r) => [r.label, r.contextValue]),
        [['agence.durand@exemple.fr', 'service.ready.sms']],
      );
      assert.match(flat[0].tooltip, /Service: \*\*SMS Partner\*\*/);
      await setKeys(api, emu, ['mail']);
      const grouped = await waitFor(async () => {
        const c = await children(api);
        return c.length === 2 && c[0].contextValue === 'serviceGroup' ? c : undefined;
      }, 'both services grouped');
      assert.deepEqual(
        grouped.map((r) => r.label),
        ['SMS Partner', 'Mail Partner'],
      );
      await waitFor(
        async () => (await children(api, grouped[1].node))[0]?.label === 'newsletter@exemple.fr',
        'the Mail account named',
      );
      await removeAccounts(api);
      await waitFor(async () => (await children(api)).length === 0, 'empty again');
    });

    it('tree commands carry no arguments: each account has its own', async () => {
      const { api, emu } = await resetAll(format);
      await setKeys(api, emu, ['sms']);
      const sms = api.tree.root('sms');
      const subs = await settledChildren(api, sms.subaccounts, 'first page');
      const more = subs[subs.length - 1];
      assert.equal(more.command?.command, `partnerExplorer.node.loadMore.${sessionOf(api, 'sms').id}`);
      assert.equal(more.command?.arguments, undefined);
    });

    it('a rejected key is not stored and the tree stays signed out', async () => {
      const { api, emu } = await resetAll(format);
      const ok = await vscode.commands.executeCommand<boolean>(
        'partnerExplorer.setApiKey',
        'sms',
        'this-key-is-wrong-000',
      );
      assert.equal(ok, false);
      assert.equal(await keyOf(api, 'sms'), undefined);
      assert.equal(hasKey(api, 'sms'), false);
      const requests = await emu.requests();
      assert.deepEqual(
        requests.map((r) => [r.service, r.endpoint]),
        [['sms', '/me']],
      );
    });

    it('shows credits formatted for the locale and the username, then sub-accounts', async () => {
      const { api, emu } = await resetAll(format);
      await setKeys(api, emu);
      const sms = show(api.tree.root('sms'));
      const mail = show(api.tree.root('mail'));
      const smsKids = await waitFor(async () => {
        const kids = await settledChildren(api, sms.node);
        return kids.some((k) => k.label.startsWith('Sub-accounts (')) ? kids : undefined;
      }, 'credits and the sub-account count');
      assert.deepEqual(
        smsKids.map((k) => [k.label, k.description]),
        [
          ['SMS', '269,082'],
          ['SMS ECO', '444,570'],
          ['HLR', '2,045,023'],
          ['Waiting to send', '12'],
          ['Balance', '€10,225.119'],
          ['Sub-accounts (45)', ''],
          // SMS accounts only; read when expanded.
          ['STOP list', ''],
        ].map(([l, d]) => [l, d]) as [string, string][],
      );
      assert.equal(show(api.tree.root('sms')).label, 'agence.durand@exemple.fr');
      const mailKids = await settledChildren(api, mail.node);
      assert.deepEqual(
        mailKids.slice(0, 2).map((k) => [k.label, k.description]),
        [
          ['Mails', '269,082'],
          ['Balance', '€10,225.119'],
        ],
      );
      assert.match(smsKids[0].tooltip, /Standard SMS credits left/);
      assert.equal(smsKids[0].contextValue, 'credit');
    });

    it('pages through sub-accounts with Load more, in place', async () => {
      const { api, emu } = await resetAll(format);
      await setKeys(api, emu, ['sms']);
      const sms = api.tree.root('sms');
      await settledChildren(api, sms);
      let subs = await settledChildren(api, sms.subaccounts, 'first page');
      assert.equal(subs.length, 21);
      assert.equal(subs[0].label, 'bruno.1@client-sms.example');
      assert.equal(subs[0].description, 'simple · €7.919');
      assert.equal(subs[0].contextValue, 'subaccount');
      assert.match(subs[0].tooltip, /smstok00001/);
      assert.ok(!subs[0].tooltip.includes('sms-subkey-00001'), 'the sub-account key is never shown');
      assert.equal(subs[20].label, 'Load more… (25 remaining)');
      assert.equal(subs[20].command?.command, `partnerExplorer.node.loadMore.${sessionOf(api, 'sms').id}`);
      await vscode.commands.executeCommand(subs[20].command!.command, ...(subs[20].command!.arguments ?? []));
      subs = await settledChildren(api, sms.subaccounts, 'second page');
      assert.equal(subs.length, 41);
      assert.equal(subs[40].label, 'Load more… (5 remaining)');
      await vscode.commands.executeCommand('partnerExplorer.loadMoreSubaccounts', 'sms');
      subs = await settledChildren(api, sms.subaccounts, 'last page');
      assert.equal(subs.length, 45);
      assert.equal(subs[44].label, 'jules.45@client-sms.example');
      assert.ok(
        subs.every((s) => s.contextValue === 'subaccount'),
        'no Load more once all are loaded',
      );
      const pages = (await emu.requests()).filter((r) => r.endpoint === '/subaccount/list').map((r) => r.page);
      assert.deepEqual(pages, [1, 2, 3]);
    });

    it('keeps ids and the pages already loaded across a refresh, and coalesces refreshes', async () => {
      const { api, emu } = await resetAll(format);
      await setKeys(api, emu);
      const sms = api.tree.root('sms');
      await settledChildren(api, sms);
      await settledChildren(api, sms.subaccounts);
      await vscode.commands.executeCommand('partnerExplorer.loadMoreSubaccounts', 'sms');
      const before = await settledChildren(api, sms.subaccounts);
      await emu.reset();
      await Promise.all([1, 2, 3, 4, 5].map(() => vscode.commands.executeCommand('partnerExplorer.refresh')));
      const after = await settledChildren(api, sms.subaccounts);
      assert.deepEqual(
        after.map((s) => s.id),
        before.map((s) => s.id),
      );
      const requests = await emu.requests();
      assert.equal(
        requests.filter((r) => r.endpoint === '/me' && r.service === 'sms').length,
        1,
        'one /me for five refreshes',
      );
      assert.equal(requests.filter((r) => r.endpoint === '/me' && r.service === 'mail').length, 1);
      assert.deepEqual(
        requests
          .filter((r) => r.service === 'sms' && r.endpoint === '/subaccount/list')
          .map((r) => r.page)
          .sort(),
        [1, 2],
      );
    });

    it('shows an empty sub-account list as empty', async () => {
      const { api, emu } = await resetAll(format);
      await emu.inject({
        type: 'body',
        path: '/subaccount/list',
        times: 0,
        body:
          format === 'json'
            ? '{"success":true,"code":200,"total":0,"nb_per_page":20,"page":1,"data":[]}'
            : '<?xml version="1.0"?><result><entry>true</entry><entry>200</entry><entry>0</entry><entry>20</entry><entry>1</entry><entry></entry></result>',
      });
      await setKeys(api, emu, ['mail']);
      const mail = api.tree.root('mail');
      await settledChildren(api, mail);
      const subs = await settledChildren(api, mail.subaccounts);
      assert.deepEqual(
        subs.map((s) => [s.label, s.contextValue]),
        [['No sub-accounts', 'placeholder.empty']],
      );
      assert.equal(show(mail.subaccounts).label, 'Sub-accounts (0)');
      await emu.clearFaults();
    });
  });
}

describe('Accounts tree errors', () => {
  it('a key the provider now rejects shows the reason and offers to set it again', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    await settledChildren(api, api.tree.root('sms'));
    await emu.inject({ type: 'apiError', code: 10, message: 'Clé API incorrecte', path: '/me' });
    await vscode.commands.executeCommand('partnerExplorer.refresh');
    const kids = await waitFor(async () => {
      const c = await children(api, api.tree.root('sms'));
      return c[0]?.contextValue === 'placeholder.error' ? c : undefined;
    }, 'error item');
    assert.equal(kids[0].label, 'SMS Partner: the API key is wrong (code 10). Set the API key again.');
    assert.equal(kids[0].command?.command, `partnerExplorer.node.setApiKey.${sessionOf(api, 'sms').id}`);
    // The credits read before stay visible under the error.
    assert.ok(kids.some((k) => k.label === 'SMS'));
  });

  it('a server error becomes an error item whose retry recovers', async () => {
    const { api, emu } = await resetAll();
    await emu.inject({ type: 'status', status: 503, body: 'html', path: '/me', service: 'mail', times: 0 });
    await setKeys(api, emu, ['sms']);
    // Add the Mail key directly: the command would refuse to save it without a check.
    await api.store.add('mail', emu.apiKey('mail'));
    await api.sessions.sync();
    const mail = api.tree.root('mail');
    const kids = await waitFor(
      async () => {
        const c = await children(api, mail);
        return c[0]?.contextValue === 'placeholder.error' ? c : undefined;
      },
      'error item',
      15_000,
    );
    assert.equal(kids[0].label, 'Mail Partner answered with HTTP 503. Try again later.');
    assert.equal(kids[0].command?.command, `partnerExplorer.node.retry.${sessionOf(api, 'mail').id}`);
    await emu.clearFaults();
    await vscode.commands.executeCommand(kids[0].command!.command, ...(kids[0].command!.arguments ?? []));
    const recovered = await settledChildren(api, mail);
    assert.equal(recovered[0].label, 'Mails');
    // SMS was never affected.
    assert.equal((await settledChildren(api, api.tree.root('sms')))[0].label, 'SMS');
  });

  it('an API URL that would send the key in clear is refused with a clear message', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    await vscode.workspace
      .getConfiguration('partnerExplorer')
      .update('sms.apiUrl', 'http://api.smspartner.fr/v1', vscode.ConfigurationTarget.Global);
    const kids = await waitFor(async () => {
      const c = await children(api, api.tree.root('sms'));
      return c[0]?.contextValue === 'placeholder.error' ? c : undefined;
    }, 'settings error');
    assert.equal(
      kids[0].label,
      'The setting partnerExplorer.sms.apiUrl uses http:// to another machine: your API key would travel unencrypted. Use https://.',
    );
    assert.equal(kids[0].command?.command, `partnerExplorer.node.openUrlSetting.${sessionOf(api, 'sms').id}`);
    assert.equal(sessionOf(api, 'sms').client, undefined, 'no client, so no request can carry the key');
    for (const bad of ['not a url', 'ftp://api.smspartner.fr/v1']) {
      await vscode.workspace
        .getConfiguration('partnerExplorer')
        .update('sms.apiUrl', bad, vscode.ConfigurationTarget.Global);
      await waitFor(
        async () =>
          (await children(api, api.tree.root('sms')))[0]?.label.includes(
            bad === 'not a url' ? 'is not a valid URL' : 'must start with https://',
          )
            ? true
            : undefined,
        bad,
      );
    }
    // Loopback over http is allowed (a local emulator).
    await vscode.workspace
      .getConfiguration('partnerExplorer')
      .update('sms.apiUrl', emu.apiUrl('sms'), vscode.ConfigurationTarget.Global);
    await waitFor(
      async () => ((await settledChildren(api, api.tree.root('sms')))[0]?.label === 'SMS' ? true : undefined),
      'back to the emulator',
    );
  });
});
