/**
 * `npm run test:faults`: the fault table and the bad-input list of the
 * reliability issue, run against the emulator over real HTTP. Prints a table of
 * what was tried and what the user would read (English and French), then
 * "N passed, N failed".
 */
import { createServer } from 'node:net';
import { createClient, isPartnerError, PartnerError, type AnyClient, type PartnerLogger, type ServiceId } from '../../src/api';
import { checkCreditAmount } from '../../src/api/creditAmount';
import { checkMessageId } from '../../src/api/messageId';
import { checkApiUrl } from '../../src/settings/apiUrlPolicy';
import { PartnerEmulator, type Fault } from '../emulator/partnerEmulator';
import { settingsAndAccountRows } from './settingsAndAccountRows';

interface Row {
  readonly tried: string;
  readonly saw: string;
  readonly ok: boolean;
  readonly why?: string;
}

const rows: Row[] = [];
const logLines: string[] = [];
const logger: PartnerLogger = { info: (m) => logLines.push(m), warn: (m) => logLines.push(m), error: (m) => logLines.push(m) };

function client(emulator: PartnerEmulator, service: ServiceId, extra: Partial<Parameters<typeof createClient>[1]> = {}): AnyClient {
  return createClient(service, {
    baseUrl: emulator.apiUrl(service),
    apiKey: emulator.apiKey(service),
    timeoutMs: 1000,
    retry: { baseDelayMs: 20, maxDelayMs: 100, maxRetryAfterMs: 3000 },
    logger,
    ...extra,
  });
}

async function outcome(work: () => Promise<unknown>): Promise<{ error?: PartnerError | Error; ms: number }> {
  const started = Date.now();
  try {
    await work();
    return { ms: Date.now() - started };
  } catch (err) {
    return { error: err as Error, ms: Date.now() - started };
  }
}

async function expectFault(
  emulator: PartnerEmulator,
  tried: string,
  fault: Fault | undefined,
  work: (c: AnyClient) => Promise<unknown>,
  expect: { kind: PartnerError['kind']; pattern: RegExp; attempts?: number; endpoint?: string },
  service: ServiceId = 'sms',
  extra: Partial<Parameters<typeof createClient>[1]> = {},
): Promise<void> {
  emulator.reset();
  if (fault) {emulator.inject(fault);}
  const { error, ms } = await outcome(() => work(client(emulator, service, extra)));
  const attempts = emulator.count({ endpoint: expect.endpoint ?? '/me' });
  const saw = error ? (isPartnerError(error) ? `${error.message} | FR: ${error.localized('fr')}` : `${error.name}: ${error.message}`) : 'no error';
  const problems: string[] = [];
  if (!isPartnerError(error)) {problems.push('not a PartnerError');}
  else if (error.kind !== expect.kind) {problems.push(`kind ${error.kind}, expected ${expect.kind}`);}
  if (error && !expect.pattern.test(error.message)) {problems.push(`message does not match ${expect.pattern}`);}
  if (expect.attempts !== undefined && attempts !== expect.attempts) {problems.push(`${attempts} requests, expected ${expect.attempts}`);}
  rows.push({ tried: `${tried} (${ms} ms, ${attempts} request${attempts === 1 ? '' : 's'})`, saw, ok: problems.length === 0, why: problems.join('; ') });
}

function expectInput(tried: string, saw: string, ok: boolean): void {
  rows.push({ tried, saw, ok, why: ok ? undefined : 'unexpected verdict' });
}

async function refusedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function main(): Promise<void> {
  const emulator = await new PartnerEmulator({ lifetimeMs: 5 * 60_000 }).start();
  try {
    const me = (c: AnyClient) => c.getCredits();
    await expectFault(emulator, 'server never answers', { type: 'hang', times: 0 }, me, { kind: 'timeout', pattern: /^SMS Partner timed out after 1 s/, attempts: 1 });
    await expectFault(emulator, 'connection reset', { type: 'reset', times: 0 }, me, { kind: 'network', pattern: /^Cannot reach 127\.0\.0\.1:\d+ \(ECONNRESET\)/, attempts: 3 });
    const port = await refusedPort();
    await expectFault(emulator, 'connection refused', undefined, me, { kind: 'network', pattern: new RegExp(`^Cannot reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`), attempts: 0 }, 'sms', { baseUrl: `http://127.0.0.1:${port}/v1` });
    await expectFault(emulator, 'DNS failure', undefined, me, { kind: 'network', pattern: /^Cannot reach api\.partner\.invalid/, attempts: 0 }, 'mail', { baseUrl: 'https://api.partner.invalid/v1', retry: { retries: 0 } });
    for (const body of ['json', 'html', 'empty'] as const) {
      await expectFault(emulator, `HTTP 503 with ${body} body, lasting`, { type: 'status', status: 503, body, times: 0 }, me, {
        kind: body === 'json' ? 'api' : 'http',
        pattern: body === 'json' ? /queueing problem/ : /^SMS Partner answered with HTTP 503\. Try again later\.$/,
        attempts: 3,
      });
    }
    await expectFault(emulator, 'HTTP 502 twice, then fine', { type: 'status', status: 502, body: 'html', times: 2 }, async (c) => {
      const account = await c.getCredits();
      if (account.user.username !== 'agence.durand@exemple.fr') {throw new Error('wrong account');}
      throw new PartnerError({ kind: 'http', service: 'sms', host: 'recovered', status: 200 });
    }, { kind: 'http', pattern: /HTTP 200/, attempts: 3 });
    rows[rows.length - 1] = { ...rows[rows.length - 1], saw: 'credits shown after two silent retries' };
    await expectFault(emulator, '429 with Retry-After: 1, once', { type: 'rateLimit', retryAfter: '1' }, async (c) => {
      await c.getCredits();
      throw new PartnerError({ kind: 'http', service: 'sms', host: 'recovered', status: 200 });
    }, { kind: 'http', pattern: /HTTP 200/, attempts: 2 });
    rows[rows.length - 1] = { ...rows[rows.length - 1], saw: 'waited 1 s as asked, then credits shown' };
    await expectFault(emulator, '429 with Retry-After: 3600', { type: 'rateLimit', retryAfter: '3600' }, me, { kind: 'rateLimited', pattern: /limiting requests \(HTTP 429\)\. Try again in 3600 s\./, attempts: 1 });
    await expectFault(emulator, 'HTTP 200 captive-portal HTML', { type: 'html200' }, me, { kind: 'malformed', pattern: /^Unexpected answer from SMS Partner \(an HTML page\)/ });
    await expectFault(emulator, 'malformed JSON', { type: 'malformed' }, me, { kind: 'malformed', pattern: /^Unexpected answer from SMS Partner \(not JSON\)/ });
    await expectFault(emulator, 'malformed XML', { type: 'malformed' }, me, { kind: 'malformed', pattern: /^Unexpected answer from Mail Partner \(not well-formed XML, line 1\)/ }, 'mail', { format: 'xml' });
    await expectFault(emulator, 'empty body', { type: 'empty' }, me, { kind: 'malformed', pattern: /\(empty answer\)/ });
    await expectFault(emulator, 'JSON of the wrong shape', { type: 'wrongShape' }, me, { kind: 'malformed', pattern: /\(user: missing\)/ });
    for (const [code, pattern] of [
      [10, /the API key is wrong \(code 10\)\. Set the API key again\./],
      [1, /the API key is missing/],
      [4, /no message with this id was found/],
      [11, /insufficient credit/],
      [20, /disabled/],
      [30, /blocked/],
      [40, /API access is denied/],
      [96, /IP address is not authorized/],
      [500, /queueing problem/],
      [42, /returned error code 42: Erreur 42\./],
    ] as const) {
      await expectFault(emulator, `success:false, code ${code}`, { type: 'apiError', code }, me, { kind: 'api', pattern });
    }
    await expectFault(emulator, 'credit transfer: POST times out', { type: 'hang', path: '/subaccount/credit', times: 0 }, (c) => c.addSubaccountCredit('smstok00001', '5'), { kind: 'timeout', pattern: /timed out/, attempts: 1, endpoint: '/subaccount/credit/add' });
    await expectFault(emulator, 'credit transfer: connection reset', { type: 'reset', path: '/subaccount/credit', times: 0 }, (c) => c.addSubaccountCredit('smstok00001', '5'), { kind: 'network', pattern: /Cannot reach/, attempts: 1, endpoint: '/subaccount/credit/add' });
    await expectFault(emulator, 'credit transfer: HTTP 503', { type: 'status', status: 503, body: 'empty', path: '/subaccount/credit', times: 0 }, (c) => c.removeSubaccountCredit('smstok00001', '1'), { kind: 'http', pattern: /HTTP 503/, attempts: 1, endpoint: '/subaccount/credit/remove' });

    // Bad input: refused before anything is sent.
    emulator.reset();
    for (const input of ['', '   ', '12ab', '12;DROP TABLE', '<script>', '1'.repeat(10_000), '4242\n', ' 42 42 ']) {
      const check = checkMessageId(input);
      const shown = JSON.stringify(input.length > 16 ? `${input.slice(0, 12)}…(${input.length})` : input);
      expectInput(`message id ${shown}`, check.ok ? `accepted as ${check.id}` : `refused inline: ${check.reason}`, check.ok === (/^\s*\d[\d\s]*$/.test(input) && input.replace(/\s/g, '').length <= 20));
    }
    const sent = await outcome(() => client(emulator, 'sms').getMessageStatus('12ab'));
    expectInput('client asked for message "12ab"', `${sent.error?.name}: ${sent.error?.message}; ${emulator.requests.length} requests sent`, emulator.requests.length === 0 && sent.error instanceof RangeError);
    for (const [amount, ok] of [['10', true], ['0,5', true], ['0', false], ['-1', false], ['1.2345', false], ['abc', false], ['', false]] as const) {
      const check = checkCreditAmount(amount);
      expectInput(`credit amount ${JSON.stringify(amount)}`, check.ok ? `accepted as ${check.amount}` : `refused: ${check.reason}`, check.ok === ok);
    }
    for (const [url, ok] of [
      ['https://api.smspartner.fr/v1', true],
      ['http://127.0.0.1:8080/v1', true],
      ['http://api.smspartner.fr/v1', false],
      ['ftp://api.smspartner.fr', false],
      ['not a url', false],
      ['https://user:pw@api.smspartner.fr/v1', false],
    ] as const) {
      const check = checkApiUrl(url);
      expectInput(`API URL ${url}`, check.ok ? 'accepted' : `refused: ${check.reason}`, check.ok === ok);
    }
    await settingsAndAccountRows(emulator, expectInput);
    const keys = [emulator.apiKey('sms'), emulator.apiKey('mail')];
    const leaked = logLines.filter((l) => keys.some((k) => l.includes(k)));
    expectInput(`log lines written (${logLines.length}) contain no key`, leaked.length ? `LEAK: ${leaked[0]}` : 'apiKey=*** everywhere', leaked.length === 0 && logLines.some((l) => l.includes('apiKey=***')));
  } finally {
    await emulator.stop();
  }

  const width = Math.min(60, Math.max(...rows.map((r) => r.tried.length)));
  console.log(`\n${'what was tried'.padEnd(width)} | what the user saw`);
  console.log(`${'-'.repeat(width)}-+-${'-'.repeat(60)}`);
  for (const r of rows) {
    console.log(`${r.ok ? '✔' : '✖'} ${r.tried.padEnd(width - 2)} | ${r.saw}${r.ok ? '' : `   <-- ${r.why}`}`);
  }
  const failed = rows.filter((r) => !r.ok).length;
  console.log(`\n${rows.length - failed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

void main();
