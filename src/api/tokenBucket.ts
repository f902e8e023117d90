/** A rate: `limit` requests per `windowMs`, with up to `burst` of them at once. */
export interface Rate {
  readonly limit: number;
  readonly windowMs: number;
  readonly burst: number;
}

/**
 * A token bucket that hands out reservations: `reserve` takes a token now (the
 * count may go below zero) and says how long to wait until that token exists, so
 * callers are served in the order they asked and never two for one token. Pure:
 * time comes in as arguments.
 */
export class TokenBucket {
  private tokens: number;
  /** Tokens are counted up to this instant; after a pause it lies in the future. */
  private stamp: number;
  private readonly perMs: number;

  constructor(
    private readonly rate: Rate,
    now: number,
  ) {
    if (!(rate.limit > 0 && rate.windowMs > 0 && rate.burst >= 1)) {
      throw new RangeError(`invalid rate ${JSON.stringify(rate)}`);
    }
    this.perMs = rate.limit / rate.windowMs;
    this.tokens = rate.burst;
    this.stamp = now;
  }

  /** Takes one token; resolves to the milliseconds to wait before using it (0 = now). */
  reserve(now: number): number {
    this.refill(now);
    this.tokens -= 1;
    return this.delayFor(this.tokens, now);
  }

  /** Gives back a token whose request was cancelled before it was sent. */
  release(now: number): void {
    this.refill(now);
    this.tokens = Math.min(this.rate.burst, this.tokens + 1);
  }

  /** No token before `until`, and only one then: what a 429 with Retry-After asks for. */
  pauseUntil(until: number, now: number): void {
    this.refill(now);
    if (until > this.stamp) {
      this.stamp = until;
      this.tokens = Math.min(this.tokens, 1);
    }
  }

  /** How long, from `now`, until `n` more tokens could be taken, without taking them. */
  waitForMs(n: number, now: number): number {
    this.refill(now);
    return this.delayFor(this.tokens - n, now);
  }

  /** The wait until the count, once at `balance`, is back to zero. */
  private delayFor(balance: number, now: number): number {
    const start = Math.max(0, this.stamp - now);
    return balance >= 0 ? start : start + Math.ceil(-balance / this.perMs);
  }

  private refill(now: number): void {
    if (now > this.stamp) {
      this.tokens = Math.min(this.rate.burst, this.tokens + (now - this.stamp) * this.perMs);
      this.stamp = now;
    }
  }
}
