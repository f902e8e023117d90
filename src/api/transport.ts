import { linkAbort, sleep } from './abortable';
import { readBounded } from './boundedBody';
import { exchange, type HttpAnswer } from './httpExchange';
import { sharedPacer, type Pacer } from './pacer';
import { PartnerError } from './partnerError';
import { decideRedirect, type RedirectDecision } from './redirectPolicy';
import { maskApiKeyParams, redactSecrets } from './redact';
import { DEFAULT_RETRY, parseRetryAfter, retryDelay, type RetryPolicy, type Spent } from './retryPolicy';
import { attemptFailure } from './attemptFailure';
import type { Outgoing, RawAnswer, TransportOptions } from './transportOptions';
import type { ResponseFormat, ServiceId } from './types';

export type { RawAnswer, TransportOptions };

export const DEFAULT_TIMEOUT_MS = 10_000;

type Outcome = { answer: RawAnswer } | { error: PartnerError } | { follow: URL };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'PartnerExplorer (VS Code extension)';

/**
 * Sends one logical request: the key in the query (GET) or JSON body (POST), a turn
 * from the pacer, a timeout per attempt, cancellation, bounded answers, redirects
 * only within the origin, and bounded retries for GETs (network errors and 5xx on
 * one budget, 429s on another). POSTs move money: never retried, never re-sent.
 */
export class Transport {
  readonly service: ServiceId;
  readonly format: ResponseFormat;
  readonly host: string;
  private readonly base: URL;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly pacer: Pacer;

  constructor(private readonly options: TransportOptions) {
    this.service = options.service;
    this.format = options.format ?? 'json';
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.pacer = options.pacer ?? sharedPacer;
    this.base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    this.host = this.base.host;
  }

  get apiKey(): string {
    return this.options.apiKey;
  }

  /** Scheme, host and port of the API: what the pacer counts requests against. */
  get origin(): string {
    return this.base.origin;
  }

  /** How long `n` more requests (to `endpoint`, e.g. `subaccount/list`) will wait for their turn. */
  estimateWaitMs(n: number, endpoint = ''): number {
    return this.pacer.estimateWaitMs(this.origin, n, endpoint);
  }

  async get(path: string, params: Record<string, string>, signal?: AbortSignal): Promise<RawAnswer> {
    let url = this.url(path);
    for (const [k, v] of Object.entries(params)) {
      url.searchParams.set(k, v);
    }
    url.searchParams.set('apiKey', this.options.apiKey);
    const spent: Spent = { transient: 0, rateLimited: 0, hops: 0 };
    for (;;) {
      await this.takeTurn(url, signal);
      const outcome = await this.attempt(url, { method: 'GET', keepConnection: true }, signal, spent.hops);
      if ('follow' in outcome) {
        spent.hops++;
        url = outcome.follow;
        continue;
      }
      const wait = retryDelay(this.retry, outcome, spent);
      if (wait === undefined) {
        if ('error' in outcome) {
          throw outcome.error;
        }
        return outcome.answer;
      }
      if ('error' in outcome && outcome.error.kind === 'rateLimited') {
        // Everyone talking to this origin waits, not just this request: nobody piles on.
        this.options.logger?.info(`rate limited: every request to ${this.host} waits ${wait} ms`);
        this.pacer.pause(this.origin, wait);
      } else {
        this.options.logger?.info(`retrying GET ${this.describe(url)} in ${wait} ms`);
        await sleep(wait, [signal, this.options.signal], () => this.error({ kind: 'cancelled' }));
      }
    }
  }

  /**
   * A GET that acts on the account (the provider puts some actions, such as cancelling a
   * scheduled send or editing the STOP list, behind GET): one attempt, never retried and
   * never redirected, like a POST. A failure after sending leaves the outcome unknown: the
   * caller says so and re-reads.
   */
  async getOnce(path: string, params: Record<string, string>, signal?: AbortSignal): Promise<RawAnswer> {
    const url = this.url(path);
    for (const [k, v] of Object.entries(params)) {
      url.searchParams.set(k, v);
    }
    url.searchParams.set('apiKey', this.options.apiKey);
    await this.takeTurn(url, signal);
    return this.once(await this.attempt(url, { method: 'GET' }, signal, 0));
  }

  /**
   * Sent once, never retried (sends, transfers, creations): see `getOnce`. Any JSON body.
   * `method` DELETE for the one endpoint the docs put behind it with a JSON body (`subaccount/remove`).
   */
  async post(
    path: string,
    body: Readonly<Record<string, unknown>>,
    signal?: AbortSignal,
    method: 'POST' | 'DELETE' = 'POST',
  ): Promise<RawAnswer> {
    const url = this.url(path);
    const request: Outgoing = {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ apiKey: this.options.apiKey, ...body }),
    };
    await this.takeTurn(url, signal);
    return this.once(await this.attempt(url, request, signal, 0));
  }

  private once(outcome: Outcome): RawAnswer {
    if ('error' in outcome) {
      throw outcome.error;
    }
    if ('follow' in outcome) {
      // An action is never sent twice, not even to the address a redirect names.
      throw this.error({ kind: 'redirect', redirect: { refuse: 'notGet', target: outcome.follow.origin } });
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

  /** Waits for the pacer's go; this wait is not part of any attempt's timeout. */
  private async takeTurn(url: URL, signal: AbortSignal | undefined): Promise<void> {
    const started = Date.now();
    // Still waiting for a turn: nothing has left the machine.
    const cancelled = () => this.error({ kind: 'cancelled', written: false });
    await this.pacer.acquire(url, this.base.pathname, [signal, this.options.signal], cancelled);
    const waited = Date.now() - started;
    if (waited >= 1000) {
      this.options.logger?.info(`${this.describe(url)} waited ${waited} ms for its turn (request pacing)`);
    }
  }

  private async attempt(url: URL, request: Outgoing, signal: AbortSignal | undefined, hops: number): Promise<Outcome> {
    const { method } = request;
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
    // From the exchange's start the request may be on the wire: a cancellation after it
    // leaves an action's outcome unknown. The one spot that says so (see PartnerError.written).
    let written = false;
    try {
      if (controller.signal.aborted) {
        return { error: this.error({ kind: 'cancelled', written }) };
      }
      written = true;
      // Nothing is followed here: a redirect is decided below, so the key (query or body) never
      // goes where a Location says without the redirect policy's consent.
      const res = await exchange(url, {
        method,
        headers: {
          Accept: this.format === 'xml' ? 'application/xml' : 'application/json',
          'User-Agent': USER_AGENT,
          ...request.headers,
        },
        body: request.body,
        signal: controller.signal,
        keepConnection: request.keepConnection ?? false,
      });
      if (REDIRECT_STATUSES.has(res.status)) {
        return this.redirected(method, url, res, hops, log);
      }
      // The timeout also covers the body: a server may send headers and then hang.
      const body = await readBounded(res.body);
      const answer: RawAnswer = { status: res.status, body };
      if (res.status === 429) {
        const retryAfterMs = parseRetryAfter(res.header('retry-after') ?? null);
        log(`HTTP 429${retryAfterMs !== undefined ? ` (retry after ${retryAfterMs} ms)` : ''}`, 'warn');
        return { error: this.error({ kind: 'rateLimited', status: 429, retryAfterMs }) };
      }
      log(`HTTP ${res.status}`, res.status >= 400 ? 'warn' : 'info');
      return { answer };
    } catch (err) {
      const { log: line, ...failure } = attemptFailure(err, {
        timedOut,
        aborted: controller.signal.aborted,
        timeoutMs: this.timeoutMs,
      });
      log(line, failure.kind === 'cancelled' ? 'info' : 'warn');
      return { error: this.error(failure.kind === 'cancelled' ? { kind: 'cancelled', written } : failure) };
    } finally {
      clearTimeout(timer);
      unlink();
    }
  }

  /** A 3xx: the next URL for a same-origin GET, a refusal otherwise. Its body is not read. */
  private redirected(
    method: string,
    url: URL,
    res: HttpAnswer,
    hops: number,
    log: (outcome: string, level?: 'info' | 'warn') => void,
  ): Outcome {
    res.body.destroy();
    const decision: RedirectDecision = decideRedirect(url, res.header('location') ?? null, method, hops);
    if ('follow' in decision) {
      log(`HTTP ${res.status}, redirect to ${this.describe(decision.follow)} followed`);
      return decision;
    }
    // The Location is the server's text: keep only its origin, and never a key in it.
    const target = decision.target === undefined ? undefined : redactSecrets(decision.target, [this.options.apiKey]);
    log(`HTTP ${res.status}, redirect to ${target ?? 'an invalid address'} refused`, 'warn');
    const redirect = { refuse: decision.refuse, target };
    return { error: this.error({ kind: 'redirect', status: res.status, redirect }) };
  }
}
