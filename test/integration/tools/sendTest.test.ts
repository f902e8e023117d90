import * as assert from 'node:assert/strict';
import { sendTestSms } from '../../../src/commands/sendTestSms';
import { resetAll, sessionOf, setKeys, setSetting, waitFor } from '../helpers/harness';
import { invoke, keysIn, unmaskedPersonalData } from './toolCalls';

const sends = async (emu: Awaited<ReturnType<typeof resetAll>>['emu']) =>
  (await emu.requests()).filter((r) => r.endpoint === '/send');

describe('Partner tools: sandbox test send', () => {
  afterEach(async () => {
    const { emu } = await resetAll();
    await emu.clearFaults();
    await setSetting('requestTimeout', undefined);
  });

  for (const format of ['json', 'xml'] as const) {
    it(`sends an SMS test in sandbox in ${format.toUpperCase()}: one request, nothing charged, the id and parts, masked`, async () => {
      const { api, emu } = await resetAll(format);
      await setKeys(api, emu);
      const session = sessionOf(api, 'sms');
      await session.ensureLoaded();
      const before = session.account?.credits.balance.amount;
      const text = await invoke('partnerExplorer_sendTest', {
        service: 'sms',
        recipients: ['+33612345678'],
        text: 'Votre code : 123456',
      });
      assert.match(
        text,
        /sandbox test accepted for \+336•+78 \(nothing delivered, nothing charged\)\. Message id \d+\./,
      );
      assert.match(text, /\n1 SMS part\(s\) per recipient\./);
      const id = /Message id (\d+)/.exec(text)![1];
      assert.ok(text.includes(`partnerExplorer.showMessageStatus with the arguments ["${session.id}", "${id}"]`), text);
      assert.deepEqual(unmaskedPersonalData(text), []);
      assert.deepEqual(keysIn(text, emu), []);
      assert.equal((await sends(emu)).length, 1, 'one request');
      await session.refresh({ maxAgeMs: 0 });
      assert.equal(session.account?.credits.balance.amount, before, 'sandbox: nothing charged');
    });
  }

  it('sends a Mail test in sandbox, and refuses one without a subject before any request', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu);
    const refused = await invoke('partnerExplorer_sendTest', {
      service: 'mail',
      recipients: ['alice@exemple.fr'],
      text: '<p>Bonjour</p>',
    });
    assert.equal(refused, 'A Mail Partner test needs a subject.');
    assert.equal((await sends(emu)).length, 0);
    const text = await invoke('partnerExplorer_sendTest', {
      service: 'mail',
      recipients: ['alice@exemple.fr'],
      subject: 'Test',
      text: '<p>Bonjour</p>',
    });
    assert.match(text, /sandbox test accepted for a•••@e•••\.fr/);
    assert.equal((await sends(emu)).length, 1);
  });

  it('has no way to ask for a real send, and refuses bad input with no request', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu);
    const base = { service: 'sms', recipients: ['+33612345678'], text: 'Promo' };
    const answers = [
      await invoke('partnerExplorer_sendTest', { ...base, sandbox: false }),
      await invoke('partnerExplorer_sendTest', { ...base, recipients: [] }),
      await invoke('partnerExplorer_sendTest', { ...base, recipients: Array(6).fill('+33612345678') }),
      await invoke('partnerExplorer_sendTest', { ...base, recipients: ['06 12'] }),
      await invoke('partnerExplorer_sendTest', { ...base, sender: 'X' }),
    ];
    assert.deepEqual(answers, [
      'Unknown input field "sandbox".',
      'The input field "recipients" must be a list of 1 to 5 texts.',
      'The input field "recipients" must be a list of 1 to 5 texts.',
      'The recipients must be international phone numbers such as +33612345678 (at most 5).',
      'The sender must be 3 to 11 letters or digits.',
    ]);
    assert.equal((await sends(emu)).length, 0, 'nothing reached the provider');
  });

  it('a timeout after sending: one request, the outcome said to be unknown, never retried', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu);
    await setSetting('requestTimeout', 1);
    await emu.inject({ type: 'hang', service: 'sms', path: '/send', times: 0 });
    const text = await invoke('partnerExplorer_sendTest', { service: 'sms', recipients: ['+33612345678'], text: 'x' });
    assert.match(text, /^The outcome is unknown: SMS Partner may have accepted the sandbox test/);
    assert.equal((await sends(emu)).length, 1, 'sent once, not retried');
  });

  it('a command send and a tool send on the same account at once: one request, the second refused as busy', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    await waitFor(() => sessionOf(api, 'sms').state.kind === 'ready' || undefined, 'credits read');
    const deps = {
      sessions: api.sessions,
      panels: api.panels,
      state: api.storage.global,
      reload: async () => undefined,
      confirm: async () => true,
    };
    const args = { recipients: '+33612345678', message: 'Code 4242', sender: '', schedule: '', mode: 'sandbox' };
    const tool = { service: 'sms', recipients: ['+33612345678'], text: 'Code 4242' };
    const received = async () => (await sends(emu)).length;
    // The command first: the tool is told the account is busy, and sends nothing.
    await emu.inject({ type: 'delay', ms: 1500, path: '/send' });
    const command = sendTestSms(deps, 'sms', args);
    await waitFor(async () => ((await received()) === 1 ? true : undefined), 'the command send received');
    assert.equal(
      await invoke('partnerExplorer_sendTest', tool),
      'A test send for agence.durand@exemple.fr is already in progress.',
    );
    assert.equal(await command, 'sent');
    assert.equal(await received(), 1, 'one request');
    // The tool first: the command says the same, and sends nothing.
    await emu.inject({ type: 'delay', ms: 1500, path: '/send' });
    const fromTool = invoke('partnerExplorer_sendTest', tool);
    await waitFor(async () => ((await received()) === 2 ? true : undefined), 'the tool send received');
    assert.equal(await sendTestSms(deps, 'sms', args), 'busy');
    assert.match(await fromTool, /sandbox test accepted/);
    assert.equal(await received(), 2, 'one request each time');
  });
});
