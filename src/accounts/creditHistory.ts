import { createHash } from 'node:crypto';
import type * as vscode from 'vscode';
import type { ServiceId } from '../api';

/** One credit reading: when, the main count (SMS or e-mails) and the balance in the account's currency. */
export interface CreditPoint {
  readonly t: number;
  readonly count: number;
  readonly balance: number;
}

export const MAX_POINTS = 500;
/** Readings closer than this replace each other: a poll every minute should not fill the history. */
export const MIN_SPACING_MS = 15 * 60_000;
export const TREND_WINDOW_MS = 7 * 24 * 3_600_000;

/**
 * One provider account, named without its key and without its e-mail: a SHA-256
 * of the service and the username `/me` gives. The same account read with a new
 * key keeps its history; another account read with the same service does not mix.
 */
export interface AccountRef {
  readonly service: ServiceId;
  readonly id: string;
}

export function accountRef(service: ServiceId, username: string): AccountRef {
  const id = createHash('sha256').update(`${service}\n${username.trim().toLowerCase()}`).digest('hex');
  return { service, id };
}

const PREFIX = 'partnerExplorer.creditHistory';
const storageKey = (account: AccountRef) => `${PREFIX}.${account.service}.${account.id}`;

/**
 * Successful credit readings per account, kept in globalState (bounded; numbers
 * and times only, under a hashed account name: no key, no username), for the
 * status-bar trend and `Show Credit History`.
 */
export class CreditHistory {
  private readonly listeners = new Set<(service: ServiceId) => void>();

  constructor(private readonly memento: vscode.Memento) {}

  points(account: AccountRef): CreditPoint[] {
    const stored = this.memento.get<unknown>(storageKey(account));
    if (!Array.isArray(stored)) {
      return [];
    }
    return stored.filter(isPoint);
  }

  async record(account: AccountRef, count: number, balance: number, at = Date.now()): Promise<void> {
    const points = addPoint(this.points(account), { t: at, count, balance });
    await this.memento.update(storageKey(account), points);
    this.listeners.forEach((l) => l(account.service));
  }

  /** Forgets every reading of one account. */
  async forget(account: AccountRef): Promise<void> {
    await this.memento.update(storageKey(account), undefined);
    this.listeners.forEach((l) => l(account.service));
  }

  onDidChange(listener: (service: ServiceId) => void): vscode.Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}

function isPoint(p: unknown): p is CreditPoint {
  const q = p as CreditPoint | null;
  return (
    typeof q === 'object' &&
    q !== null &&
    Number.isFinite(q.t) &&
    Number.isFinite(q.count) &&
    Number.isFinite(q.balance)
  );
}

/**
 * Adds a reading in time order. Within MIN_SPACING_MS of the previous one it
 * replaces it, unless the one before that is also that close (a change is kept
 * as a step: old value, then new value); the oldest readings go beyond MAX_POINTS.
 */
export function addPoint(points: readonly CreditPoint[], point: CreditPoint): CreditPoint[] {
  const out = points.filter((p) => p.t <= point.t);
  const last = out[out.length - 1];
  if (last && point.t - last.t < MIN_SPACING_MS && last.count === point.count && last.balance === point.balance) {
    // Same values shortly after: nothing new to draw.
    return out.slice(-MAX_POINTS);
  }
  const beforeLast = out[out.length - 2];
  if (last && beforeLast && point.t - beforeLast.t < MIN_SPACING_MS) {
    out[out.length - 1] = point;
  } else {
    out.push(point);
  }
  return out.slice(-MAX_POINTS);
}

export interface CreditTrend {
  /** Change of the count over the window (negative: credits went down). */
  readonly change: number;
  /** Credits used per day over the window, top-ups left out; 0 when nothing was used. */
  readonly perDay: number;
  /** Length of the history the figures rest on. */
  readonly spanMs: number;
}

/** The trend over the last `windowMs`, or undefined with fewer than two readings an hour apart. */
export function creditTrend(
  points: readonly CreditPoint[],
  now = Date.now(),
  windowMs = TREND_WINDOW_MS,
): CreditTrend | undefined {
  const recent = points.filter((p) => p.t >= now - windowMs && p.t <= now);
  if (recent.length < 2) {
    return undefined;
  }
  const first = recent[0];
  const last = recent[recent.length - 1];
  const spanMs = last.t - first.t;
  if (spanMs < 3_600_000) {
    return undefined;
  }
  let used = 0;
  for (let i = 1; i < recent.length; i++) {
    // A top-up is not consumption: only falls count towards the burn rate.
    used += Math.max(0, recent[i - 1].count - recent[i].count);
  }
  return { change: last.count - first.count, perDay: used / (spanMs / 86_400_000), spanMs };
}

/** When the count will fall below `threshold` at the current burn rate; undefined if it will not, or already has. */
export function thresholdEta(
  current: number,
  threshold: number,
  trend: CreditTrend | undefined,
  now = Date.now(),
): Date | undefined {
  if (!trend || trend.perDay <= 0 || current <= threshold) {
    return undefined;
  }
  return new Date(now + ((current - threshold) / trend.perDay) * 86_400_000);
}
