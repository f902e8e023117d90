import type { PartnerError } from './partnerError';

// When a GET is tried again and how long it waits: reads only (actions are sent once,
// see transport.ts), transient failures and 429s each on their own budget.

export interface RetryPolicy {
  /** Extra attempts after the first on a network error or a 5xx, for GETs only. */
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A 429 asking to wait longer than this is not waited for. */
  readonly maxRetryAfterMs: number;
  /**
   * 429s (within `maxRetryAfterMs`) one GET waits out, counted apart from `retries`:
   * a 429 on the last attempt after two 502s is still waited for.
   */
  readonly rateLimitWaits: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  retries: 2,
  baseDelayMs: 300,
  maxDelayMs: 4000,
  maxRetryAfterMs: 30_000,
  rateLimitWaits: 3,
};
/** How much of each retry budget one GET has used. */
export interface Spent {
  transient: number;
  rateLimited: number;
  hops: number;
}

/** How long to wait before trying this GET again, charging the right budget; undefined to stop here. */
export function retryDelay(
  policy: RetryPolicy,
  outcome: { readonly answer: { readonly status: number } } | { readonly error: PartnerError },
  spent: Spent,
): number | undefined {
  const { retries, baseDelayMs, maxDelayMs } = policy;
  const backoff = (n: number) => Math.round(Math.min(maxDelayMs, baseDelayMs * 2 ** n) * (0.5 + Math.random() / 2));
  const transient = () => (spent.transient < retries ? backoff(spent.transient++) : undefined);
  if ('answer' in outcome) {
    return outcome.answer.status >= 500 ? transient() : undefined;
  }
  const { error } = outcome;
  if (error.kind === 'network') {
    return transient();
  }
  if (error.kind === 'rateLimited' && spent.rateLimited < policy.rateLimitWaits) {
    const asked = error.retryAfterMs ?? backoff(spent.rateLimited);
    if (asked <= policy.maxRetryAfterMs) {
      spent.rateLimited++;
      return Math.round(asked);
    }
  }
  return undefined;
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
