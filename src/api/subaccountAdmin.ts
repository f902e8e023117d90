import { isTokenText } from './fieldShapes';
import { checkApiAmount } from './creditAmount';
import { obj, opt, shaped, str, bool, num, type Infer } from './schema';
import { isCount } from './fieldShapes';
import type { ServiceId } from './types';

/**
 * `subaccount/create` and `subaccount/remove`: what may be asked, and what comes back.
 * Pure rules, no HTTP (the client sends; see docs/api-decisions.md for the choices).
 */

export type SubaccountType = 'simple' | 'advanced';

export interface SubaccountCreateRequest {
  readonly type: SubaccountType;
  /** Required, except for a simple Mail Partner sub-account (the provider then makes one up). */
  readonly email?: string;
  /** Advanced only: the sub-account may buy its own credit. */
  readonly isBuyer?: boolean;
  /** Euros moved from the main account at creation, as decimal text (`"10"`, `"2.5"`). */
  readonly creditToAttribute?: string;
  readonly title?: string;
  readonly firstname?: string;
  readonly lastname?: string;
}

export interface CreatedSubaccount {
  readonly email: string;
  /** The sub-account's identifier in credit transfers and removal. */
  readonly token?: string;
  /** Its own API key, when the answer carries one (the docs' sample does not). Never log or display it. */
  readonly apiKey?: string;
  /** Where the provider sent the confirmation e-mail. */
  readonly confirmationSentTo?: string;
}

/** Longest name, first or last name the form accepts (the docs give none; a bound keeps requests sane). */
export const MAX_NAME_LENGTH = 100;
const MAX_EMAIL_LENGTH = 254;

/** A plausible e-mail address: one @, a dot in the domain, no spaces. The provider checks the rest. */
export function isPlausibleEmail(text: string): boolean {
  const v = text.trim();
  return v.length <= MAX_EMAIL_LENGTH && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);
}

export type CreateRequestProblem = 'emailRequired' | 'email' | 'credit' | 'nameTooLong' | 'isBuyerSimple' | 'type';

/** Why a creation request would be refused before sending, or undefined when it may go. */
export function createRequestProblem(
  service: ServiceId,
  request: SubaccountCreateRequest,
): CreateRequestProblem | undefined {
  if (request.type !== 'simple' && request.type !== 'advanced') {
    return 'type';
  }
  const email = request.email?.trim() ?? '';
  if (email === '') {
    if (!(service === 'mail' && request.type === 'simple')) {
      return 'emailRequired';
    }
  } else if (!isPlausibleEmail(email)) {
    return 'email';
  }
  if (request.type === 'simple' && request.isBuyer) {
    return 'isBuyerSimple';
  }
  if (request.creditToAttribute !== undefined && !checkApiAmount(request.creditToAttribute).ok) {
    return 'credit';
  }
  for (const name of [request.title, request.firstname, request.lastname]) {
    if (name !== undefined && name.length > MAX_NAME_LENGTH) {
      return 'nameTooLong';
    }
  }
  return undefined;
}

/** The JSON body of `subaccount/create` (the key is added by the transport). */
export function createRequestBody(request: SubaccountCreateRequest): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  const email = request.email?.trim();
  if (email) {
    parameters.email = email;
  }
  if (request.type === 'advanced') {
    // Required for advanced sub-accounts (code 3 when missing).
    parameters.isBuyer = request.isBuyer ? 1 : 0;
  }
  if (request.creditToAttribute !== undefined) {
    const checked = checkApiAmount(request.creditToAttribute);
    if (checked.ok) {
      parameters.creditToAttribute = Number(checked.amount);
    }
  }
  for (const key of ['title', 'firstname', 'lastname'] as const) {
    const value = request[key]?.trim();
    if (value) {
      parameters[key] = value;
    }
  }
  return { type: request.type, parameters };
}

const token = () => shaped(str(), 'a token (text that is not a date)', isTokenText);

export const subaccountCreateSchema = obj({
  success: bool(),
  code: shaped(num(), 'a count', isCount),
  subaccount: obj({ email: str(), token: opt(token()), apiKey: opt(token()) }),
  sendConfirmMailTo: opt(str()),
  parent_email: opt(str()),
});

/**
 * Positional XML cannot tell a key from the token (two optional texts of one shape): it
 * reads the documented token only. A key, if one ever comes, is read from JSON answers.
 */
export const subaccountCreateXmlSchema = obj({
  success: bool(),
  code: shaped(num(), 'a count', isCount),
  subaccount: obj({ email: str(), token: opt(token()) }),
  sendConfirmMailTo: opt(str()),
  parent_email: opt(str()),
});

export function toCreatedSubaccount(
  raw: Infer<typeof subaccountCreateSchema> | Infer<typeof subaccountCreateXmlSchema>,
): CreatedSubaccount {
  const out: { -readonly [K in keyof CreatedSubaccount]: CreatedSubaccount[K] } = { email: raw.subaccount.email };
  if (raw.subaccount.token) {
    out.token = raw.subaccount.token;
  }
  if ('apiKey' in raw.subaccount && raw.subaccount.apiKey) {
    out.apiKey = raw.subaccount.apiKey;
  }
  if (raw.sendConfirmMailTo) {
    out.confirmationSentTo = raw.sendConfirmMailTo;
  }
  return out;
}

/** `{"success": true, "code": 200}`: removal answers nothing more. */
export const subaccountRemoveSchema = obj({ success: bool(), code: opt(shaped(num(), 'a count', isCount)) });
