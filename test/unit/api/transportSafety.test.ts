import * as assert from 'node:assert/strict';
import { globalAgent } from 'node:https';
import { createClient, PartnerError, type SmsClient } from '../../../src/api';
import { Transport } from '../../../src/api/transport';
import { startCaptureServer, type CaptureServer } from '../../emulator/captureServer';
import { startTlsFront, testCa, type LocalServer, type TestCertificate } from '../../emulator/tlsFront';
import { userText } from '../helpers/bundleTranslate';
import { clientFor, MemoryLogger, rejection, useEmulator } from '../helpers/emulatorFixture';

describe('Transport: a redirect never takes the key elsewhere', () => {
  const emulator = useEmulator();
  let elsewhere: CaptureServer;
  before(async () => {
    elsewhere = await startCaptureServer();
  });
  beforeEach(() => (elsewhere.seen.length = 0));
  after(() => elsewhere.stop());

  for (const status of [301, 302, 303, 307, 308]) {
    it(`refuses a ${status} to another origin on a GET, says where, and sends nothing there`, async () => {
      emulator().inject({ type: 'redirect', status, location: `${elsewhere.url}/sms/v1/me?from=redirect` });
      const logger = new MemoryLogger();
      const err = await rejection(clientFor(emulator(), 'sms', 'json', { logger }).getCredits());
      const reached = elsewhere.seen.map((r) => `${r.method} ${r.url.replace(emulator().apiKey('sms'), '<KEY>')}`);
      assert.deepEqual(reached, []);
      assert.ok(err instanceof PartnerError, String(err));
      assert.equal(err.kind, 'redirect');
      assert.deepEqual(err.redirect, { refuse: 'otherOrigin', target: elsewhere.url });
      assert.equal(userText(err).en, `SMS Partner redirected the request to ${elsewhere.url}; nothing was sent there.`);
      assert.equal(
        userText(err).fr,
        `SMS Partner a redirigé la requête vers ${elsewhere.url} ; rien n'y a été envoyé.`,
      );
      assert.equal(emulator().count({ endpoint: '/me' }), 1, 'not retried either');
      const logged = `→ HTTP ${status}, redirect to ${elsewhere.url} refused`;
      assert.ok(
        logger.lines.some((l) => l.includes(logged)),
        logger.lines.join('\n'),
      );
    });
  }

  for (const status of [307, 308]) {
    it(`never re-sends a credit-transfer POST on a ${status}, to another origin or the same one`, async () => {
      const path = '/subaccount/credit';
      emulator().inject({ type: 'redirect', status, location: `${elsewhere.url}/sms/v1/subaccount/credit/add`, path });
      const err = await rejection(clientFor(emulator(), 'sms').addSubaccountCredit('smstok00001', '5'));
      const key = emulator().apiKey('sms');
      const leaked = elsewhere.seen.map((r) => `${r.method} ${r.url} ${r.body.replace(key, '<KEY>')}`);
      assert.deepEqual(leaked, [], 'the JSON body with the key went nowhere else');
      assert.ok(err instanceof PartnerError && err.kind === 'redirect', String(err));
      emulator().inject({ type: 'redirect', status, location: '/sms/v1/subaccount/credit/add', path });
      const same = await rejection(clientFor(emulator(), 'sms').addSubaccountCredit('smstok00001', '5'));
      assert.ok(same instanceof PartnerError && same.kind === 'redirect', String(same));
      const sameText = `SMS Partner redirected the request to ${emulator().url}; nothing was sent there.`;
      assert.equal(userText(same).en, sameText);
      assert.equal(emulator().count({ method: 'POST' }), 2, 'one POST each, never a second');
      assert.equal(emulator().service('sms').subaccounts[0].milli, 7919, 'no money moved');
    });
  }

  it('follows a redirect within the same origin for a GET, and stops a loop after a few hops', async () => {
    const location = `/sms/v1/me?_format=json&apiKey=${emulator().apiKey('sms')}`;
    emulator().inject({ type: 'redirect', status: 302, location });
    const account = await clientFor(emulator(), 'sms').getCredits();
    assert.equal(account.user.username, 'agence.durand@exemple.fr');
    assert.equal(emulator().count({ endpoint: '/me' }), 2);
    emulator().reset();
    emulator().inject({ type: 'redirect', status: 302, location: '/sms/v1/me', times: 0 });
    const err = await rejection(clientFor(emulator(), 'sms').getCredits());
    assert.ok(err instanceof PartnerError && err.kind === 'redirect', String(err));
    assert.equal(userText(err).en, 'SMS Partner redirected the request too many times. Check the API URL setting.');
    assert.equal(
      userText(err).fr,
      "SMS Partner a redirigé la requête trop de fois. Vérifiez l'URL de l'API dans les paramètres.",
    );
    assert.equal(emulator().count({ endpoint: '/me' }), 4, 'the first request and three hops');
  });
});

describe('Transport: the answer size is bounded', () => {
  const emulator = useEmulator();

  it('stops reading a gzip body that inflates past the bound, quickly and in little memory, and says so', async () => {
    emulator().inject({ type: 'gzipBomb', mb: 400 });
    const before = process.memoryUsage();
    let peak = 0;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peak = Math.max(peak, now.rss - before.rss, now.arrayBuffers - before.arrayBuffers);
    }, 5);
    const started = Date.now();
    const err = await rejection(clientFor(emulator(), 'sms', 'json', { timeoutMs: 20_000 }).getCredits());
    clearInterval(sampler);
    const elapsed = Date.now() - started;
    assert.ok(err instanceof PartnerError, String(err));
    const seen = `${err.kind}: ${err.message} after ${elapsed} ms, peak +${Math.round(peak / 2 ** 20)} MB`;
    assert.equal(err.kind, 'tooLarge', seen);
    assert.equal(
      userText(err).en,
      'SMS Partner sent an answer larger than 16 MB; it was not read. Check the API URL setting, or try again later.',
    );
    assert.equal(
      userText(err).fr,
      "SMS Partner a envoyé une réponse de plus de 16 Mo ; elle n'a pas été lue. " +
        "Vérifiez l'URL de l'API dans les paramètres, ou réessayez plus tard.",
    );
    assert.ok(elapsed < 2000, `took ${elapsed} ms`);
    assert.ok(peak < 96 * 2 ** 20, `memory grew by ${Math.round(peak / 2 ** 20)} MB`);
    assert.equal(emulator().count({ endpoint: '/me' }), 1, 'not retried');
  });

  it('still reads a 5,000-recipient XML status (about 2 MB) whole', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      recipient: `+336${String(i).padStart(8, '0')}`,
      status: 'Delivered',
      stop: false,
      date: '1700000000',
      cost: 0.045,
      token: `t${i}`,
    }));
    emulator().setMessage('sms', '777', rows);
    const status = await clientFor(emulator(), 'sms', 'xml').getMessageStatus('777');
    assert.equal(status.recipients.length, 5000);
  });
});

describe('Transport: one 429 has its own budget (issue 16)', () => {
  const emulator = useEmulator();

  it('502, 502, then 429 with Retry-After: 1 on the same GET: waits as asked and reads the credits', async () => {
    emulator().inject({ type: 'status', status: 502, body: 'html', times: 2 });
    emulator().inject({ type: 'rateLimit', retryAfter: '1' });
    const started = Date.now();
    const account = await (clientFor(emulator(), 'sms') as SmsClient).getCredits();
    assert.equal(account.credits.sms, 269082);
    assert.ok(Date.now() - started >= 950, 'waited the second it was asked');
    assert.equal(emulator().count({ endpoint: '/me' }), 4);
  });

  it('up to three rate-limit waits per request, then the 429 is reported', async () => {
    emulator().inject({ type: 'rateLimit', retryAfter: '0', times: 3 });
    await clientFor(emulator(), 'mail').getCredits();
    assert.equal(emulator().count({ endpoint: '/me' }), 4);
    emulator().reset();
    emulator().inject({ type: 'rateLimit', retryAfter: '0', times: 0 });
    const err = await rejection(clientFor(emulator(), 'mail').getCredits());
    assert.ok(err instanceof PartnerError && err.kind === 'rateLimited', String(err));
    assert.equal(emulator().count({ endpoint: '/me' }), 4);
  });
});

describe('Transport: certificate failures have their own message', () => {
  const emulator = useEmulator();
  let front: LocalServer | undefined;
  const savedCa = globalAgent.options.ca;
  afterEach(async () => {
    globalAgent.options.ca = savedCa;
    await front?.stop();
    front = undefined;
  });

  async function through(certificate: TestCertificate, host = 'localhost'): Promise<SmsClient> {
    front = await startTlsFront(Number(new URL(emulator().url).port), certificate);
    const baseUrl = `https://${host}:${front.port}/sms/v1`;
    const options = { baseUrl, apiKey: emulator().apiKey('sms'), timeoutMs: 3000, retry: { baseDelayMs: 5 } };
    return createClient('sms', options) as SmsClient;
  }

  it('reads the credits over https when the issuer is trusted (the test CA on the agent)', async () => {
    globalAgent.options.ca = testCa();
    const account = await (await through('trusted')).getCredits();
    assert.equal(account.credits.sms, 269082);
  });

  const unknown = 'was issued by an authority this machine does not trust';
  const cases: [TestCertificate, string, boolean, string, string][] = [
    ['unknownIssuer', 'localhost', false, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', unknown],
    ['caInChain', 'localhost', false, 'SELF_SIGNED_CERT_IN_CHAIN', unknown],
    ['selfSigned', 'localhost', false, 'DEPTH_ZERO_SELF_SIGNED_CERT', 'is self-signed'],
    ['expired', 'localhost', true, 'CERT_HAS_EXPIRED', 'has expired'],
    ['trusted', '127.0.0.1', true, 'ERR_TLS_CERT_ALTNAME_INVALID', 'was issued for another name'],
  ];
  for (const [certificate, host, trustCa, code, reason] of cases) {
    it(`${code}: names the host, says why, points to the settings, and is not retried`, async () => {
      if (trustCa) {
        globalAgent.options.ca = testCa();
      }
      const client = await through(certificate, host);
      const err = await rejection(client.getCredits());
      assert.ok(err instanceof PartnerError, String(err));
      assert.equal(err.kind, 'certificate', `${err.kind}: ${err.message}`);
      assert.equal(err.systemCode, code);
      const where = `${host}:${front!.port}`;
      const shown = userText(err);
      assert.equal(
        shown.en,
        `SMS Partner could not be reached safely: the certificate of ${where} ${reason}. ` +
          'If your network inspects HTTPS traffic, keep the setting http.systemCertificates on ' +
          "so that VS Code trusts your organization's certificate authority; " +
          'turn off http.proxyStrictSSL only on a network you trust.',
      );
      const french = /^SMS Partner n'a pas pu être joint de façon sûre : le certificat de .+proxyStrictSSL/;
      assert.match(shown.fr, french);
      assert.ok(![shown.en, shown.fr].some((text) => text.includes(code)), 'no raw code in what the user reads');
      assert.equal(emulator().requests.length, 0, 'nothing reached the API');
    });
  }
});

describe('Transport: an action behind a GET is sent once (getOnce)', () => {
  const emulator = useEmulator();
  const transport = () =>
    new Transport({
      service: 'sms',
      baseUrl: emulator().apiUrl('sms'),
      apiKey: emulator().apiKey('sms'),
      timeoutMs: 2000,
      retry: { baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 2000 },
    });

  it('a 502 is reported, not retried, where a plain GET would retry it', async () => {
    emulator().inject({ type: 'status', status: 502, body: 'html', path: '/me', times: 1 });
    const once = await transport().getOnce('me', {});
    assert.equal(once.status, 502, 'the 502 is the outcome (the client turns it into an error)');
    assert.equal(emulator().count({ endpoint: '/me' }), 1, 'one request only');
    emulator().inject({ type: 'status', status: 502, body: 'html', path: '/me', times: 1 });
    const answer = await transport().get('me', {});
    assert.equal(answer.status, 200, 'the same fault on a plain GET is retried and read');
    assert.equal(emulator().count({ endpoint: '/me' }), 3);
  });

  it('a same-origin redirect is not followed: the action is never sent a second time', async () => {
    emulator().inject({ type: 'redirect', status: 302, location: '/sms/v1/me', path: '/me', times: 1 });
    const err = await rejection(transport().getOnce('me', {}));
    assert.ok(err instanceof PartnerError && err.kind === 'redirect', String(err));
    assert.equal(emulator().count({ endpoint: '/me' }), 1);
  });
});
