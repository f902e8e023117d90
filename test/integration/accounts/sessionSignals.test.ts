import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { resetAll, sessionOf, setKeys, settledChildren, waitFor } from '../helpers/harness';

describe('Session cancellation', () => {
  it('100 page loads and status reads leave no abort listener behind on the session, and no MaxListenersExceededWarning', async function () {
    this.timeout(60_000);
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    await waitFor(() => sessionOf(api, 'sms').state.kind === 'ready', 'credits read');
    await settledChildren(api, api.tree.root('sms'));
    await settledChildren(api, api.tree.root('sms').subaccounts);
    // The signal every request of this key and URL hangs on: it lives as long as the key.
    const sessionSignal = (sessionOf(api, 'sms') as unknown as { abort: AbortController }).abort.signal;
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    try {
      // The tree's own loads hold a listener each while in flight: start from none.
      await waitFor(
        () => getEventListeners(sessionSignal, 'abort').length === 0,
        'no listener left before the 100 calls (the tree loads pages through the session too)',
      );
      for (let i = 0; i < 50; i++) {
        // A panel load, a live-tracking poll or a Find page: each with its own signal.
        await sessionOf(api, 'sms').listSubaccounts(1, new AbortController().signal);
        await sessionOf(api, 'sms').getMessageStatus('4242', new AbortController().signal);
      }
      const left = getEventListeners(sessionSignal, 'abort').length;
      assert.equal(left, 0, `${left} abort listeners left on the session's signal after 100 calls`);
      assert.deepEqual(
        warnings.filter((w) => w.startsWith('MaxListenersExceededWarning')),
        [],
      );
    } finally {
      process.off('warning', onWarning);
    }
  });
});
