/**
 * The SMS STOP list (`stop-sms/list`, `stop-sms/add`, `stop-sms/delete`) and the free number
 * format check (`lookup`), as their pages document them. The list is paged by the emulator
 * (`page`, STOP_PAGE_SIZE a page) to exercise the client's paging; the provider's page
 * shows no paging, and the client stops when a page repeats the previous one.
 */
import { checkPhoneNumber } from '../../../src/api/phoneNumber';
import type { ServiceData } from '../emulatorData';
import type { FeatureRoute, RouteAnswer, RouteContext } from './featureRoute';
import { SEND_TEST_RECIPIENTS } from './send';

export const STOP_PAGE_SIZE = 50;
/** Numbers on the list at start: two pages. The send route's STOP-listed test number is among them. */
export const STOP_SEED = 60;

interface StopRecord {
  id: number;
  phoneNumber: string;
  createdAt: string;
}

const lists = new WeakMap<ServiceData, { records: StopRecord[]; nextId: number }>();

function listOf(data: ServiceData): { records: StopRecord[]; nextId: number } {
  let list = lists.get(data);
  if (!list) {
    const records: StopRecord[] = [
      { id: 1, phoneNumber: SEND_TEST_RECIPIENTS.stopListed, createdAt: '2025-03-02 09:15:00' },
    ];
    for (let i = 2; i <= STOP_SEED; i++) {
      records.push({
        id: i,
        phoneNumber: `+3361100${String(i).padStart(4, '0')}`,
        createdAt: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00`,
      });
    }
    list = { records, nextId: STOP_SEED + 1 };
    lists.set(data, list);
  }
  return list;
}

/** Whether a number is on the account's STOP list (for the send route). */
export function isOnStopList(data: ServiceData, e164: string): boolean {
  return listOf(data).records.some((r) => r.phoneNumber === e164);
}

function now(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function lookupRow(asked: string): Record<string, unknown> {
  const checked = checkPhoneNumber(asked);
  if (!checked.ok || !/^\+33[67]/.test(checked.e164)) {
    // As the provider answers (recorded by its Go SDK): the refusal in its words.
    return { request: asked, success: false, message: "Le numéro de téléphone est vide ou n'est pas valide." };
  }
  const n = checked.e164.slice(3);
  const national = `0${n.slice(0, 1)} ${n.slice(1, 3)} ${n.slice(3, 5)} ${n.slice(5, 7)} ${n.slice(7, 9)}`;
  return {
    request: asked,
    success: true,
    countryCode: 'France',
    prefixCode: 33,
    phoneNumber: checked.e164,
    type: 'Mobile',
    network: '',
    format: {
      e164: checked.e164,
      international: `+33 ${national.slice(1)}`,
      national,
      rfc3966: `tel:+33-${national.slice(1).replace(/ /g, '-')}`,
    },
  };
}

function answer(ctx: RouteContext): RouteAnswer | undefined {
  const { endpoint, method } = ctx;
  if (ctx.service !== 'sms') {
    return undefined;
  }
  const list = listOf(ctx.data);
  if (endpoint === '/stop-sms/list' && method === 'GET') {
    const page = Math.max(1, Math.floor(Number(ctx.param('page') ?? '1')) || 1);
    const data = list.records.slice((page - 1) * STOP_PAGE_SIZE, page * STOP_PAGE_SIZE);
    return { body: { ...ctx.ok, nbData: data.length, data } };
  }
  if (endpoint === '/stop-sms/add' && method === 'POST') {
    const raw = ctx.param('phoneNumber') ?? ctx.param('phoneNumbers');
    if (!raw) {
      return ctx.error(2, 'Le numéro de téléphone est requis');
    }
    const checked = checkPhoneNumber(raw);
    if (!checked.ok) {
      return ctx.error(9, "Le numéro de téléphone n'est pas valide");
    }
    const existing = list.records.find((r) => r.phoneNumber === checked.e164);
    if (existing) {
      return { body: { ...ctx.ok, stopId: existing.id } };
    }
    const record = { id: list.nextId++, phoneNumber: checked.e164, createdAt: now() };
    list.records.push(record);
    return { body: { ...ctx.ok, stopId: record.id } };
  }
  if (endpoint === '/stop-sms/delete' && method === 'GET') {
    const id = ctx.param('id');
    if (!id) {
      return ctx.error(3, "L'ID du numéro est requis");
    }
    const index = list.records.findIndex((r) => String(r.id) === id);
    if (index < 0) {
      return ctx.error(4, "L'ID du numéro est introuvable");
    }
    list.records.splice(index, 1);
    return { body: { ...ctx.ok } };
  }
  if (endpoint === '/lookup' && method === 'POST') {
    const raw = ctx.param('phoneNumbers');
    if (!raw) {
      return ctx.error(2, 'Le numéro de téléphone est requis');
    }
    return { body: { ...ctx.ok, lookup: raw.split(',').map((n) => lookupRow(n.trim())) } };
  }
  return undefined;
}

export const stopRoute: FeatureRoute = answer;
