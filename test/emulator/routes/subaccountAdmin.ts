/**
 * `subaccount/create` and `subaccount/remove`, both services, as the provider's pages
 * describe them (docs/api-decisions.md, "Sub-account creation and removal"): creation
 * adds to `data.subaccounts` (its credit taken from the main account), removal deletes.
 */
import { parseMilli, type ServiceData } from '../emulatorData';
import type { FeatureRoute, RouteAnswer, RouteContext } from './featureRoute';

function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
}

function now(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function emailTaken(data: ServiceData, email: string): boolean {
  const lower = email.toLowerCase();
  return data.username.toLowerCase() === lower || data.subaccounts.some((s) => s.email.toLowerCase() === lower);
}

function create(ctx: RouteContext): RouteAnswer {
  const { data, service } = ctx;
  const type = text(ctx.json.type) ?? ctx.param('type');
  const raw = ctx.json.parameters;
  const parameters =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const mail = service === 'mail';
  if (!type) {
    return ctx.error(4, 'Le type est requis (simple ou advanced)');
  }
  if (type !== 'simple' && type !== 'advanced') {
    return ctx.error(5, "Le type de sous-compte n'existe pas (simple ou advanced)");
  }
  let email = text(parameters.email) ?? '';
  if (!email) {
    if (mail && type === 'simple') {
      // Mail Partner makes one up for a simple sub-account.
      email = `${9875587 + data.subaccounts.length}@mailpartner.fr`;
    } else {
      return mail ? ctx.error(2, 'Le mail est requis') : ctx.error(6, "L'email est requis");
    }
  }
  if (type === 'advanced' && text(parameters.isBuyer) === undefined && !mail) {
    return ctx.error(3, 'isBuyer est requis');
  }
  if (emailTaken(data, email)) {
    return ctx.error(7, 'Un compte existe déjà avec cet email');
  }
  let milli = 0;
  const credit = text(parameters.creditToAttribute);
  if (credit !== undefined) {
    const parsed = parseMilli(credit);
    if (parsed === undefined || parsed <= 0) {
      return ctx.error(8, 'creditToAttribute doit être supérieur à 0');
    }
    if (data.milli <= 0 || data.milli < parsed) {
      return ctx.error(9, 'Le solde doit être supérieur à 0');
    }
    milli = parsed;
  }
  const id = Math.max(1000, ...data.subaccounts.map((s) => s.id)) + 1;
  const token = `${service}tok-new-${id}`;
  data.milli -= milli;
  data.subaccounts.push({
    id,
    email,
    type,
    token,
    apiKey: `${service}-subkey-new-${id}-7b2d`,
    createdAt: now(),
    milli,
  });
  return {
    body: {
      ...ctx.ok,
      subaccount: { email, token },
      sendConfirmMailTo: email,
      parent_email: data.username,
    },
  };
}

function remove(ctx: RouteContext): RouteAnswer {
  const token = text(ctx.json.token) ?? ctx.param('token');
  if (!token) {
    return ctx.error(1, 'token est requis');
  }
  const index = ctx.data.subaccounts.findIndex((s) => s.token === token);
  if (index < 0) {
    return ctx.error(404, "Le sous-compte n'existe pas");
  }
  ctx.data.subaccounts.splice(index, 1);
  return { body: { ...ctx.ok } };
}

export const subaccountAdminRoute: FeatureRoute = (ctx) => {
  if (ctx.subaccount) {
    return undefined; // a sub-account's own key manages no sub-accounts: the main key check answers
  }
  if (ctx.endpoint === '/subaccount/create' && (ctx.method === 'POST' || ctx.method === 'GET')) {
    return create(ctx);
  }
  if (ctx.endpoint === '/subaccount/remove' && (ctx.method === 'DELETE' || ctx.method === 'POST')) {
    return remove(ctx);
  }
  return undefined;
};
