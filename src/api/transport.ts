import type { RequestInit } from 'node-fetch';
import { linkAbort } from './abortSignals';
import { PartnerError } from './partnerError';
import { maskApiKeyParams } from './redact';
import type { PartnerLogger, ResponseFormat, ServiceId } from './types';

// node-fetch (and the Node modules it pulls in) is evaluated on the first request,
// not when the extension activates: activation never waits for the network.
let fetchModule: Promise<typeof import('node-fetch')> | undefined;
const loadFetch = () => (fetchModule ??= import('node-fetch'));

export interface RetryPolicy {
  /** Extra attempts after the first, for GETs only. */
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A 429 asking to wait longer than this is not waited for. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 300, maxDelayMs: 4000, maxRetryAfterMs: 30_000 };
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface TransportOptions {
  readonly service: ServiceId;
  /** e.g. `https://api.smspartner.fr/v1` */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly format?: ResponseFormat;
  /** Per attempt, headers and body included. */
  readonly timeoutMs?: number;
  /** Cancels every request of this client (e.g. on deactivation). */
  readonly signal?: AbortSignal;
  readonly logger?: PartnerLogger;
  readonly retry?: Partial<RetryPolicy>;
  readonly userAgent?: string;
}

export interface RawAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

type Outcome = { answer: RawAnswer } | { error: PartnerError };

/**
 * Sends one logical request: the key in the query (GET) or JSON body (POST), a
 * timeout per attempt, cancellation, and bounded retries with backoff for GETs on
 * network errors, 5xx and 429. POSTs move money and are never retried.
 */
export class Transport {
  readonly service: ServiceId;
  readonly format: ResponseFormat;
  readonly host: string;
  private readonly base: URL;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: TransportOptions) {
    this.service = options.service;
    this.format = options.format ?? 'json';
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    this.host = this.base.host;
  }

  get apiKey(): string {
    return this.options.apiKey;
  }

  async get(path: string, params: Record<string, string>, signal?: AbortSignal): Promise<RawAnswer> {
    const url = this.url(path);
    for (const [k, v] of Object.entries(params)) {
      url.searchParams.set(k, v);
    }
    url.searchParams.set('apiKey', this.options.apiKey);
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt('GET', url, { method: 'GET' }, signal);
      const wait = this.retryDelay(outcome, attempt);
      if (wait === undefined) {
        if ('error' in outcome) {
          throw outcome.error;
        }
        return outcome.answer;
      }
      this.options.logger?.info(`retrying GET ${this.describe(url)} in ${wait} ms`);
      await sleep(wait, [signal, this.options.signal], () => this.error({ kind: 'cancelled' }));
    }
  }

  async post(path: string, body: Record<string, string>, signal?: AbortSignal): Promise<RawAnswer> {
    const url = this.url(path);
    const init: RequestInit = {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ apiKey: this.options.apiKey, ...body }),
    };
    const outcome = await this.attempt('POST', url, init, signal);
    if ('error' in outcome) {
      throw outcome.error;
    }
    return outcome.answer;
  }

  private url(path: string): URL {
    const url = new URL(path.replace(/^\//, ''), this.base);
    url.searchParams.set('_format', this.format);
    return url;
  }

  private describe(url: URL): string {
    return maskApiKeyParams(`${url.pathname}${url.search}`);
  }

  private error(init: Omit<ConstructorParameters<typeof PartnerError>[0], 'service' | 'host'>): PartnerError {
    return new PartnerError({ service: this.service, host: this.host, timeoutMs: this.timeoutMs, ...init });
  }

  private async attempt(method: string, url: URL, init: RequestInit, signal: AbortSignal | undefined): Promise<Outcome> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const unlink = linkAbort(controller, [signal, this.options.signal]);
    const started = Date.now();
    const log = (outcome: string, level: 'info' | 'warn' = 'info') =>
      this.options.logger?.[level](`${method} ${this.describe(url)} → ${outcome} in ${Date.now() - started} ms`);
    try {
      if (controller.signal.aborted) {
        return { error: this.error({ kind: 'cancelled' }) };
      }
      const { default: fetch } = await loadFetch();
      const res = await fetch(url.toString(), {
        ...init,
        headers: { Accept: this.format === 'xml' ? 'application/xml' : 'application/json', ...(this.options.userAgent ? { 'User-Agent': this.options.userAgent } : {}), ...(init.headers as Record<string, string> | undefined) },
        signal: controller.signal,
        redirect: 'follow',
        compress: true,
      });
      // The timeout also covers the body: a server may send headers and then hang.
      const body = await res.text();
      const answer: RawAnswer = { status: res.status, contentType: res.headers.get('content-type') ?? '', body };
      if (res.status === 429) {
        const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
        log(`HTTP 429${retryAfterMs !== undefined ? ` (retry after ${retryAfterMs} ms)` : ''}`, 'warn');
        return { error: this.error({ kind: 'rateLimited', status: 429, retryAfterMs }) };
      }
      log(`HTTP ${res.status}`, res.status >= 400 ? 'warn' : 'info');
      return { answer };
    } catch (err) {
      if (timedOut) {
        log(`timed out after ${this.timeoutMs} ms`, 'warn');
        return { error: this.error({ kind: 'timeout' }) };
      }
      if (controller.signal.aborted) {
        log('cancelled');
        return { error: this.error({ kind: 'cancelled' }) };
      }
      const systemCode = systemCodeOf(err);
      log(`network error ${systemCode ?? ''}`.trim(), 'warn');
      return { error: this.error({ kind: 'network', systemCode }) };
    } finally {
      clearTimeout(timer);
      unlink();
    }
  }

  /** How long to wait before retrying this GET outcome, or undefined to stop here. */
  private retryDelay(outcome: Outcome, attempt: number): number | undefined {
    if (attempt >= this.retry.retries) {
      return undefined;
    }
    const backoff = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** attempt) * (0.5 + Math.random() / 2);
    if ('answer' in outcome) {
      return outcome.answer.status >= 500 ? Math.round(backoff) : undefined;
    }
    const { error } = outcome;
    if (error.kind === 'network') {
      return Math.round(backoff);
    }
    if (error.kind === 'rateLimited') {
      const asked = error.retryAfterMs ?? backoff;
      return asked <= this.retry.maxRetryAfterMs ? Math.round(asked) : undefined;
    }
    return undefined;
  }
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) {
    return undefined;
  }
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    return Math.round(Number(trimmed) * 1000);
  }
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function systemCodeOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; errno?: unknown; cause?: { code?: unknown } } | undefined;
  const code = e?.code ?? e?.errno ?? e?.cause?.code;
  return typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : undefined;
}

function sleep(ms: number, signals: (AbortSignal | undefined)[], cancelled: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    const controller = new AbortController();
    const unlink = linkAbort(controller, signals);
    if (controller.signal.aborted) {
      unlink();
      reject(cancelled());
      return;
    }
    const timer = setTimeout(() => {
      unlink();
      resolve();
    }, ms);
    controller.signal.addEventListener('abort', () => {
      clearTimeout(timer);
      unlink();
      reject(cancelled());
    });
  });
}
