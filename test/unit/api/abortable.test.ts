import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { linkAbort, withLinkedSignal } from '../../../src/api/abortable';

describe('linked abort signals', () => {
  it('100 requests on a long-lived signal leave no listener on it', async () => {
    const session = new AbortController();
    for (let i = 0; i < 100; i++) {
      const own = new AbortController();
      await withLinkedSignal([own.signal, session.signal], async (signal) => {
        assert.equal(signal.aborted, false);
        assert.equal(getEventListeners(session.signal, 'abort').length, 1, 'linked while the request runs');
      });
    }
    assert.equal(getEventListeners(session.signal, 'abort').length, 0);
    // A failing request unlinks too.
    await assert.rejects(
      withLinkedSignal([session.signal], async () => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(getEventListeners(session.signal, 'abort').length, 0);
  });

  it('aborts the request when either signal aborts, or at once when one already has', async () => {
    const session = new AbortController();
    const own = new AbortController();
    const seen = await withLinkedSignal([own.signal, session.signal], async (signal) => {
      session.abort();
      return signal.aborted;
    });
    assert.equal(seen, true);
    assert.equal(
      await withLinkedSignal([undefined, session.signal], async (signal) => signal.aborted),
      true,
      'already aborted',
    );
    const controller = new AbortController();
    const unlink = linkAbort(controller, [new AbortController().signal, undefined]);
    unlink();
    assert.equal(controller.signal.aborted, false);
  });
});
