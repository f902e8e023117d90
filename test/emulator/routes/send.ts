/**
 * `POST /send` on both services (the provider's *Sending SMS* and *Sending Emails* pages):
 * sandbox sends (nothing charged) and real ones (the balance and the credit count go
 * down by the cost; too little credit is code 11), the documented refusals (code 9 with
 * its `errors` list, STOP-listed number 14, invalid address 19, …) and scheduled sends.
 * Each accepted send becomes a message whose recipients start `Waiting` and, from the
 * second status read on, are delivered one per read: the status panel tracks it live.
 * "IP not authorized" (96) is the emulator's `apiError` fault on `/send`.
 */
import type { RecipientRecord, ServiceData } from '../emulatorData';
import type { FeatureRoute, RouteAnswer, RouteContext } from './featureRoute';
import { isOnStopList } from './stop';

/** Recipients the emulated provider refuses: on the STOP SMS list, on the Mail unsubscribe list. */
export const SEND_TEST_RECIPIENTS = {
  stopListed: '+33699999914',
  unsubscribed: 'desinscrit@exemple.fr',
} as const;

/** Prices of the emulated account, thousandths of a euro: the SMS page's sample cost (0.038). */
const SMS_MILLI = 38;
const MAIL_MILLI = 10;

let nextId = 70_000;

function parts(text: string, unicode: boolean): number {
  const [single, part] = unicode ? [70, 67] : [160, 153];
  return text.length <= single ? 1 : Math.ceil(text.length / part);
}

function flag(ctx: RouteContext, name: string): boolean {
  const v = ctx.param(name);
  return v === '1' || v === 'true';
}

interface Planned {
  readonly answer?: RouteAnswer;
  readonly text?: string;
}

/** The schedule fields, checked as the SMS page's code 9 list does; the answer's date text when fine. */
function schedule(ctx: RouteContext): Planned {
  const date = ctx.param('scheduledDeliveryDate');
  if (date === undefined || date === '') {
    return {};
  }
  const errors: { elementId: string; message: string }[] = [];
  const time = ctx.param('time');
  const minute = ctx.param('minute');
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(date);
  if (time === undefined) {
    errors.push({ elementId: 'children[time].data', message: 'The time is required' });
  }
  if (minute === undefined) {
    errors.push({ elementId: 'children[minute].data', message: 'The minute is required' });
  }
  if (!m) {
    return { answer: ctx.error(49, 'La date est invalide') };
  }
  if (errors.length > 0) {
    return { answer: { body: { success: false, code: 9, errors } } };
  }
  if (Number(minute) % 5 !== 0) {
    return { answer: ctx.error(48, 'Les minutes doivent être comprises entre 5 et 55 par intervalle de 5 minutes') };
  }
  const at = Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(time), Number(minute));
  if (at < Date.now()) {
    const message = `The date (${date} at ${time}:${minute}) is earlier than the current date.`;
    return {
      answer: {
        body: { success: false, code: 9, errors: [{ elementId: 'children[scheduledDeliveryDate].data', message }] },
      },
    };
  }
  const pad = (n: string | undefined) => String(n ?? '0').padStart(2, '0');
  return { text: `${m[3]}-${m[2]}-${m[1]} ${pad(time)}:${pad(minute)}:00` };
}

/** A new message: recipients waiting; unless scheduled, one is delivered per status read from the second on. */
function createMessage(data: ServiceData, recipients: readonly string[], unitCost: number, scheduled: boolean): string {
  const id = String(nextId++);
  const now = Math.floor(Date.now() / 1000);
  const rows: RecipientRecord[] = recipients.map((recipient, i) => ({
    recipient,
    token: `send${id}x${i + 1}`,
    status: 'Waiting',
    cost: unitCost,
    stop: false,
    date: String(now),
  }));
  data.messages.set(id, rows);
  if (!scheduled) {
    let reads = 0;
    data.statusMovers.set(id, (list) => {
      reads++;
      const waiting = list.find((r) => r.status === 'Waiting');
      if (reads > 1 && waiting) {
        waiting.status = 'Delivered';
        waiting.date = String(Math.floor(Date.now() / 1000));
      }
    });
  }
  return id;
}

/** Charges a real send; a sandbox one costs nothing. `undefined` when the credit is too low. */
function charge(data: ServiceData, milli: number, units: number, countKey: string, sandbox: boolean): boolean {
  if (sandbox) {
    return true;
  }
  if (data.milli < milli) {
    return false;
  }
  data.milli -= milli;
  if (typeof data.counts[countKey] === 'number') {
    data.counts[countKey] = Math.max(0, data.counts[countKey] - units);
  }
  return true;
}

function sendSms(ctx: RouteContext): RouteAnswer {
  const numbers = (ctx.param('phoneNumbers') ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const message = ctx.param('message') ?? '';
  const sender = ctx.param('sender');
  if (numbers.length === 0) {
    return ctx.error(2, 'Le champ phoneNumbers est requis');
  }
  if (numbers.length > 500) {
    return ctx.error(50, 'Le nombre de numéros autorisés est de 500 maximum');
  }
  const errors: { elementId: string; message: string }[] = [];
  if (message.trim() === '') {
    errors.push({ elementId: 'children[message].data', message: 'The message is required' });
  }
  for (const n of numbers) {
    if (!/^(\+[1-9]\d{7,14}|0\d{9})$/.test(n)) {
      errors.push({ elementId: 'children[phoneNumbers].data', message: `This phone number is not valid (${n})` });
    }
  }
  if (sender !== undefined && sender.length > 11) {
    errors.push({ elementId: 'children[sender].data', message: 'The sender cannot be longer than 11 characters' });
  }
  if (errors.length > 0) {
    return { body: { success: false, code: 9, errors } };
  }
  if (sender !== undefined && (sender.length < 3 || !/^[A-Za-z0-9 ]+$/.test(sender))) {
    return ctx.error(44, "L'émetteur est invalide");
  }
  const planned = schedule(ctx);
  if (planned.answer) {
    return planned.answer;
  }
  const stopped = numbers.find((n) => isOnStopList(ctx.data, n));
  if (stopped) {
    return ctx.error(14, `Le numéro ${stopped} est dans la liste STOP SMS`);
  }
  const unicode = flag(ctx, 'isUnicode');
  const text = flag(ctx, 'isStopSms') ? `${message} STOP SMS 36111` : message;
  const perRecipient = parts(text, unicode);
  if (perRecipient > 10) {
    return ctx.error(52, 'Le nombre de SMS concaténés ne peut pas dépasser 10 SMS');
  }
  const nbSms = perRecipient * numbers.length;
  const milli = nbSms * SMS_MILLI;
  const sandbox = flag(ctx, 'sandbox');
  if (!charge(ctx.data, milli, nbSms, 'creditSms', sandbox)) {
    return ctx.error(11, 'Crédit insuffisant');
  }
  const id = createMessage(ctx.data, numbers, (perRecipient * SMS_MILLI) / 1000, planned.text !== undefined);
  const body: Record<string, unknown> = {
    ...ctx.ok,
    message_id: Number(id),
    nb_sms: nbSms,
    cost: milli / 1000,
    currency: 'EUR',
  };
  // As the provider's SMS answer recorded by its Go SDK: the accepted time of a scheduled send.
  if (planned.text) {
    body.scheduledDeliveryDate = planned.text;
  }
  return { body };
}

function recipientsOf(json: Record<string, unknown>): unknown[] | undefined {
  const params = json.params as { to?: unknown } | undefined;
  const to = params?.to ?? json.to;
  return Array.isArray(to) ? to : undefined;
}

function sendMail(ctx: RouteContext): RouteAnswer {
  const html = ctx.param('htmlContent') ?? '';
  if (html.trim() === '') {
    return ctx.error(2, 'Le contenu du mail est requis');
  }
  const to = recipientsOf(ctx.json);
  if (!to || to.length === 0) {
    return ctx.error(22, 'La liste des destinataires est requise');
  }
  if (to.length > 500) {
    return ctx.error(50, 'Le nombre de mails autorisés est de 500 maximum');
  }
  const emails: string[] = [];
  for (const r of to) {
    const email = typeof r === 'object' && r !== null ? (r as { email?: unknown }).email : undefined;
    if (typeof email !== 'string' || email.trim() === '') {
      return ctx.error(18, "L'email du destinataire est requis");
    }
    if (!/^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/.test(email)) {
      return ctx.error(19, "L'email du destinataire semble invalide");
    }
    emails.push(email);
  }
  const planned = schedule(ctx);
  if (planned.answer) {
    return planned.answer;
  }
  if (emails.includes(SEND_TEST_RECIPIENTS.unsubscribed)) {
    return ctx.error(14, 'Le mail est dans la liste des désinscrits');
  }
  const milli = emails.length * MAIL_MILLI;
  const sandbox = flag(ctx, 'sandbox');
  if (!charge(ctx.data, milli, emails.length, 'creditMail', sandbox)) {
    return ctx.error(11, 'Crédit insuffisant');
  }
  const id = createMessage(ctx.data, emails, MAIL_MILLI / 1000, planned.text !== undefined);
  const body: Record<string, unknown> = {
    ...ctx.ok,
    messageId: id,
    nbMail: emails.length,
    cost: milli / 1000,
    currency: 'EUR',
  };
  if (planned.text) {
    body.scheduledDeliveryDate = planned.text;
  }
  return { body };
}

export const sendRoute: FeatureRoute = (ctx) => {
  if (ctx.endpoint !== '/send' || ctx.method !== 'POST' || ctx.subaccount) {
    return undefined;
  }
  return ctx.service === 'sms' ? sendSms(ctx) : sendMail(ctx);
};
