/**
 * Messages beyond their status: `message-cancel` (SMS and Mail), `message-status` (one
 * SMS recipient by number) and `bulk-status-by-tag` (SMS, paged), with the documented
 * answers and errors. Scheduled sends are kept per emulated account, so a reset starts over.
 */
import type { EmulatedService, RecipientRecord, ServiceData } from '../emulatorData';
import type { FeatureRoute, RouteContext } from './featureRoute';

/** Ids of the scheduled sample messages (both services). */
export const SCHEDULED_MESSAGES = {
  /** Scheduled two hours ahead: cancellable. */
  later: '5150',
  /** Scheduled three minutes ahead: too close to cancel (code 6). */
  soon: '5151',
  /** Cancelled already (code 5). */
  cancelled: '5152',
} as const;

/** Tags with sent messages: `promo-nov` spans three pages, `relance` one. */
export const SAMPLE_TAGS = { promo: 'promo-nov', relance: 'relance', empty: 'vide' } as const;
/** Recipients per page of `bulk-status-by-tag` (the docs do not say; the sub-account list's 20). */
export const TAG_PAGE_SIZE = 20;

interface Scheduled {
  sendAt: number;
  cancelled: boolean;
}

const scheduledOf = new WeakMap<ServiceData, Map<string, Scheduled>>();

/** The scheduled sends of an account, seeded on first use: each reset makes new data. */
function scheduled(data: ServiceData, service: EmulatedService): Map<string, Scheduled> {
  let map = scheduledOf.get(data);
  if (!map) {
    const now = Date.now();
    map = new Map([
      [SCHEDULED_MESSAGES.later, { sendAt: now + 2 * 3600_000, cancelled: false }],
      [SCHEDULED_MESSAGES.soon, { sendAt: now + 3 * 60_000, cancelled: false }],
      [SCHEDULED_MESSAGES.cancelled, { sendAt: now + 3600_000, cancelled: true }],
    ]);
    for (const [id, s] of map) {
      if (!data.messages.has(id)) {
        data.messages.set(id, scheduledRows(service, s.cancelled ? 'Cancelled' : 'Waiting'));
      }
    }
    scheduledOf.set(data, map);
  }
  return map;
}

function scheduledRows(service: EmulatedService, status: string): RecipientRecord[] {
  return [1, 2, 3].map((i) => ({
    recipient: service === 'sms' ? `+3361234567${i}` : `client.${i}@exemple.fr`,
    token: `sch${i}`,
    status,
    cost: service === 'sms' ? 0.045 : 1,
    stop: false,
    date: String(Math.floor(Date.now() / 1000)),
  }));
}

/** The scheduled samples' rows, so that `bulk-status` shows them before any cancel. */
export function seedScheduledMessages(data: ServiceData, service: EmulatedService): void {
  scheduled(data, service);
}

function cancel(ctx: RouteContext): ReturnType<FeatureRoute> {
  const id = ctx.param('messageId');
  if (!id) {
    return ctx.error(3, 'Le messageId est requis');
  }
  const plan = scheduled(ctx.data, ctx.service).get(id);
  if (!plan) {
    return ctx.data.messages.has(id)
      ? ctx.error(7, 'Vous ne pouvez pas annuler un envoi qui a déjà été envoyé')
      : ctx.error(4, 'Message introuvable');
  }
  if (plan.cancelled) {
    return ctx.error(5, "L'envoi a déjà été annulé");
  }
  if (plan.sendAt - Date.now() < 5 * 60_000) {
    return ctx.error(6, "Vous ne pouvez pas annuler un envoi moins de 5 minutes avant l'heure programmée");
  }
  plan.cancelled = true;
  for (const row of ctx.data.messages.get(id) ?? []) {
    row.status = 'Cancelled';
  }
  const message = ctx.service === 'sms' ? "L'envoi du SMS a été annulé." : "L'envoi de l'email a été annulé.";
  return { body: { ...ctx.ok, message } };
}

/** `+33612345671`, `0033612345671` and `0612345671` are one French number. */
function normalized(number: string): string {
  const n = number.replace(/[\s.\-()]/g, '').replace(/^00/, '+');
  return /^0\d{9}$/.test(n) ? `+33${n.slice(1)}` : n;
}

function dateTime(unixSeconds: string): string {
  const d = new Date(Number(unixSeconds) * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

function recipientStatus(ctx: RouteContext): ReturnType<FeatureRoute> {
  const id = ctx.param('messageId');
  const number = ctx.param('phoneNumber');
  if (!number) {
    return ctx.error(2, 'Le numéro de téléphone est requis');
  }
  if (!id) {
    return ctx.error(3, 'Le messageId est requis');
  }
  const n = normalized(number);
  if (!/^\+?\d{6,15}$/.test(n)) {
    return ctx.error(6, "Le format n'est pas correct");
  }
  if (/^\+33[1-59]/.test(n)) {
    return ctx.error(9, 'Ne semble pas être un numéro de mobile');
  }
  scheduled(ctx.data, ctx.service);
  const row = ctx.data.messages.get(id)?.find((r) => normalized(r.recipient) === n);
  if (!row) {
    return ctx.error(4, 'Message introuvable');
  }
  return {
    body: {
      ...ctx.ok,
      number: row.recipient,
      messageId: id,
      stopSms: row.stop,
      date: dateTime(row.date),
      statut: row.status,
      cost: row.cost,
      countryCode: 'FR',
      currency: 'EUR',
    },
  };
}

function tagRows(data: ServiceData, tag: string): RecipientRecord[] | undefined {
  switch (tag) {
    case SAMPLE_TAGS.promo:
      return data.messages.get('4242')?.slice(0, 45);
    case SAMPLE_TAGS.relance:
      return data.messages.get('777');
    case SAMPLE_TAGS.empty:
      return [];
    default:
      return undefined;
  }
}

function statusByTag(ctx: RouteContext): ReturnType<FeatureRoute> {
  const tag = ctx.param('tag');
  if (!tag) {
    return ctx.error(3, 'Le tag est requis');
  }
  const rows = tagRows(ctx.data, tag);
  if (!rows) {
    return ctx.error(4, 'Message introuvable');
  }
  const page = Math.max(1, Math.floor(Number(ctx.param('page') ?? '1')) || 1);
  const slice = rows.slice((page - 1) * TAG_PAGE_SIZE, page * TAG_PAGE_SIZE);
  return {
    body: {
      ...ctx.ok,
      currentPage: page,
      total: rows.length,
      StatutResponse_List: slice.map((r) => ({
        phoneNumber: r.recipient,
        status: r.status,
        stopSMS: r.stop,
        date: r.date,
      })),
    },
  };
}

export const messageRoutes: FeatureRoute = (ctx) => {
  if (ctx.subaccount || ctx.method !== 'GET') {
    return undefined;
  }
  switch (ctx.endpoint) {
    case '/message-cancel':
      return cancel(ctx);
    case '/message-status':
      return ctx.service === 'sms' ? recipientStatus(ctx) : undefined;
    case '/bulk-status-by-tag':
      return ctx.service === 'sms' ? statusByTag(ctx) : undefined;
    default:
      return undefined;
  }
};
