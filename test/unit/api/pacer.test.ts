import * as assert from 'node:assert/strict';
import { Pacer, PartnerError, PROVIDER_PACE, sharedPacer } from '../../../src/api';
import { JITTER_MARGIN_MS } from '../../../src/api/pacer';
import { TokenBucket } from '../../../src/api/tokenBucket';
import { clientFor, rejection, useEmulator } from '../helpers/emulatorFixture';

describe('token bucket', () => {
  it('lets a burst through at once, then spaces the rest at the rate, in the order asked', () => {
    const bucket = new TokenBucket({ limit: 10, windowMs: 1000, burst: 3 }, 0);
    assert.deepEqual(
      [0, 0, 0, 0, 0].map(() => bucket.reserve(0)),
      [0, 0, 0, 100, 200],
    );
    // 250 ms later 2.5 tokens came, two of them owed already: the next is due at 300 ms.
    assert.equal(bucket.reserve(250), 50);
    assert.equal(bucket.reserve(250), 150);
  });

  it('gives back a cancelled reservation, never above the burst', () => {
    const bucket = new TokenBucket({ limit: 10, windowMs: 1000, burst: 2 }, 0);
    bucket.reserve(0);
    bucket.reserve(0);
    assert.equal(bucket.reserve(0), 100);
    bucket.release(0);
    assert.equal(bucket.reserve(0), 100);
    bucket.release(10_000);
    bucket.release(10_000);
    assert.equal(bucket.waitForMs(2, 10_000), 0);
    assert.equal(bucket.waitForMs(3, 10_000), 100);
  });

  it('a pause lets nothing through before its end, then one request, then the rate again', () => {
    const bucket = new TokenBucket({ limit: 10, windowMs: 1000, burst: 5 }, 0);
    bucket.pauseUntil(1000, 0);
    assert.equal(bucket.reserve(0), 1000);
    assert.equal(bucket.reserve(0), 1100);
    // No tokens piled up during the pause.
    assert.equal(bucket.reserve(1000), 1100 - 1000 + 100);
  });

  it('estimates the wait for N more requests without taking anything', () => {
    const bucket = new TokenBucket({ limit: 1800, windowMs: 60_000, burst: 20 }, 0);
    assert.equal(bucket.waitForMs(20, 0), 0);
    assert.equal(bucket.waitForMs(2500, 0), Math.ceil((2500 - 20) / 0.03));
    assert.equal(bucket.reserve(0), 0, 'the estimate took no token');
  });

  it('refuses a rate that would never hand out a token', () => {
    assert.throws(() => new TokenBucket({ limit: 0, windowMs: 1000, burst: 1 }, 0), RangeError);
    assert.throws(() => new TokenBucket({ limit: 5, windowMs: 1000, burst: 0 }, 0), RangeError);
  });
});

describe('request pacing', () => {
  const emulator = useEmulator({ smsSubaccounts: 45, mailSubaccounts: 20 });

  it("follows the provider's limits: at most 1,900 a minute per origin, a margin under statistics' and lookup's", () => {
    assert.deepEqual(PROVIDER_PACE.perOrigin, { limit: 1500, windowMs: 60_000, burst: 400 });
    assert.deepEqual(
      PROVIDER_PACE.endpoints.map((e) => e.path),
      ['statistics/cost-resume', 'lookup'],
    );
    let now = 0;
    const pacer = new Pacer(PROVIDER_PACE, () => now);
    const origin = 'https://api.smspartner.fr';
    // A Find over 50,000 sub-accounts: 2,500 pages, 84 s at 1,500 a minute after a burst of 400.
    assert.equal(pacer.estimateWaitMs(origin, 2500, 'subaccount/list'), 84_000);
    assert.equal(pacer.estimateWaitMs(origin, 5, 'statistics/cost-resume'), 50_000);
    now = 1000;
    assert.equal(pacer.estimateWaitMs('https://api.mailpartner.fr', 1), 0, 'another origin has its own bucket');
  });

  // The docs: statistics/cost-resume 5 a minute, lookup 360 a minute; past them, a 429.
  for (const [path, documented, asked] of [
    ['statistics/cost-resume', 5, 12],
    ['lookup', 360, 800],
  ] as const) {
    it(`${path}: no ${documented + 1} requests in a row within a minute and ${JITTER_MARGIN_MS / 1000} s, yet no slower than that`, () => {
      const pacer = new Pacer(PROVIDER_PACE, () => 0);
      const origin = 'https://api.smspartner.fr';
      // When each of `asked` requests asked at once from idle goes out.
      const goes = Array.from({ length: asked }, (_, i) => pacer.estimateWaitMs(origin, i + 1, path));
      const spans = goes.slice(documented).map((t, i) => t - goes[i]);
      const closest = Math.min(...spans);
      assert.ok(closest >= 60_000 + JITTER_MARGIN_MS, `${documented + 1} requests within ${closest} ms`);
      assert.ok(closest <= 60_000 + JITTER_MARGIN_MS + 1000, `paced slower than needed: ${closest} ms`);
      // A closed minute from any request's start holds at most the documented number.
      for (const start of goes) {
        const inMinute = goes.filter((t) => t >= start && t <= start + 60_000).length;
        assert.ok(inMinute <= documented, `${inMinute} requests in the minute from ${start} ms`);
      }
    });
  }

  it('a burst above the limit never draws a 429 from a server that enforces it', async function () {
    this.timeout(15_000);
    emulator().rateLimit = { limit: 20, windowMs: 500 };
    // Under the server's 20 per 500 ms with a margin: at most 4 + 15 in any 500 ms.
    const pacer = new Pacer({ perOrigin: { limit: 15, windowMs: 500, burst: 4 }, endpoints: [] });
    const sms = clientFor(emulator(), 'sms', 'json', { pacer });
    const mail = clientFor(emulator(), 'mail', 'xml', { pacer });
    const started = Date.now();
    const requests = Array.from({ length: 60 }, (_, i) => (i % 2 ? mail : sms).listSubaccounts(1 + (i % 3)));
    const pages = await Promise.all(requests);
    const elapsed = Date.now() - started;
    const limited = emulator().requests.filter((r) => r.rateLimited).length;
    assert.equal(limited, 0, `${limited} of ${emulator().requests.length} requests drew a 429`);
    assert.equal(emulator().requests.length, 60);
    assert.equal(pages.length, 60);
    assert.ok(elapsed >= ((60 - 4) / 15) * 500 - 100, `spaced out: ${elapsed} ms`);
  });

  it('a 429 pauses every client of the origin until Retry-After, not just the one that got it', async () => {
    const pacer = new Pacer({ perOrigin: { limit: 100, windowMs: 1000, burst: 10 }, endpoints: [] });
    emulator().inject({ type: 'rateLimit', retryAfter: '1', path: '/me' });
    const first = clientFor(emulator(), 'sms', 'json', { pacer }).getCredits();
    await new Promise((r) => setTimeout(r, 150));
    const other = await clientFor(emulator(), 'mail', 'json', { pacer }).listSubaccounts(1);
    await first;
    assert.equal(other.page, 1);
    const [limited] = emulator().requests;
    const later = emulator().requests.find((r) => r.service === 'mail')!;
    assert.ok(later.at - limited.at >= 900, `the other client waited ${later.at - limited.at} ms`);
  });

  it('waiting for a turn is cancellable and does not count against the per-attempt timeout', async () => {
    const pacer = new Pacer({ perOrigin: { limit: 1, windowMs: 400, burst: 1 }, endpoints: [] });
    const client = clientFor(emulator(), 'sms', 'json', { pacer, timeoutMs: 300 });
    // The third waits about 800 ms for its turn, well past the 300 ms timeout, and still succeeds.
    const accounts = await Promise.all([client.getCredits(), client.getCredits(), client.getCredits()]);
    assert.equal(accounts.length, 3);
    const controller = new AbortController();
    const waiting = client.getCredits({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const err = await rejection(waiting);
    assert.ok(err instanceof PartnerError && err.kind === 'cancelled', String(err));
    assert.equal(emulator().requests.length, 3, 'the cancelled one was never sent');
    assert.ok(client.estimateWaitMs(1) <= 400, 'its token was given back');
  });

  it('clients share the process-wide pacer unless given their own', () => {
    const client = clientFor(emulator(), 'sms');
    const origin = new URL(emulator().url).origin;
    assert.equal(client.estimateWaitMs(25), sharedPacer.estimateWaitMs(origin, 25));
    assert.ok(client.estimateWaitMs(10_000) > 0);
  });
});
