import * as assert from 'node:assert/strict';
import { resetAll, sessionOf, setKeys, setSetting, waitFor } from '../helpers/harness';
import { invoke, keysIn, unmaskedPersonalData } from './toolCalls';

describe('Partner tools: check a number', () => {
  afterEach(async () => {
    await resetAll();
    await setSetting('tools.sharePersonalData', undefined);
    await setSetting('hidePersonalData', undefined);
  });

  for (const format of ['json', 'xml'] as const) {
    it(`says whether a number is valid and on the STOP list, masked by default (${format})`, async () => {
      const { api, emu } = await resetAll(format);
      await setKeys(api, emu);
      const stopped = await invoke('partnerExplorer_checkNumber', { phoneNumber: '06 99 99 99 14' });
      assert.match(stopped, /: \+336•+14 is a valid number\.\nE\.164: \+336•+14\n/);
      assert.match(stopped, /\nOn the STOP list since .+: it asked not to receive SMS from this account\.$/);
      assert.deepEqual(unmaskedPersonalData(stopped), []);
      assert.deepEqual(keysIn(stopped, emu), []);
      const landline = await invoke('partnerExplorer_checkNumber', { phoneNumber: '+33145678901' });
      assert.match(
        landline,
        /is not a valid mobile number for the provider\.\nThe provider says: Le numéro de téléphone est vide ou n'est pas valide\.\nNot on the STOP list of this account\.$/,
      );
    });
  }

  it('shares the number only when allowed, never while Hide personal data is on; bad input costs nothing', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu);
    await setSetting('tools.sharePersonalData', true);
    const shared = await invoke('partnerExplorer_checkNumber', { phoneNumber: '0612345678' });
    assert.ok(shared.includes('National format: 06 12 34 56 78'), shared);
    await setSetting('hidePersonalData', true);
    const hidden = await invoke('partnerExplorer_checkNumber', { phoneNumber: '0612345678' });
    assert.deepEqual(unmaskedPersonalData(hidden), [], hidden);
    await emu.reset();
    const refused = await invoke('partnerExplorer_checkNumber', { phoneNumber: '12345' });
    assert.equal(
      refused,
      'Write it in international format (+33612345678) or as a French number, overseas departments included (0612345678, 0692123456).',
    );
    // Issue 24, item 4: a Réunion number under France's code is refused with the right code, before any request.
    const overseas = await invoke('partnerExplorer_checkNumber', { phoneNumber: '+33 692 12 34 56' });
    assert.equal(
      overseas,
      'This number is reached through +262, not through the code typed: write it with +262, or in French national format (0…).',
    );
    assert.equal((await emu.requests()).length, 0);
  });

  it('a timeout: the text the UI shows, after the timeout setting', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu);
    const before = sessionOf(api, 'sms').client;
    await setSetting('requestTimeout', 1);
    await waitFor(
      () => (sessionOf(api, 'sms').client !== before ? true : undefined),
      'the client with the new timeout',
    );
    await emu.inject({ type: 'hang', path: '/lookup', times: 0 });
    const started = Date.now();
    const text = await invoke('partnerExplorer_checkNumber', { phoneNumber: '+33612345678' });
    assert.equal(text, 'SMS Partner timed out after 1 s. Try again later.');
    assert.ok(Date.now() - started < 8000);
    await emu.clearFaults();
    await setSetting('requestTimeout', undefined);
  });
});
