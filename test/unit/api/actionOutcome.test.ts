import * as assert from 'node:assert/strict';
import { classifyActionFailure, Pacer, PartnerError, type SmsClient } from '../../../src/api';
import { clientFor, rejection, useEmulator } from '../helpers/emulatorFixture';

const error = (init: Partial<ConstructorParameters<typeof PartnerError>[0]>) =>
  new PartnerError({ kind: 'network', service: 'sms', host: 'h', ...init });

describe('action outcome: was the request written, and what a failure means', () => {
  const emulator = useEmulator();

  it('cancelled while waiting for its turn: written false, nothing reached the emulator, "notSent"', async () => {
    const pacer = new Pacer({ perOrigin: { limit: 1, windowMs: 2000, burst: 1 }, endpoints: [] });
    const client = clientFor(emulator(), 'sms', 'json', { pacer }) as SmsClient;
    await client.getCredits();
    const controller = new AbortController();
    const waiting = client.addStopNumber('+33612345678', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const err = await rejection(waiting);
    assert.ok(err instanceof PartnerError && err.kind === 'cancelled', String(err));
    assert.equal(err.written, false);
    assert.equal(classifyActionFailure(err), 'notSent');
    assert.equal(emulator().requests.length, 1, 'only the first request');
  });

  it('cancelled after the server received it: written true, "unknown"', async () => {
    emulator().inject({ type: 'hang', path: '/stop-sms/add' });
    const client = clientFor(emulator(), 'sms', 'json', { pacer: new Pacer() }) as SmsClient;
    const controller = new AbortController();
    const sent = client.addStopNumber('+33612345678', { signal: controller.signal });
    for (let i = 0; i < 100 && emulator().requests.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    assert.equal(emulator().requests.length, 1, 'the server has it');
    controller.abort();
    const err = await rejection(sent);
    assert.ok(err instanceof PartnerError && err.kind === 'cancelled', String(err));
    assert.equal(err.written, true);
    assert.equal(classifyActionFailure(err), 'unknown');
  });

  it('classifies every failure once: refused, not sent, unknown', () => {
    const table: [PartnerError | Error, string][] = [
      [error({ kind: 'api', code: 11 }), 'refused'],
      [error({ kind: 'rateLimited', status: 429 }), 'refused'],
      [error({ kind: 'http', status: 403 }), 'refused'],
      [error({ kind: 'http', status: 408 }), 'unknown'],
      [error({ kind: 'http', status: 502 }), 'unknown'],
      [error({ kind: 'certificate' }), 'notSent'],
      [error({ kind: 'cancelled', written: false }), 'notSent'],
      [error({ kind: 'cancelled', written: true }), 'unknown'],
      // Not said: counted as written, the safe side.
      [error({ kind: 'cancelled' }), 'unknown'],
      [error({ kind: 'timeout' }), 'unknown'],
      [error({ kind: 'network' }), 'unknown'],
      [error({ kind: 'malformed' }), 'unknown'],
      [new RangeError('amount'), 'notSent'],
      [new Error('other'), 'unknown'],
    ];
    assert.deepEqual(
      table.map(([e]) => classifyActionFailure(e)),
      table.map(([, expected]) => expected),
    );
  });
});
