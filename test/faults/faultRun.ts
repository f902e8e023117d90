/**
 * `npm run test:faults`: the fault table and the bad-input list of the
 * reliability issue, run against the emulator over real HTTP. Prints a table of
 * what was tried and what the user would read (English and French, built from
 * the l10n bundles as `vscode.l10n.t` would), then
 * "N passed, N failed".
 */
import { createServer } from 'node:net';
import {
  createClient,
  isPartnerError,
  Pacer,
  PartnerError,
  type AnyClient,
  type PartnerLogger,
  type ServiceId,
} from '../../src/api';
import { checkCreditAmount } from '../../src/api/creditAmount';
import { checkMessageId } from '../../src/api/messageId';
import { startCaptureServer } from '../emulator/captureServer';
import { subaccountClient } from '../../src/commands/subaccountClient';
import type { PartnerLog } from '../../src/log/partnerLog';
import { inertText } from '../../src/ui/inertText';
import { projectionWithinHorizon } from '../../src/ui/creditProjection';
import { formatDate } from '../../src/ui/localeFormat';
import { toCsv, toJson, toMarkdown } from '../../src/panels/messageStatus/statusFormats';
import { buildStatusView } from '../../src/panels/messageStatus/statusView';
import type { SubaccountNode } from '../../src/providers/tree/subaccountNode';
import { checkApiUrl, type ApiUrlCheck } from '../../src/settings/apiUrlPolicy';
import type { PartnerSettings } from '../../src/settings/partnerSettings';
import { userText } from '../unit/helpers/bundleTranslate';
import { linksIn } from '../unit/helpers/linkGrammar';
import { PartnerEmulator, type Fault } from '../emulator/partnerEmulator';
import { startTlsFront, type TestCertificate } from '../emulator/tlsFront';
import { messageActionRows } from './messageActionRows';
import { stopListRows } from './stopListRows';
import { panelRows } from './panelRows';
import { settingsAndAccountRows } from './settingsAndAccountRows';
import { subaccountAdminRows } from './subaccountAdminRows';
import { sendRows } from './sendRows';
import { actionArgumentRows } from './actionArgumentRows';
import { toPositionalXml } from '../emulator/positionalXml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Row {
  readonly tried: string;
  readonly saw: string;
  readonly ok: boolean;
  readonly why?: string;
}

const rows: Row[] = [];
const logLines: string[] = [];
const logger: PartnerLogger = {
  info: (m) => logLines.push(m),
  warn: (m) => logLines.push(m),
  error: (m) => logLines.push(m),
};

function client(
  emulator: PartnerEmulator,
  service: ServiceId,
  extra: Partial<Parameters<typeof createClient>[1]> = {},
): AnyClient {
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
  if (fault) {
    emulator.inject(fault);
  }
  const { error, ms } = await outcome(() => work(client(emulator, service, extra)));
  const attempts = emulator.count({ endpoint: expect.endpoint ?? '/me' });
  const shown = isPartnerError(error) ? userText(error) : undefined;
  const saw = shown ? `${shown.en} | FR: ${shown.fr}` : error ? `${error.name}: ${error.message}` : 'no error';
  const problems: string[] = [];
  if (!isPartnerError(error)) {
    problems.push('not a PartnerError');
  } else if (error.kind !== expect.kind) {
    problems.push(`kind ${error.kind}, expected ${expect.kind}`);
  }
  if (error && !expect.pattern.test(shown?.en ?? error.message)) {
    problems.push(`message does not match ${expect.pattern}`);
  }
  if (expect.attempts !== undefined && attempts !== expect.attempts) {
    problems.push(`${attempts} requests, expected ${expect.attempts}`);
  }
  rows.push({
    tried: `${tried} (${ms} ms, ${attempts} request${attempts === 1 ? '' : 's'})`,
    saw,
    ok: problems.length === 0,
    why: problems.join('; '),
  });
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

/** Issue 12, defect 11: a provider message with link syntax, as a notification shows it (EN and FR). */
async function providerTextInNotifications(emulator: PartnerEmulator): Promise<void> {
  emulator.reset();
  emulator.inject({ type: 'apiError', code: 42, message: '[Cliquez](command:workbench.action.quit)' });
  const { error } = await outcome(() => client(emulator, 'sms').getCredits());
  const texts = isPartnerError(error) ? userText(error) : undefined;
  const shown = texts ? [inertText(texts.en), inertText(texts.fr)] : [];
  const links = shown.flatMap(linksIn);
  rows.push({
    tried: 'provider message "[Cliquez](command:workbench.action.quit)" in a notification',
    saw: shown.length ? `${shown[0]} | FR: ${shown[1]}` : `no PartnerError: ${String(error)}`,
    ok: shown.length === 2 && links.length === 0 && shown[0].includes('[Cliquez] (command'),
    why: links.length ? `still a link: ${links[0]}` : undefined,
  });
}

/**
 * Issue 12, defect 10: a sub-account's client lives as long as the main account's
 * session (its `accountSignal`); once that account's key or API URL changes, a
 * live-tracking refresh sends nothing with the sub-account's key.
 */
async function subaccountAfterMainAccountChange(emulator: PartnerEmulator): Promise<void> {
  emulator.reset();
  const sub = emulator.service('sms').subaccounts[0];
  const node = { service: 'sms', subaccount: { email: sub.email, apiKey: sub.apiKey } } as unknown as SubaccountNode;
  const url: ApiUrlCheck = { ok: true, url: emulator.apiUrl('sms') };
  const settings = { apiUrl: { sms: url, mail: url }, format: 'json', timeoutMs: 1000 } as unknown as PartnerSettings;
  const log = { ...logger, rememberSecret: () => undefined } as unknown as PartnerLog;
  const mainAccount = new AbortController();
  const subClient = subaccountClient(node, settings, log, mainAccount.signal);
  await subClient?.getMessageStatus('8001');
  const before = emulator.count({ endpoint: '/bulk-status' });
  mainAccount.abort(); // the main key or API URL changed
  const { error } = await outcome(() => subClient!.getMessageStatus('8001'));
  const sent = emulator.count({ endpoint: '/bulk-status' }) - before;
  rows.push({
    tried: `sub-account live tracking after the main account changed (${before} request before, ${sent} after)`,
    saw: isPartnerError(error) ? `${userText(error).en} | FR: ${userText(error).fr}` : `no error: ${String(error)}`,
    ok: before === 1 && sent === 0 && isPartnerError(error) && error.kind === 'cancelled',
    why: sent ? `${sent} requests sent with the sub-account key` : undefined,
  });
}

/**
 * Issue 12, defect 8: a status date of "99999999999999" decodes to the provider's text,
 * which every export shows (EN and FR) instead of throwing "Invalid time value"; a trend
 * projecting past any sane horizon leaves its date out.
 */
async function hostileDates(emulator: PartnerEmulator): Promise<void> {
  emulator.reset();
  const hostile = '99999999999999';
  const recipient = { recipient: 'a@exemple.fr', token: 't', status: 'Delivered', cost: 1, stop: false, date: hostile };
  emulator.setMessage('mail', '5', [recipient]);
  const shown: string[] = [];
  const { error } = await outcome(async () => {
    const status = await client(emulator, 'mail').getMessageStatus('5');
    const view = buildStatusView('mail', 'Mail Partner', status);
    const headers = { recipient: 'r', status: 's', cost: 'c', stop: 'u', date: 'd' };
    for (const [lang, separator] of [
      ['en', ','],
      ['fr', ';'],
    ] as const) {
      const csv = toCsv(view.rows, headers, separator).trim().split('\r\n')[1];
      const md = toMarkdown(view.rows, { ...headers, title: 't', yes: 'y', no: 'n' }, lang)
        .trim()
        .split('\n')
        .pop();
      shown.push(`${lang.toUpperCase()}: CSV ${csv} · Markdown ${md}`);
    }
    shown.push(`JSON date ${JSON.stringify(JSON.parse(toJson(view, view.rows)).recipients[0].date)}`);
  });
  rows.push({
    tried: `status date "${hostile}": Copy as CSV / Markdown / JSON`,
    saw: error ? `${error.name}: ${error.message}` : shown.join(' | '),
    ok: !error && shown.length === 3 && shown.every((line) => line.includes(hostile)),
    why: error ? 'an export threw' : 'the raw date is missing',
  });
  const now = Date.now();
  const eta = new Date(now + (15_000_000 - 100) * 7 * 86_400_000); // 1 credit a week
  const projected = projectionWithinHorizon(eta, now);
  let line: string;
  try {
    line = projected ? `below 100 around ${formatDate(projected, 'en')}` : 'trend shown, no threshold date';
  } catch (err) {
    line = `${(err as Error).name}: ${(err as Error).message}`;
  }
  rows.push({
    tried: 'trend of 15,000,000 credits using 1 a week (status-bar tooltip)',
    saw: line,
    ok: projected === undefined,
    why: 'a date beyond the horizon',
  });
}

async function main(): Promise<void> {
  const emulator = await new PartnerEmulator({ lifetimeMs: 5 * 60_000 }).start();
  try {
    const me = (c: AnyClient) => c.getCredits();
    await expectFault(emulator, 'server never answers', { type: 'hang', times: 0 }, me, {
      kind: 'timeout',
      pattern: /^SMS Partner timed out after 1 s/,
      attempts: 1,
    });
    await expectFault(emulator, 'connection reset', { type: 'reset', times: 0 }, me, {
      kind: 'network',
      pattern: /^Cannot reach 127\.0\.0\.1:\d+ \(ECONNRESET\)/,
      attempts: 3,
    });
    const port = await refusedPort();
    await expectFault(
      emulator,
      'connection refused',
      undefined,
      me,
      { kind: 'network', pattern: new RegExp(`^Cannot reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`), attempts: 0 },
      'sms',
      { baseUrl: `http://127.0.0.1:${port}/v1` },
    );
    await expectFault(
      emulator,
      'DNS failure',
      undefined,
      me,
      { kind: 'network', pattern: /^Cannot reach api\.partner\.invalid/, attempts: 0 },
      'mail',
      { baseUrl: 'https://api.partner.invalid/v1', retry: { retries: 0 } },
    );
    for (const body of ['json', 'html', 'empty'] as const) {
      await expectFault(
        emulator,
        `HTTP 503 with ${body} body, lasting`,
        { type: 'status', status: 503, body, times: 0 },
        me,
        {
          kind: body === 'json' ? 'api' : 'http',
          pattern: body === 'json' ? /queueing problem/ : /^SMS Partner answered with HTTP 503\. Try again later\.$/,
          attempts: 3,
        },
      );
    }
    await expectFault(
      emulator,
      'HTTP 502 twice, then fine',
      { type: 'status', status: 502, body: 'html', times: 2 },
      async (c) => {
        const account = await c.getCredits();
        if (account.user.username !== 'agence.durand@exemple.fr') {
          throw new Error('wrong account');
        }
        throw new PartnerError({ kind: 'http', service: 'sms', host: 'recovered', status: 200 });
      },
      { kind: 'http', pattern: /HTTP 200/, attempts: 3 },
    );
    rows[rows.length - 1] = { ...rows[rows.length - 1], saw: 'credits shown after two silent retries' };
    await expectFault(
      emulator,
      '429 with Retry-After: 1, once',
      { type: 'rateLimit', retryAfter: '1' },
      async (c) => {
        await c.getCredits();
        throw new PartnerError({ kind: 'http', service: 'sms', host: 'recovered', status: 200 });
      },
      { kind: 'http', pattern: /HTTP 200/, attempts: 2 },
    );
    rows[rows.length - 1] = { ...rows[rows.length - 1], saw: 'waited 1 s as asked, then credits shown' };
    const issue16 = 'HTTP 502, 502, then 429 with Retry-After: 1 on one GET (issue 16)';
    await expectFault(
      emulator,
      issue16,
      undefined,
      async (c) => {
        emulator.inject({ type: 'status', status: 502, body: 'html', times: 2 });
        emulator.inject({ type: 'rateLimit', retryAfter: '1' });
        await c.getCredits();
        throw new PartnerError({ kind: 'http', service: 'sms', host: 'recovered', status: 200 });
      },
      { kind: 'http', pattern: /HTTP 200/, attempts: 4 },
    );
    const recovered = 'two silent retries, waited 1 s as asked, then credits shown';
    rows[rows.length - 1] = { ...rows[rows.length - 1], saw: recovered };
    await expectFault(emulator, '429 with Retry-After: 3600', { type: 'rateLimit', retryAfter: '3600' }, me, {
      kind: 'rateLimited',
      pattern: /limiting requests \(HTTP 429\)\. Try again in 3600 s\./,
      attempts: 1,
    });
    await expectFault(emulator, 'HTTP 200 captive-portal HTML', { type: 'html200' }, me, {
      kind: 'malformed',
      pattern: /^Unexpected answer from SMS Partner \(an HTML page\)/,
    });
    await expectFault(emulator, 'malformed JSON', { type: 'malformed' }, me, {
      kind: 'malformed',
      pattern: /^Unexpected answer from SMS Partner \(not JSON\)/,
    });
    await expectFault(
      emulator,
      'malformed XML',
      { type: 'malformed' },
      me,
      { kind: 'malformed', pattern: /^Unexpected answer from Mail Partner \(not well-formed XML, line 1\)/ },
      'mail',
      { format: 'xml' },
    );
    await expectFault(emulator, 'empty body', { type: 'empty' }, me, {
      kind: 'malformed',
      pattern: /\(empty answer\)/,
    });
    await expectFault(emulator, 'JSON of the wrong shape', { type: 'wrongShape' }, me, {
      kind: 'malformed',
      pattern: /\(user: missing\)/,
    });
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
      await expectFault(emulator, `success:false, code ${code}`, { type: 'apiError', code }, me, {
        kind: 'api',
        pattern,
      });
    }
    await expectFault(
      emulator,
      'credit transfer: POST times out',
      { type: 'hang', path: '/subaccount/credit', times: 0 },
      (c) => c.addSubaccountCredit('smstok00001', '5'),
      { kind: 'timeout', pattern: /timed out/, attempts: 1, endpoint: '/subaccount/credit/add' },
    );
    await expectFault(
      emulator,
      'credit transfer: connection reset',
      { type: 'reset', path: '/subaccount/credit', times: 0 },
      (c) => c.addSubaccountCredit('smstok00001', '5'),
      { kind: 'network', pattern: /Cannot reach/, attempts: 1, endpoint: '/subaccount/credit/add' },
    );
    await expectFault(
      emulator,
      'credit transfer: HTTP 503',
      { type: 'status', status: 503, body: 'empty', path: '/subaccount/credit', times: 0 },
      (c) => c.removeSubaccountCredit('smstok00001', '1'),
      { kind: 'http', pattern: /HTTP 503/, attempts: 1, endpoint: '/subaccount/credit/remove' },
    );

    // Redirects (issue 12, defect 1): never followed off-origin, a POST never re-sent.
    const elsewhere = await startCaptureServer(5 * 60_000);
    try {
      const transfer = (c: AnyClient) => c.addSubaccountCredit('smstok00001', '5');
      const credit = { path: '/subaccount/credit' };
      const add = '/subaccount/credit/add';
      await expectFault(
        emulator,
        'GET answered 307 to another server',
        { type: 'redirect', status: 307, location: `${elsewhere.url}/sms/v1/me` },
        me,
        { kind: 'redirect', pattern: /^SMS Partner redirected the request to http:\/\/127\.0\.0\.1:\d+/, attempts: 1 },
      );
      await expectFault(
        emulator,
        'credit-transfer POST answered 308 to another server',
        { type: 'redirect', status: 308, location: `${elsewhere.url}/steal`, ...credit },
        transfer,
        { kind: 'redirect', pattern: /redirected the request to .*; nothing was sent/, attempts: 1, endpoint: add },
      );
      await expectFault(
        emulator,
        'credit-transfer POST answered 307 to the same server',
        { type: 'redirect', status: 307, location: `/sms/v1${add}`, ...credit },
        transfer,
        { kind: 'redirect', pattern: /nothing was sent there/, attempts: 1, endpoint: add },
      );
      await expectFault(
        emulator,
        'GET redirected to itself, forever',
        { type: 'redirect', status: 302, location: '/sms/v1/me', times: 0 },
        me,
        { kind: 'redirect', pattern: /^SMS Partner redirected the request too many times\./, attempts: 4 },
      );
      const leaks = elsewhere.seen.length;
      expectInput('requests that reached the other server', leaks ? `LEAK: ${leaks} request(s)` : 'none', leaks === 0);
    } finally {
      await elsewhere.stop();
    }

    // Positional XML (issue 12, defect 4): a value goes only where its shape fits, or the answer is refused.
    const list = '/subaccount/list';
    const listPage = (c: AnyClient) => c.listSubaccounts();
    const subKey = 'sub-secret-key-5f2a9c';
    const shifted = toPositionalXml({
      success: true,
      code: 200,
      total: 1,
      nb_per_page: 20,
      page: 1,
      data: [
        {
          id: 1,
          email: 'a@exemple.fr',
          apiKey: subKey,
          createdAt: '2016-03-04 11:23:14',
          credits: { balance: '1.5', currency: 'EUR' },
        },
      ],
    });
    await expectFault(
      emulator,
      'sub-account XML item [id, email, apiKey, createdAt, credits]',
      { type: 'body', body: shifted, contentType: 'application/xml', path: list },
      listPage,
      { kind: 'malformed', pattern: /^Unexpected answer from Mail Partner \(data\[0\]: .*cannot tell/, endpoint: list },
      'mail',
      { format: 'xml' },
    );
    if (rows[rows.length - 1].saw.includes(subKey.slice(0, 8))) {
      rows[rows.length - 1] = { ...rows[rows.length - 1], ok: false, why: 'the sub-account key is in the message' };
    }
    const samples = join(__dirname, '../../../test/fixtures/samples');
    const docsXml = readFileSync(join(samples, 'mail-subaccount-list.xml'), 'utf8').replace('?>', '?>\n<result>');
    await expectFault(
      emulator,
      "the docs' sub-account XML sample, root tag fixed",
      { type: 'body', body: docsXml, contentType: 'application/xml', path: list },
      listPage,
      { kind: 'malformed', pattern: /^Unexpected answer from Mail Partner \(data\[0\]/, endpoint: list },
      'mail',
      { format: 'xml' },
    );

    // Answer size (issue 12, defect 5).
    await expectFault(
      emulator,
      'gzip body inflating to 400 MB',
      { type: 'gzipBomb', mb: 400 },
      me,
      { kind: 'tooLarge', pattern: /^SMS Partner sent an answer larger than 16 MB; it was not read\./, attempts: 1 },
      'sms',
      { timeoutMs: 20_000 },
    );

    // Certificates (issue 12, TLS): plain words naming the host and the settings, never retried.
    for (const [certificate, reason] of [
      ['selfSigned', /the certificate of localhost:\d+ is self-signed\./],
      ['unknownIssuer', /issued by an authority this machine does not trust\./],
      ['expired', /has expired\./],
    ] as [TestCertificate, RegExp][]) {
      const front = await startTlsFront(Number(new URL(emulator.url).port), certificate, 60_000);
      try {
        const baseUrl = `https://localhost:${front.port}/sms/v1`;
        await expectFault(
          emulator,
          `https with a ${certificate} certificate`,
          undefined,
          me,
          { kind: 'certificate', pattern: reason, attempts: 0 },
          'sms',
          { baseUrl },
        );
      } finally {
        await front.stop();
      }
    }

    // Pacing (issue 12, "Also"): a burst above the server's per-IP limit, paced under it, draws no 429.
    emulator.reset();
    emulator.rateLimit = { limit: 20, windowMs: 500 };
    const pacer = new Pacer({ perOrigin: { limit: 15, windowMs: 500, burst: 4 }, endpoints: [] });
    const pages = () =>
      Array.from({ length: 60 }, (_, i) => client(emulator, i % 2 ? 'mail' : 'sms', { pacer }).listSubaccounts(1));
    const burst = await outcome(() => Promise.all(pages()));
    const drew = emulator.requests.filter((r) => r.rateLimited).length;
    expectInput(
      `60 GETs at once, server allows 20 per 500 ms, paced at 15 (${burst.ms} ms)`,
      burst.error ? burst.error.message : `${emulator.requests.length} requests, ${drew} answered 429, all pages shown`,
      !burst.error && drew === 0 && emulator.requests.length === 60,
    );
    emulator.reset();
    await providerTextInNotifications(emulator);
    await subaccountAfterMainAccountChange(emulator);
    await hostileDates(emulator);

    // Bad input: refused before anything is sent.
    emulator.reset();
    for (const input of ['', '   ', '12ab', '12;DROP TABLE', '<script>', '1'.repeat(10_000), '4242\n', ' 42 42 ']) {
      const check = checkMessageId(input);
      const shown = JSON.stringify(input.length > 16 ? `${input.slice(0, 12)}…(${input.length})` : input);
      expectInput(
        `message id ${shown}`,
        check.ok ? `accepted as ${check.id}` : `refused inline: ${check.reason}`,
        check.ok === (/^\s*\d[\d\s]*$/.test(input) && input.replace(/\s/g, '').length <= 20),
      );
    }
    const sent = await outcome(() => client(emulator, 'sms').getMessageStatus('12ab'));
    expectInput(
      'client asked for message "12ab"',
      `${sent.error?.name}: ${sent.error?.message}; ${emulator.requests.length} requests sent`,
      emulator.requests.length === 0 && sent.error instanceof RangeError,
    );
    // Credit amounts in the display language (issue 12, defect 12): "1,000" is never €1.
    const amounts: [string, string, string][] = [
      ['en', '10', '10'],
      ['en', '1,000', '1000'],
      ['en', '1,000.50', '1000.5'],
      ['en', '1,5', 'commaDecimal'],
      ['en', '1.000,50', 'separators'],
      ['fr', '0,5', '0.5'],
      ['fr', '1 000,50', '1000.5'],
      ['fr', '1\u202f000,5', '1000.5'],
      ['fr', '1,000', 'ambiguous 1 | 1000'],
      ['fr', '1,000.50', 'separators'],
      ['en', '0', 'zero'],
      ['en', '-1', 'format'],
      ['en', '1.2345', 'decimals'],
      ['fr', 'abc', 'format'],
      ['fr', '', 'empty'],
    ];
    for (const [language, amount, expected] of amounts) {
      const check = checkCreditAmount(amount, language);
      const verdict = check.ok
        ? check.amount
        : check.reason === 'ambiguous'
          ? `ambiguous ${check.readings.join(' | ')}`
          : check.reason;
      const saw = check.ok ? `accepted as ${verdict}` : `refused: ${verdict}`;
      expectInput(`credit amount ${JSON.stringify(amount)} (${language})`, saw, verdict === expected);
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
    await subaccountAdminRows(emulator, expectInput);
    await panelRows(emulator, logger, expectInput);
    await sendRows(emulator, logger, expectInput);
    await messageActionRows(emulator, expectInput);
    await actionArgumentRows(emulator, expectInput);
    stopListRows(expectInput);
    const keys = [emulator.apiKey('sms'), emulator.apiKey('mail')];
    const leaked = logLines.filter((l) => keys.some((k) => l.includes(k)));
    expectInput(
      `log lines written (${logLines.length}) contain no key`,
      leaked.length ? `LEAK: ${leaked[0]}` : 'apiKey=*** everywhere',
      leaked.length === 0 && logLines.some((l) => l.includes('apiKey=***')),
    );
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
