import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createGzip } from 'node:zlib';
import {
  createServiceData,
  formatMilli,
  parseMilli,
  SAMPLE_MESSAGES,
  type DataOptions,
  type EmulatedService,
  type RecipientRecord,
  type ServiceData,
  type SubaccountRecord,
} from './emulatorData';
import { toPositionalXml } from './positionalXml';
import type { RouteAnswer, RouteContext } from './routes/featureRoute';
import { featureRoutes } from './routes';

/** A fault the next matching requests get instead of (or on top of) the normal answer. */
export type FaultKind =
  | { type: 'status'; status: number; body?: 'json' | 'html' | 'empty' }
  | { type: 'rateLimit'; retryAfter?: string }
  | { type: 'html200' }
  | { type: 'malformed' }
  | { type: 'empty' }
  | { type: 'wrongShape' }
  | { type: 'hang' }
  | { type: 'reset' }
  | { type: 'apiError'; code: number; message?: string }
  | { type: 'body'; body: string; contentType?: string }
  | { type: 'delay'; ms: number }
  /** A 3xx answer sending the client to `location` (absolute or relative). */
  | { type: 'redirect'; status: number; location: string }
  /** `Content-Encoding: gzip` of `mb` MiB of zeros, compressed as it is sent (about 1 KB on the wire per MiB). */
  | { type: 'gzipBomb'; mb: number };

export type Fault = FaultKind & {
  /** Only requests whose endpoint path contains this (e.g. `/me`). */
  path?: string;
  service?: EmulatedService;
  /** How many requests it applies to; default 1, 0 = until cleared. */
  times?: number;
};

export interface RequestRecord {
  method: string;
  service: EmulatedService;
  endpoint: string;
  format: 'json' | 'xml';
  keyOk: boolean;
  /** Whose key was sent: `main`, a sub-account's e-mail, or undefined (none or unknown). */
  keyOwner?: string;
  page?: number;
  messageId?: string;
  /** For pages outside the API (dashboard visits). */
  path?: string;
  at: number;
  /** The client went away before the answer was sent (cancelled or timed out). */
  aborted?: boolean;
  /** Answered 429 by the rate-limit mode (not by an injected fault). */
  rateLimited?: boolean;
}

/** The provider's per-IP limit, scaled down for tests: `limit` requests in any `windowMs`. */
export interface RateLimitMode {
  readonly limit: number;
  readonly windowMs: number;
}

export interface EmulatorOptions extends DataOptions {
  port?: number;
  latencyMs?: number;
  /** Stops by itself after this long, whatever happens (safety net for test runs). */
  lifetimeMs?: number;
  rateLimit?: RateLimitMode;
}

const PER_PAGE = 20;

/**
 * A local, faithful emulator of the SMS Partner and Mail Partner HTTP APIs, on
 * 127.0.0.1. SMS lives under `/sms/v1`, Mail under `/mail/v1`. Tests steer it
 * in-process or through `/__emulator/*` (faults, latency, request log, reset).
 */
export class PartnerEmulator {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private data: Record<EmulatedService, ServiceData>;
  private faults: Fault[] = [];
  private lifetimeTimer: NodeJS.Timeout | undefined;
  latencyMs: number;
  readonly requests: RequestRecord[] = [];
  private inFlightNow = 0;
  /** The most requests answered at once since the last reset. */
  maxInFlight = 0;
  /** When set, each IP gets 429 past `limit` API requests in a sliding `windowMs`. */
  rateLimit: RateLimitMode | undefined;
  private readonly recentByIp = new Map<string, number[]>();

  constructor(private readonly options: EmulatorOptions = {}) {
    this.data = { sms: createServiceData('sms', options), mail: createServiceData('mail', options) };
    this.latencyMs = options.latencyMs ?? 0;
    this.rateLimit = options.rateLimit;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) {
      throw new Error('emulator not started');
    }
    return `http://127.0.0.1:${address.port}`;
  }

  apiUrl(service: EmulatedService): string {
    return `${this.url}/${service}/v1`;
  }

  apiKey(service: EmulatedService): string {
    return this.data[service].apiKey;
  }

  service(service: EmulatedService): ServiceData {
    return this.data[service];
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => void this.handle(req, res));
    // Node's default, as web servers commonly keep idle connections: clients may reuse them.
    server.keepAliveTimeout = 5000;
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    if (this.options.lifetimeMs) {
      this.lifetimeTimer = setTimeout(() => void this.stop(), this.options.lifetimeMs);
      this.lifetimeTimer.unref();
    }
    return this;
  }

  async stop(): Promise<void> {
    clearTimeout(this.lifetimeTimer);
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) {
      socket.destroy();
    }
    if (server) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  inject(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Back to the initial data, no faults, no latency, an empty request log. */
  reset(): void {
    this.data = { sms: createServiceData('sms', this.options), mail: createServiceData('mail', this.options) };
    this.faults = [];
    this.latencyMs = this.options.latencyMs ?? 0;
    this.requests.length = 0;
    this.maxInFlight = 0;
    this.rateLimit = this.options.rateLimit;
    this.recentByIp.clear();
  }

  count(filter: Partial<Pick<RequestRecord, 'service' | 'endpoint' | 'method'>> = {}): number {
    return this.requests.filter((r) => Object.entries(filter).every(([k, v]) => r[k as keyof RequestRecord] === v))
      .length;
  }

  setMessage(service: EmulatedService, messageId: string, rows: RecipientRecord[]): void {
    this.data[service].messages.set(messageId, rows);
  }

  // ------------------------------------------------------------------ serving

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = await readBody(req);
      if (url.pathname.startsWith('/__emulator/')) {
        this.control(req.method ?? 'GET', url.pathname.slice('/__emulator/'.length), body, res);
        return;
      }
      if (!/^\/(sms|mail)\/v1\//.test(url.pathname)) {
        // Any other page stands in for the provider's web dashboard: a browser sent
        // here by `Open in Dashboard` shows up in the request log as a visit.
        const service: EmulatedService = url.pathname.includes('mail') ? 'mail' : 'sms';
        this.requests.push({
          method: req.method ?? 'GET',
          service,
          endpoint: '/dashboard',
          path: url.pathname,
          format: 'json',
          keyOk: false,
          at: Date.now(),
        });
        send(res, 200, 'text/html; charset=utf-8', '<!doctype html><title>Dashboard</title><p>Emulated dashboard</p>');
        return;
      }
      const m = /^\/(sms|mail)\/v1\/(.+?)\/?$/.exec(url.pathname);
      if (!m) {
        send(res, 404, 'text/plain', 'not found');
        return;
      }
      const service = m[1] as EmulatedService;
      const endpoint = `/${m[2]}`;
      let json: Record<string, unknown> = {};
      if ((req.method === 'POST' || req.method === 'DELETE') && body) {
        try {
          json = JSON.parse(body) as Record<string, unknown>;
        } catch {
          json = {};
        }
      }
      const param = (name: string): string | undefined =>
        url.searchParams.get(name) ??
        (typeof json[name] === 'string' || typeof json[name] === 'number' ? String(json[name]) : undefined);
      const format = param('_format') === 'xml' ? 'xml' : 'json';
      const key = param('apiKey');
      const page = param('page');
      const record: RequestRecord = {
        method: req.method ?? 'GET',
        service,
        endpoint,
        format,
        keyOk: key === this.data[service].apiKey,
        keyOwner: this.keyOwner(service, key),
        page: page !== undefined ? Number(page) : undefined,
        messageId: param('messageId'),
        at: Date.now(),
      };
      this.requests.push(record);
      this.inFlightNow++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlightNow);
      res.on('close', () => {
        this.inFlightNow--;
        if (!res.writableFinished) {
          record.aborted = true;
        }
      });
      const waitMs = this.overRateLimit(req.socket.remoteAddress ?? '');
      if (waitMs !== undefined) {
        record.rateLimited = true;
        res.setHeader('Retry-After', String(Math.max(1, Math.ceil(waitMs / 1000))));
        send(res, 429, 'application/json', JSON.stringify({ success: false, code: 429, message: 'Too many requests' }));
        return;
      }
      if (this.latencyMs > 0) {
        await delay(this.latencyMs);
      }
      const fault = this.takeFault(service, endpoint);
      if (fault?.type === 'delay') {
        await delay(fault.ms);
      } else if (fault) {
        this.applyFault(fault, format, res, req);
        return;
      }
      const answer = this.answer(req.method ?? 'GET', service, endpoint, key, param, json);
      this.reply(res, format, answer.status ?? 200, answer.body);
    } catch (err) {
      if (!res.headersSent) {
        send(res, 500, 'text/plain', `emulator error: ${String(err)}`);
      }
    }
  }

  /** Counts this request against its IP's window; how long until it would have been allowed, if it is over. */
  private overRateLimit(ip: string): number | undefined {
    const mode = this.rateLimit;
    if (!mode) {
      return undefined;
    }
    const now = Date.now();
    const recent = (this.recentByIp.get(ip) ?? []).filter((t) => t > now - mode.windowMs);
    this.recentByIp.set(ip, recent);
    if (recent.length >= mode.limit) {
      return recent[0] + mode.windowMs - now;
    }
    recent.push(now);
    return undefined;
  }

  private keyOwner(service: EmulatedService, key: string | undefined): string | undefined {
    const data = this.data[service];
    if (key === undefined) {
      return undefined;
    }
    return key === data.apiKey ? 'main' : data.subaccounts.find((s) => s.apiKey === key)?.email;
  }

  private takeFault(service: EmulatedService, endpoint: string): Fault | undefined {
    const index = this.faults.findIndex(
      (f) => (!f.service || f.service === service) && (!f.path || endpoint.includes(f.path)),
    );
    if (index < 0) {
      return undefined;
    }
    const fault = this.faults[index];
    if (fault.times && fault.times > 0) {
      fault.times--;
      if (fault.times === 0) {
        this.faults.splice(index, 1);
      }
    }
    return fault;
  }

  /** Answers (or refuses to answer) in place of the normal answer. */
  private applyFault(
    fault: Exclude<Fault, { type: 'delay' }>,
    format: 'json' | 'xml',
    res: ServerResponse,
    req: IncomingMessage,
  ): void {
    const html =
      '<!DOCTYPE html><html><head><title>Portail Wi-Fi</title></head><body><h1>Connectez-vous</h1></body></html>';
    switch (fault.type) {
      case 'status': {
        const body =
          fault.body === 'html'
            ? html
            : fault.body === 'json'
              ? JSON.stringify({ success: false, code: 500, message: 'Internal error' })
              : '';
        send(res, fault.status, fault.body === 'html' ? 'text/html' : 'application/json', body);
        return;
      }
      case 'rateLimit':
        res.setHeader('Retry-After', fault.retryAfter ?? '1');
        send(res, 429, 'application/json', JSON.stringify({ success: false, code: 429, message: 'Too many requests' }));
        return;
      case 'html200':
        send(res, 200, 'text/html', html);
        return;
      case 'malformed':
        send(
          res,
          200,
          format === 'xml' ? 'application/xml' : 'application/json',
          format === 'xml'
            ? '<?xml version="1.0"?><result><entry>true</entry><entry>200'
            : '{"success": true, "code": 200, "user": {',
        );
        return;
      case 'empty':
        send(res, 200, 'application/json', '');
        return;
      case 'wrongShape':
        this.reply(res, format, 200, { success: true, code: 200, items: 'unexpected', count: 'three' });
        return;
      case 'hang':
        // Never answer; the socket is destroyed when the emulator stops.
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'apiError':
        this.reply(res, format, 200, {
          success: false,
          code: fault.code,
          message: fault.message ?? `Erreur ${fault.code}`,
        });
        return;
      case 'body':
        send(res, 200, fault.contentType ?? 'application/json', fault.body);
        return;
      case 'redirect':
        res.writeHead(fault.status, { Location: fault.location, 'Content-Type': 'text/html', 'Content-Length': 0 });
        res.end();
        return;
      case 'gzipBomb':
        sendGzipZeros(res, fault.mb);
        return;
    }
  }

  private reply(res: ServerResponse, format: 'json' | 'xml', status: number, body: Record<string, unknown>): void {
    if (format === 'xml') {
      send(res, status, 'application/xml; charset=utf-8', toPositionalXml(body));
    } else {
      send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
    }
  }

  private answer(
    method: string,
    service: EmulatedService,
    endpoint: string,
    key: string | undefined,
    param: (n: string) => string | undefined,
    json: Record<string, unknown> = {},
  ): { status?: number; body: Record<string, unknown> } {
    const data = this.data[service];
    const isTransfer = endpoint.startsWith('/subaccount/credit/');
    const error = (code: number, message: string) => ({ body: { success: false, code, message } });
    if (!key) {
      return error(1, 'Clé API requise');
    }
    const sub = data.subaccounts.find((s) => s.apiKey === key);
    if (sub && endpoint === '/me' && method === 'GET') {
      // A sub-account's own key reads its own account.
      const balance = formatMilli(sub.milli);
      const credits =
        service === 'sms'
          ? {
              creditSms: Math.floor(sub.milli / 45),
              creditSmsECO: 0,
              creditHlr: 0,
              toSend: 0,
              solde: balance,
              currency: 'EUR',
              balance,
            }
          : { creditMail: Math.floor(sub.milli / 10), currency: 'EUR', balance };
      return { body: { success: true, code: 200, user: { username: sub.email }, credits } };
    }
    if (sub && endpoint === '/subaccount/list' && method === 'GET') {
      // A sub-account used as an account of its own has no sub-accounts of its own.
      return {
        body: { success: true, code: 200, total: 0, nb_per_page: PER_PAGE, page: Number(param('page') ?? 1), data: [] },
      };
    }
    if (sub && endpoint === '/bulk-status' && method === 'GET') {
      const rows = data.subaccountMessages.get(param('messageId') ?? '');
      return rows ? this.statusAnswer(service, param('messageId')!, rows) : error(4, 'Message introuvable');
    }
    const routeContext = (subaccount?: SubaccountRecord): RouteContext => ({
      method,
      service,
      endpoint,
      param,
      json,
      data,
      subaccount,
      ok: { success: true, code: 200 },
      error: (code, message, status) => ({ status, body: { success: false, code, message } }),
    });
    const featureAnswer = (subaccount?: SubaccountRecord): RouteAnswer | undefined => {
      for (const route of featureRoutes) {
        const answer = route(routeContext(subaccount));
        if (answer) {
          return answer;
        }
      }
      return undefined;
    };
    if (sub) {
      const answer = featureAnswer(sub);
      if (answer) {
        return answer;
      }
    }
    if (key !== data.apiKey) {
      return isTransfer ? error(9, 'Clé API invalide') : error(10, 'Clé API incorrecte');
    }
    const ok = { success: true, code: 200 };
    if (endpoint === '/me' && method === 'GET') {
      const user: Record<string, unknown> = { username: data.username };
      if (data.firstname) {
        user.firstname = data.firstname;
      }
      if (data.lastname) {
        user.lastname = data.lastname;
      }
      const balance = formatMilli(data.milli);
      const credits =
        service === 'sms'
          ? { ...data.counts, solde: balance, currency: 'EUR', balance }
          : { ...data.counts, currency: 'EUR', balance };
      return { body: { ...ok, user, credits } };
    }
    if (endpoint === '/subaccount/list' && method === 'GET') {
      const page = Math.max(1, Math.floor(Number(param('page') ?? '1')) || 1);
      const slice = data.subaccounts.slice((page - 1) * PER_PAGE, page * PER_PAGE);
      return {
        body: {
          ...ok,
          total: data.subaccounts.length,
          nb_per_page: PER_PAGE,
          page,
          data: slice.map((s) => ({
            id: s.id,
            email: s.email,
            type: s.type,
            token: s.token,
            apiKey: s.apiKey,
            createdAt: s.createdAt,
            credits: { balance: formatMilli(s.milli), currency: 'EUR' },
          })),
        },
      };
    }
    if (endpoint === '/bulk-status' && method === 'GET') {
      const id = param('messageId');
      if (!id) {
        return error(3, 'messageId requis');
      }
      const rows = data.messages.get(id);
      if (!rows) {
        return error(4, 'Message introuvable');
      }
      data.statusMovers.get(id)?.(rows);
      if (id === SAMPLE_MESSAGES.live) {
        // Delivery reports trickle in: each read settles up to three waiting recipients.
        rows
          .filter((r) => r.status === 'Waiting')
          .slice(0, 3)
          .forEach((r, i) => (r.status = i === 2 ? 'UNDELIV' : 'Delivered'));
      }
      return this.statusAnswer(service, id, rows);
    }
    if (isTransfer && method === 'POST') {
      const creditText = param('credit');
      const token = param('tokenSubaccount');
      if (creditText === undefined || creditText === '') {
        return error(2, 'Crédit requis');
      }
      if (!token) {
        return error(3, 'Identifiant du sous-compte requis');
      }
      const milli = parseMilli(creditText);
      if (milli === undefined || milli <= 0) {
        return error(5, 'Le crédit doit être supérieur à 0');
      }
      const sub = data.subaccounts.find((s) => s.token === token);
      if (!sub) {
        return error(7, "Le sous-compte n'existe pas");
      }
      if (endpoint.endsWith('/add')) {
        if (data.milli < milli) {
          return error(8, 'Crédit insuffisant');
        }
        data.milli -= milli;
        sub.milli += milli;
      } else {
        if (sub.milli < milli) {
          return error(8, 'Crédit insuffisant');
        }
        sub.milli -= milli;
        data.milli += milli;
      }
      return { body: { ...ok, credit: data.milli / 1000, subaccountCredit: sub.milli / 1000, currency: 'EUR' } };
    }
    return featureAnswer() ?? { status: 404, body: { success: false, code: 404, message: 'Not found' } };
  }

  private statusAnswer(
    service: EmulatedService,
    id: string,
    rows: readonly RecipientRecord[],
  ): { body: Record<string, unknown> } {
    const ok = { success: true, code: 200 };
    if (service === 'mail') {
      return {
        body: {
          ...ok,
          messageId: id,
          StatutResponseList: rows.map((r) => ({
            email: r.recipient,
            token: r.token,
            status: r.status,
            cost: r.cost,
            stopMail: r.stop,
            date: r.date,
          })),
        },
      };
    }
    return {
      body: {
        ...ok,
        message_id: id,
        StatutResponse_List: rows.map((r) => ({
          phoneNumber: r.recipient,
          status: r.status,
          stopSMS: r.stop,
          date: r.date,
        })),
      },
    };
  }

  // ------------------------------------------------------------------ control API

  private control(method: string, action: string, body: string, res: ServerResponse): void {
    const input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    const done = (value: unknown = { ok: true }) => send(res, 200, 'application/json', JSON.stringify(value));
    if (action === 'faults' && method === 'POST') {
      this.inject(input as unknown as Fault);
      return done();
    }
    if (action === 'faults' && method === 'DELETE') {
      this.clearFaults();
      return done();
    }
    if (action === 'latency' && method === 'POST') {
      this.latencyMs = Number(input.ms ?? 0);
      return done();
    }
    if (action === 'reset' && method === 'POST') {
      this.reset();
      return done();
    }
    if (action === 'requests' && method === 'GET') {
      return done(this.requests);
    }
    if (action === 'rate-limit' && method === 'POST') {
      const limit = Number(input.limit ?? 0);
      this.rateLimit = limit > 0 ? { limit, windowMs: Number(input.windowMs ?? 60_000) } : undefined;
      this.recentByIp.clear();
      return done();
    }
    if (action === 'stats' && method === 'GET') {
      return done({ requests: this.requests.length, maxInFlight: this.maxInFlight });
    }
    if (action === 'subaccounts' && method === 'POST') {
      const service = input.service as EmulatedService;
      const count = Number(input.count);
      this.data[service].subaccounts = createServiceData(service, {
        smsSubaccounts: count,
        mailSubaccounts: count,
      }).subaccounts;
      return done();
    }
    if (action === 'message' && method === 'POST') {
      this.setMessage(input.service as EmulatedService, String(input.messageId), input.rows as RecipientRecord[]);
      return done();
    }
    if (action === 'account' && method === 'POST') {
      // Override what the account shows (hostile-text tests): username, sub-account emails.
      const data = this.data[input.service as EmulatedService];
      if (typeof input.username === 'string') {
        data.username = input.username;
      }
      if (Array.isArray(input.emails)) {
        (input.emails as string[]).forEach((email, i) => {
          if (data.subaccounts[i]) {
            data.subaccounts[i].email = email;
          }
        });
      }
      return done();
    }
    if (action === 'info' && method === 'GET') {
      return done({
        sms: { apiUrl: this.apiUrl('sms'), apiKey: this.apiKey('sms') },
        mail: { apiUrl: this.apiUrl('mail'), apiKey: this.apiKey('mail') },
      });
    }
    send(res, 404, 'text/plain', 'unknown control action');
  }
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Streams gzip of `mb` MiB of zeros, compressing as the client reads; stops when the client goes away. */
function sendGzipZeros(res: ServerResponse, mb: number): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
  const gzip = createGzip({ level: 9 });
  gzip.pipe(res);
  const chunk = Buffer.alloc(1024 * 1024);
  let left = mb;
  const pump = (): void => {
    while (left > 0 && !res.destroyed) {
      left--;
      if (!gzip.write(chunk)) {
        gzip.once('drain', pump);
        return;
      }
    }
    gzip.end();
  };
  res.on('close', () => gzip.destroy());
  pump();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
