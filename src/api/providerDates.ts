/**
 * The dates this client believes: 2000-01-01 (UTC) included to 2100-01-01 excluded.
 * A provider date outside is no Date; callers keep its text to show as it came.
 */
export const SANE_DATES = { fromMs: Date.UTC(2000, 0, 1), toMs: Date.UTC(2100, 0, 1) } as const;

/** Whether a time (ms since the epoch) is a date this client formats, sorts and exports. */
export function isSaneTime(ms: number): boolean {
  return Number.isFinite(ms) && ms >= SANE_DATES.fromMs && ms < SANE_DATES.toMs;
}

/** Unix seconds, possibly as text (`"1599061044"`), to a Date; undefined when absent, invalid or out of range. */
export function fromUnixSeconds(value: string | number | undefined): Date | undefined {
  if (value === undefined || value === '') {
    return undefined;
  }
  const seconds = typeof value === 'number' ? value : Number(value);
  return isSaneTime(seconds * 1000) ? new Date(seconds * 1000) : undefined;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;
const PROVIDER_TIME_ZONE = 'Europe/Paris';

/** The numbers of a `YYYY-MM-DD HH:MM:SS` text whose month, day and time exist; undefined otherwise. */
function dateTimeParts(text: string): number[] | undefined {
  const m = LOCAL_DATE_TIME.exec(text.trim());
  if (!m) {
    return undefined;
  }
  const parts = m.slice(1).map(Number);
  const [, mo, d, h, mi, s] = parts;
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && s <= 59 ? parts : undefined;
}

/** Whether text reads as the provider's `YYYY-MM-DD HH:MM:SS` (whatever the year). */
export function isProviderDateTime(text: string): boolean {
  return dateTimeParts(text) !== undefined;
}

/**
 * The provider's `YYYY-MM-DD HH:MM:SS` wall-clock time (Paris, where its servers
 * and customers are) to an absolute Date, whatever this machine's time zone;
 * undefined when it does not parse or is out of range (see SANE_DATES).
 */
export function fromProviderDateTime(text: string | undefined): Date | undefined {
  const parts = text ? dateTimeParts(text) : undefined;
  if (!parts) {
    return undefined;
  }
  const [y, mo, d, h, mi, s] = parts;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  // The Paris offset at that instant: compare the UTC guess with Paris' wall clock.
  const offset = zoneOffsetMs(asUtc);
  const first = asUtc - offset;
  // Around DST changes the offset at the corrected instant may differ: settle it.
  const corrected = asUtc - zoneOffsetMs(first);
  return isSaneTime(corrected) ? new Date(corrected) : undefined;
}

let parisFormat: Intl.DateTimeFormat | undefined;
/**
 * Paris offsets by UTC hour: Paris changes offset only on whole UTC hours, and a
 * page of sub-accounts or a status answer holds thousands of dates in a few hours
 * (formatToParts was a tenth of the CPU of reading 10,000 sub-accounts).
 */
const offsetByHour = new Map<number, number>();
const HOUR_MS = 3_600_000;
const MAX_CACHED_HOURS = 4096;

function zoneOffsetMs(utcMs: number): number {
  const hour = Math.floor(utcMs / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = parisOffsetMs(hour * HOUR_MS);
    if (offsetByHour.size >= MAX_CACHED_HOURS) {
      offsetByHour.clear();
    }
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** Paris' wall clock minus UTC at `utcMs`, from the platform's time-zone data. */
function parisOffsetMs(utcMs: number): number {
  parisFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: PROVIDER_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts: Record<string, number> = {};
  for (const p of parisFormat.formatToParts(new Date(utcMs))) {
    if (p.type !== 'literal') {
      parts[p.type] = Number(p.value);
    }
  }
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(utcMs / 1000) * 1000;
}
