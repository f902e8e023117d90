import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { createClient, PartnerError, type SmsClient } from '../../../src/api';
import { userText } from '../helpers/bundleTranslate';
import { clientFor, MemoryLogger, rejection, useEmulator } from '../helpers/emulatorFixture';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

describe('PartnerClient faults', () => {
  const emulator = useEmulator();

  it('gives up on a server that never answers after the timeout, and says so', async () => {
    emulator().inject({ type: 'hang', times: 0 });
    const started = Date.now();
    const err = await rejection(clientFor(emulator(), 'sms', 'json', { timeoutMs: 300 }).getCredits());
    const elapsed = Date.now() - started;
    assert.ok(err instanceof PartnerError);
    assert.equal(err.kind, 'timeout');
    assert.equal(userText(err).en, 'SMS Partner timed out after 0.3 s. Try again later.');
    // Timeouts are not retried: the user waits one timeout, not three.
    assert.ok(elapsed < 1500, `took ${elapsed} ms`);
    assert.equal(emulator().count({ endpoint: '/me' }), 1);
  });

  it('reports a reset connection as "cannot reach" after bounded retries', async () => {
    emulator().inject({ type: 'reset', times: 0 });
    const err = await rejection(clientFor(emulator(), 'mail').getCredits());
    assert.ok(err instanceof PartnerError);
    assert.equal(err.kind, 'network');
    const reset = /^Cannot reach 127\.0\.0\.1:\d+ \(ECONNRESET\)\. Check your network connection or proxy\.$/;
    assert.match(userText(err).en, reset);
    assert.equal(emulator().count({ endpoint: '/me' }), 3);
  });

  it('reports a refused connection as "cannot reach <host>"', async () => {
    const port = await freePort();
    const client = createClient('sms', {
      baseUrl: `http://127.0.0.1:${port}/v1`,
      apiKey: 'k-123456',
      retry: { retries: 1, baseDelayMs: 1 },
    });
    const err = await rejection(client.getCredits());
    assert.ok(err instanceof PartnerError);
    assert.equal(err.kind, 'network');
    assert.equal(err.systemCode, 'ECONNREFUSED');
    assert.equal(
      userText(err).fr,
      `Impossible de joindre 127.0.0.1:${port} (ECONNREFUSED). Vérifiez votre connexion réseau ou votre proxy.`,
    );
  });

  it('reports a DNS failure as "cannot reach <host>"', async () => {
    // .invalid never resolves (RFC 2606); the lookup fails locally, nothing is sent.
    const client = createClient('mail', {
      baseUrl: 'https://api.partner.invalid/v1',
      apiKey: 'k-123456',
      retry: { retries: 0 },
    });
    const err = await rejection(client.getCredits());
    assert.ok(err instanceof PartnerError);
    assert.equal(err.kind, 'network');
    assert.match(userText(err).en, /^Cannot reach api\.partner\.invalid/);
  });

  for (const body of ['json', 'html', 'empty'] as const) {
    it(`retries a GET on HTTP 503 with a ${body} body, then succeeds`, async () => {
      emulator().inject({ type: 'status', status: 503, body, times: 2 });
      const account = await (clientFor(emulator(), 'sms') as SmsClient).getCredits();
      assert.equal(account.credits.sms, 269082);
      assert.equal(emulator().count({ endpoint: '/me' }), 3);
    });
  }

  it('gives up after bounded retries on a lasting 5xx with the HTTP status', async () => {
    emulator().inject({ type: 'status', status: 502, body: 'html', times: 0 });
    const err = await rejection(clientFor(emulator(), 'mail').listSubaccounts());
    assert.ok(err instanceof PartnerError);
    assert.equal(err.kind, 'http');
    assert.equal(err.status, 502);
    assert.equal(userText(err).en, 'Mail Partner answered with HTTP 502. Try again later.');
    assert.equal(emulator().count({ endpoint: '/subaccount/list' }), 3);
  });

  it('waits as Retry-After asks on 429, then retries', async () => {
    emulator().inject({ type: 'rateLimit', retryAfter: '1' });
    const started = Date.now();
    const account = await clientFor(emulator(), 'sms').getCredits();
    assert.equal(account.user.username, 'agence.durand@exemple.fr');
    assert.ok(Date.now() - started >= 950, 'waited the second it was asked to');
    assert.equal(emulator().count({ endpoint: '/me' }), 2);
  });

  it('does not wait for a Retry-After beyond the bound and says when to retry', async () => {
    emulator().inject({ type: 'rateLimit', retryAfter: '120' });
    const err = await rejection(clientFor(emulator(), 'sms').getCredits());
    assert.ok(err instanceof PartnerError);
    assert.equal(err.kind, 'rateLimited');
    assert.equal(err.retryAfterMs, 120_000);
    assert.equal(userText(err).en, 'SMS Partner is limiting requests (HTTP 429). Try again in 120 s.');
    assert.equal(emulator().count({ endpoint: '/me' }), 1);
  });

  const unexpected = [
    ['a captive portal page', { type: 'html200' }, 'an HTML page'],
    ['truncated JSON', { type: 'malformed' }, 'not JSON'],
    ['an empty body', { type: 'empty' }, 'empty answer'],
    ['JSON of the wrong shape', { type: 'wrongShape' }, 'user: missing'],
  ] as const;
  for (const [name, fault, detail] of unexpected) {
    it(`calls ${name} an unexpected answer and logs a short excerpt`, async () => {
      emulator().inject(fault);
      const logger = new MemoryLogger();
      const err = await rejection(clientFor(emulator(), 'sms', 'json', { logger }).getCredits());
      assert.ok(err instanceof PartnerError);
      assert.equal(err.kind, 'malformed');
      const shown = userText(err);
      const checkUrl = 'Check the API URL setting, or try again later.';
      assert.equal(shown.en, `Unexpected answer from SMS Partner (${detail}). ${checkUrl}`);
      assert.ok(shown.fr.startsWith('Réponse inattendue de SMS Partner ('), shown.fr);
      assert.ok(logger.lines.some((l) => l.startsWith('warn unexpected answer from 127.0.0.1')));
    });
  }

  it('calls truncated XML and an XML answer of the wrong shape unexpected', async () => {
    emulator().inject({ type: 'malformed' });
    const truncated = await rejection(clientFor(emulator(), 'mail', 'xml').getCredits());
    assert.ok(truncated instanceof PartnerError && truncated.kind === 'malformed');
    assert.match(userText(truncated).en, /not well-formed XML/);
    emulator().inject({ type: 'wrongShape' });
    const wrong = await rejection(clientFor(emulator(), 'mail', 'xml').getMessageStatus('300'));
    assert.ok(wrong instanceof PartnerError && wrong.kind === 'malformed', String(wrong));
    assert.match(userText(wrong).en, /StatutResponseList: expected a list/);
  });

  it('never retries a POST, even on a reset or a 503', async () => {
    for (const fault of [{ type: 'reset' }, { type: 'status', status: 503, body: 'json' }] as const) {
      emulator().reset();
      emulator().inject({ ...fault, times: 0 });
      const err = await rejection(clientFor(emulator(), 'sms').addSubaccountCredit('smstok00001', '10'));
      assert.ok(err instanceof PartnerError);
      assert.equal(emulator().count({ method: 'POST' }), 1);
    }
  });

  it('gives up on a hung POST after the timeout without retrying', async () => {
    emulator().inject({ type: 'hang', path: '/subaccount/credit', times: 0 });
    const err = await rejection(
      clientFor(emulator(), 'mail', 'json', { timeoutMs: 200 }).addSubaccountCredit('mailtok00001', '1'),
    );
    assert.ok(err instanceof PartnerError && err.kind === 'timeout');
    assert.equal(emulator().count({ method: 'POST' }), 1);
  });

  it('cancels a request in flight, and a retry wait, through the AbortSignal', async () => {
    emulator().inject({ type: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const err = await rejection(clientFor(emulator(), 'sms').getCredits({ signal: controller.signal }));
    assert.ok(err instanceof PartnerError && err.kind === 'cancelled');
    emulator().inject({ type: 'rateLimit', retryAfter: '1' });
    const waiting = new AbortController();
    setTimeout(() => waiting.abort(), 100);
    const started = Date.now();
    const err2 = await rejection(clientFor(emulator(), 'sms').getCredits({ signal: waiting.signal }));
    assert.ok(err2 instanceof PartnerError && err2.kind === 'cancelled');
    assert.ok(Date.now() - started < 900);
  });

  it('cancels everything when the client-wide signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const err = await rejection(clientFor(emulator(), 'mail', 'json', { signal: controller.signal }).getCredits());
    assert.ok(err instanceof PartnerError && err.kind === 'cancelled');
    assert.equal(emulator().requests.length, 0);
  });

  it('treats a provider error inside an HTTP error status as the provider error', async () => {
    emulator().inject({ type: 'status', status: 500, body: 'json', times: 0 });
    const err = await rejection(clientFor(emulator(), 'sms').getCredits());
    assert.ok(err instanceof PartnerError);
    assert.equal(err.kind, 'api');
    assert.equal(err.code, 500);
    assert.match(userText(err).en, /queueing problem/);
  });

  it('never writes the key into the log, errors or excerpts, even when a page echoes it', async () => {
    const key = emulator().apiKey('sms');
    const logger = new MemoryLogger();
    emulator().inject({
      type: 'body',
      body: `<html>Blocked: /v1/me?apiKey=${key}&x=1 (${key})</html>`,
      contentType: 'text/html',
    });
    const err = await rejection(clientFor(emulator(), 'sms', 'json', { logger }).getCredits());
    assert.ok(err instanceof PartnerError);
    await clientFor(emulator(), 'sms', 'json', { logger }).getCredits();
    emulator().inject({ type: 'apiError', code: 42, message: `key ${key} refused` });
    const err2 = await rejection(clientFor(emulator(), 'sms', 'json', { logger }).getCredits());
    assert.ok(err2 instanceof PartnerError);
    const shown = [userText(err).en, userText(err2).en, userText(err2).fr];
    const logged = [...logger.lines, err.message, err.excerpt ?? '', err2.message, JSON.stringify(err2)];
    const everything = [...logged, ...shown].join('\n');
    assert.ok(!everything.includes(key), everything);
    assert.ok(
      logger.lines.some((l) => l.includes('apiKey=***')),
      logger.lines.join('\n'),
    );
  });
});
