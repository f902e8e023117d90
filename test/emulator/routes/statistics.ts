/**
 * `statistics/cost-resume` (SMS Partner): messages sent and cost per month, with
 * deterministic figures, and the documented 5 requests a minute (HTTP 429 past them).
 */
import { formatMilli, type ServiceData } from '../emulatorData';
import type { FeatureRoute, RouteContext } from './featureRoute';

export const COST_RESUME_LIMIT = 5;
export const COST_RESUME_WINDOW_MS = 60_000;

/** Request times per account's data: a reset of the emulator makes new data, and a new window. */
const recent = new WeakMap<ServiceData, number[]>();

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Messages sent in a month: the same figure every run. */
export function sentIn(year: number, month: number): number {
  return 200 + (((year * 12 + month) * 7919) % 2800);
}

/** Cost in thousandths of a euro: 0.045 € a message. */
export function costMilliIn(year: number, month: number): number {
  return sentIn(year, month) * 45;
}

function parseDay(text: string | undefined): Date | undefined {
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(text ?? '');
  return m ? new Date(Number(m[3]), Number(m[2]) - 1, Number(m[1])) : undefined;
}

function monthsBetween(from: Date, to: Date): [number, number][] {
  const out: [number, number][] = [];
  for (
    let y = from.getFullYear(), m = from.getMonth();
    y < to.getFullYear() || (y === to.getFullYear() && m <= to.getMonth());
  ) {
    out.push([y, m + 1]);
    m++;
    if (m === 12) {
      m = 0;
      y++;
    }
  }
  return out;
}

function costResume(ctx: RouteContext) {
  const at = Date.now();
  const times = (recent.get(ctx.data) ?? []).filter((t) => t > at - COST_RESUME_WINDOW_MS);
  recent.set(ctx.data, times);
  if (times.length >= COST_RESUME_LIMIT) {
    return ctx.error(429, 'Trop de requêtes : 5 par minute', 429);
  }
  times.push(at);
  const today = new Date(at);
  const interval = ctx.param('interval');
  let months: [number, number][];
  if (interval === 'last_month') {
    months = monthsBetween(
      new Date(today.getFullYear(), today.getMonth() - 1, 1),
      new Date(today.getFullYear(), today.getMonth() - 1, 1),
    );
  } else if (interval === 'last_twelve_months') {
    months = monthsBetween(new Date(today.getFullYear(), today.getMonth() - 11, 1), today);
  } else if (interval === 'custom') {
    const from = parseDay(ctx.param('from'));
    const to = parseDay(ctx.param('to'));
    if (!from || !to || from > to) {
      return ctx.error(2, 'Les dates from et to sont requises (jj-mm-aaaa)');
    }
    months = monthsBetween(from, to);
  } else {
    return ctx.error(2, "L'intervalle est requis");
  }
  return {
    body: {
      success: true,
      code: 200,
      datas: months.map(([year, m]) => ({
        month: MONTHS[m - 1],
        year: String(year),
        m: String(m),
        date: String(Math.floor(new Date(year, m - 1, 1).getTime() / 1000)),
        type: 'month',
        cost: formatMilli(costMilliIn(year, m)),
        nb_send: String(sentIn(year, m)),
      })),
    },
  };
}

export const statisticsRoute: FeatureRoute = (ctx) => {
  if (ctx.service !== 'sms' || ctx.subaccount || ctx.endpoint !== '/statistics/cost-resume' || ctx.method !== 'GET') {
    return undefined;
  }
  return costResume(ctx);
};
