import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { resetAll, sessionOf, setKeys, setSetting, waitFor } from '../helpers/harness';
import { invoke, keysIn, unmaskedPersonalData } from './toolCalls';

const listRequests = async (emu: Awaited<ReturnType<typeof resetAll>>['emu']) =>
  (await emu.requests()).filter((r) => r.endpoint === '/subaccount/list').length;

describe('Partner tools: find sub-account', () => {
  afterEach(async () => {
    const { emu } = await resetAll();
    await emu.clearFaults();
    await setSetting('tools.sharePersonalData', false);
  });

  for (const format of ['json', 'xml'] as const) {
    it(`finds by id, token and e-mail with one reading of the list while it is fresh (${format.toUpperCase()})`, async () => {
      const { api, emu } = await resetAll(format);
      await setKeys(api, emu, ['sms']);
      // The tree's own first page (read when the view shows the account) before counting:
      // on a slow machine it could land between the tool's calls and look like a re-read.
      await sessionOf(api, 'sms').subaccounts.ensureLoaded();
      await emu.reset();
      const byId = await invoke('partnerExplorer_findSubaccount', { query: '1042' });
      assert.match(byId, /^SMS Partner · .+: 1 of \d+ sub-accounts match \(list read at .+\)\.\n- #1042 · /);
      const pages = await listRequests(emu);
      assert.ok(pages >= 2, 'every page read once');
      const byToken = await invoke('partnerExplorer_findSubaccount', { query: 'smstok00007' });
      assert.match(byToken, /\n- #1007 · .+ · token smstok00007 · /);
      // Not shared: the e-mail matches whole only, so fragments cannot rebuild a masked address.
      const byEmail = await invoke('partnerExplorer_findSubaccount', { query: 'JULES.45@client-sms.example' });
      assert.match(byEmail, /\n- #1045 · j•••@c•••\.example · /);
      assert.match(
        await invoke('partnerExplorer_findSubaccount', { query: 'JULES.45@' }),
        /: 0 of \d+ sub-accounts match/,
      );
      assert.equal(
        await listRequests(emu),
        pages,
        `a fresh index answers without a request: ${JSON.stringify((await emu.requests()).filter((r) => r.endpoint === '/subaccount/list'))}`,
      );
      for (const text of [byId, byToken, byEmail]) {
        assert.deepEqual(keysIn(text, emu), []);
        assert.deepEqual(unmaskedPersonalData(text), []);
      }
      await setSetting('tools.sharePersonalData', true);
      assert.match(
        await invoke('partnerExplorer_findSubaccount', { query: '1045' }),
        /- #1045 · jules\.45@client-sms\.example · /,
      );
      assert.match(
        await invoke('partnerExplorer_findSubaccount', { query: 'JULES.45@' }),
        /- #1045 · jules\.45@client-sms\.example · /,
        'shared: fragments match',
      );
    });
  }

  it('caps the matches with the total, and uses the pinned account or the one named', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    const first = sessionOf(api, 'sms');
    const added = await vscode.commands.executeCommand<boolean>(
      'partnerExplorer.addAccount',
      'sms',
      // A sub-account's own key reads as an account of its own.
      'sms-subkey-00001-9c4e',
      'Agence Nord',
    );
    assert.ok(added);
    const text = await invoke('partnerExplorer_findSubaccount', { query: 'smstok', maxResults: 3 });
    assert.ok(text.includes(`(id ${first.id})`), 'the pinned account answers');
    assert.equal(text.split('\n').filter((l) => l.startsWith('- #')).length, 3);
    assert.match(text, /\n\d+ more not shown: search with more of the e-mail, the token or the id\./);
    const named = await invoke('partnerExplorer_credits', { account: 'agence nord' });
    assert.match(named, /^SMS Partner · Agence Nord \(id /);
    assert.deepEqual(keysIn(named, emu), []);
    const unknown = await invoke('partnerExplorer_findSubaccount', { query: '1001', account: 'Sud' });
    assert.match(
      unknown,
      /^No account with a key is named "Sud"\. The accounts are: SMS Partner · .+; SMS Partner · Agence Nord \(id .+\)\.$/,
    );
    await setKeys(api, emu, ['mail']);
    assert.match(
      await invoke('partnerExplorer_findSubaccount', { query: '1001' }),
      /^Several accounts could answer: give the input field "account" \(a name or an id\) or "service"\./,
    );
  });

  it('a sub-account list that fails says why, as Find does', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    await emu.inject({ type: 'status', status: 503, service: 'sms', path: '/subaccount/list', times: 0 });
    const text = await invoke('partnerExplorer_findSubaccount', { query: '1001' });
    assert.match(text, /^SMS Partner answered with HTTP 503\. Try again later\.$/);
  });

  it('a timeout while reading the list: the text Find shows, after the timeout setting', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    const before = sessionOf(api, 'sms').client;
    await setSetting('requestTimeout', 1);
    await waitFor(
      () => (sessionOf(api, 'sms').client !== before ? true : undefined),
      'the client with the new timeout',
    );
    await emu.inject({ type: 'hang', service: 'sms', path: '/subaccount/list', times: 0 });
    const text = await invoke('partnerExplorer_findSubaccount', { query: '1001' });
    assert.equal(text, 'SMS Partner timed out after 1 s. Try again later.');
    await emu.clearFaults();
    await setSetting('requestTimeout', undefined);
  });
});
