import * as assert from 'node:assert/strict';
import { errorText } from '../../../src/ui/errorText';
import { note, replaceKey, resetAll, sessionOf, setKeys, setSetting, waitFor } from '../helpers/harness';
import { invoke, keysIn, unmaskedPersonalData } from './toolCalls';

describe('Partner tools: credits', () => {
  afterEach(async () => {
    const { emu } = await resetAll();
    await emu.clearFaults();
  });

  for (const format of ['json', 'xml'] as const) {
    it(`reads the credits of every account in ${format.toUpperCase()}: counts, balance, no key, no e-mail`, async () => {
      const { api, emu } = await resetAll(format);
      await setKeys(api, emu);
      const text = await invoke('partnerExplorer_credits', {});
      if (format === 'json') {
        note('#partnerCredits {}');
        text.split('\n').forEach((l) => note(`| ${l}`));
      }
      const [sms, mail] = text.split('\n').filter((l) => !l.startsWith(' '));
      assert.match(sms, /^SMS Partner · .+ \(id .+\): [\d\s\u202f,.]+ SMS, .*; balance .+ \(read at .+\)\.$/);
      assert.match(mail, /^Mail Partner · .+ \(id .+\): [\d\s\u202f,.]+ e-mails; balance .+ \(read at .+\)\.$/);
      assert.deepEqual(keysIn(text, emu), []);
      assert.deepEqual(unmaskedPersonalData(text), [], 'the usernames (e-mails) are masked');
      const only = await invoke('partnerExplorer_credits', { service: 'mail' });
      assert.match(only, /^Mail Partner/);
      assert.ok(!only.includes('SMS Partner'));
    });
  }

  it('warns under the low-credit threshold and gives the trend from the credit history', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    const session = sessionOf(api, 'sms');
    await session.ensureLoaded();
    const readings = await waitFor(() => api.readingsOf(session), 'the account read');
    const count = session.account!.credits.service === 'sms' ? session.account!.credits.sms : 0;
    const now = Date.now();
    // Recording an older reading drops the later ones: the history is written oldest first.
    await api.creditHistory.forget(readings);
    await api.creditHistory.record(readings, count + 2000, 100, now - 2 * 86_400_000);
    await api.creditHistory.record(readings, count, 90, now - 1000);
    await setSetting('lowCreditThreshold.sms', count + 1);
    const text = await invoke('partnerExplorer_credits', { service: 'sms' });
    assert.match(
      text,
      /\n {2}Low credit: below the threshold of [\d\s\u202f,.]+ set in partnerExplorer\.lowCreditThreshold\./,
    );
    assert.match(text, /\n {2}Trend over 2 days: −2,000, about 1,000 used per day\./);
  });

  it('says what the UI says when the key is refused, and a timeout after the timeout setting', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    await replaceKey(api, 'sms', 'not-a-valid-key-0000');
    const refused = await invoke('partnerExplorer_credits', {});
    const state = sessionOf(api, 'sms').state;
    assert.equal(state.kind, 'error');
    assert.ok(refused.endsWith(`: ${errorText(state.kind === 'error' ? state.error : undefined)}`), refused);
    assert.ok(!refused.includes('not-a-valid-key-0000'), 'the key is not echoed');

    await setKeys(api, emu, ['sms']);
    // The fault first: the new timeout makes the account read again at once, and that reading
    // is to meet the fault and fail.
    await emu.inject({ type: 'hang', service: 'sms', path: '/me', times: 0 });
    await setSetting('requestTimeout', 1);
    await waitFor(() => sessionOf(api, 'sms').state.kind === 'error', 'the reading after the new timeout failed');
    // Older than the tool's freshness window is not needed: a failed reading is re-read.
    await new Promise((r) => setTimeout(r, 2100));
    const started = Date.now();
    const text = await invoke('partnerExplorer_credits', {});
    assert.match(text, /: SMS Partner timed out after 1 s\. Try again later\./);
    assert.ok(Date.now() - started < 8000, `${Date.now() - started} ms`);
  });
});
