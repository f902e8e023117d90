import { sleep } from './abortable';
import { TokenBucket, type Rate } from './tokenBucket';

/** A stricter rate for the requests whose path (after the API's base path) starts with `path`. */
export interface EndpointRule extends Rate {
  readonly path: string;
}

export interface PacerOptions {
  /** Every request to one origin (scheme, host and port). */
  readonly perOrigin: Rate;
  /** Endpoints with a stricter limit of their own, on top of the origin's. */
  readonly endpoints: readonly EndpointRule[];
}

/**
 * Network jitter a documented limit is kept clear of: a request sent on time may reach the
 * provider late, and the next one early.
 */
export const JITTER_MARGIN_MS = 2500;

/**
 * The pace for an endpoint the provider documents at `limit` requests per `windowMs`, letting
 * `burst` go at once: any `limit + 1` requests in a row span at least the window plus the
 * jitter margin. A token bucket lets `burst` through, then one every `interval`: `limit + 1`
 * requests span `(limit + 1 - burst) × interval`. For 5 a minute one at a time that is one every
 * 12.5 s (at 12 s, the sixth of 0, 12, … 60 s lands in the same minute as the first).
 */
export function documentedLimit(path: string, limit: number, windowMs: number, burst = 1): EndpointRule {
  return { path, limit: limit + 1 - burst, windowMs: windowMs + JITTER_MARGIN_MS, burst };
}

/**
 * The provider allows 2,000 requests a minute per IP address (the docs' error page), 5 a
 * minute for `statistics/cost-resume` and 360 for `lookup` (the number format check). We stay
 * under each with a margin. Per origin: a burst of 400 (what reading 8,000 sub-accounts takes,
 * at full speed) refilled at 1,500 a minute, so that in any minute at most 1,900 go out; a long
 * scan (a Find over 50,000 sub-accounts) then goes on at 25 pages a second.
 */
export const PROVIDER_PACE: PacerOptions = {
  perOrigin: { limit: 1500, windowMs: 60_000, burst: 400 },
  endpoints: [documentedLimit('statistics/cost-resume', 5, 60_000), documentedLimit('lookup', 360, 60_000, 10)],
};

/**
 * Spaces requests out per API origin, for everything that talks to it (tree,
 * status bar, panels, Find, live tracking, every account and sub-account client):
 * a token per request, taken before the request's own timeout starts. A 429 with
 * Retry-After pauses the whole origin, so nobody piles on while the provider asks
 * for quiet.
 */
export class Pacer {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly pausedUntil = new Map<string, number>();

  constructor(
    private readonly options: PacerOptions = PROVIDER_PACE,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Resolves when a request to `url` may go out. Rejects with `cancelled()` if a
   * signal aborts first; the token it held is given back.
   */
  async acquire(
    url: URL,
    basePath: string,
    signals: readonly (AbortSignal | undefined)[],
    cancelled: () => Error,
  ): Promise<void> {
    const origin = url.origin;
    const held = this.bucketsFor(origin, endpointPath(url, basePath));
    const at = this.now();
    const wait = Math.max(...held.map((b) => b.reserve(at)));
    try {
      await sleep(wait, signals, cancelled);
      // A 429 may have paused the origin while this one was waiting its turn.
      const pausedUntil = () => this.pausedUntil.get(origin) ?? 0;
      while (pausedUntil() > this.now()) {
        await sleep(pausedUntil() - this.now(), signals, cancelled);
      }
    } catch (err) {
      held.forEach((b) => b.release(this.now()));
      throw err;
    }
  }

  /** The provider asked this origin for quiet for `ms`: nobody sends before then. */
  pause(origin: string, ms: number): void {
    const at = this.now();
    const until = at + ms;
    if (until > (this.pausedUntil.get(origin) ?? 0)) {
      this.pausedUntil.set(origin, until);
    }
    for (const [key, bucket] of this.buckets) {
      if (key === origin || key.startsWith(`${origin} `)) {
        bucket.pauseUntil(until, at);
      }
    }
  }

  /**
   * An honest estimate of how long `n` more requests to `origin` (to the endpoint
   * `path`, if given) will take to be let through, given what is already waiting.
   */
  estimateWaitMs(origin: string, n: number, path = ''): number {
    if (n <= 0) {
      return 0;
    }
    const at = this.now();
    const paused = Math.max(0, (this.pausedUntil.get(origin) ?? 0) - at);
    return Math.max(paused, ...this.bucketsFor(origin, path).map((b) => b.waitForMs(n, at)));
  }

  private bucketsFor(origin: string, path: string): TokenBucket[] {
    const held = [this.bucket(origin, this.options.perOrigin)];
    for (const rule of this.options.endpoints) {
      if (path.startsWith(rule.path)) {
        held.push(this.bucket(`${origin} ${rule.path}`, rule));
      }
    }
    return held;
  }

  private bucket(key: string, rate: Rate): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(rate, this.now());
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}

/** The request's path below the API's base path: `https://h/v1/statistics/x?…` → `statistics/x`. */
function endpointPath(url: URL, basePath: string): string {
  const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
  return path.replace(/^\/+/, '');
}

/** The one pacer every client in this process shares unless told otherwise (tests give their own). */
export const sharedPacer = new Pacer();
