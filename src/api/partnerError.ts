import { isKeyProblem, type ErrorContext } from './providerCodes';
import { maskPersonalData } from './redact';
import type { RedirectDecision } from './redirectPolicy';
import { SERVICES } from './serviceInfo';
import type { CertificateProblem } from './tlsFailure';
import type { ServiceId } from './types';

export type { ErrorContext } from './providerCodes';
export type { CertificateProblem } from './tlsFailure';

export type PartnerErrorKind =
  | 'api' // the provider answered success:false with a code
  | 'http' // an HTTP error status without a decodable provider error
  | 'network' // connection refused, reset, DNS failure…
  | 'timeout' // no complete answer within the timeout
  | 'cancelled' // the caller aborted
  | 'malformed' // an answer that is not what the endpoint returns
  | 'rateLimited' // HTTP 429
  | 'redirect' // a 3xx we would not follow (another origin, a POST, a loop)
  | 'tooLarge' // the answer went past the size bound
  | 'certificate'; // the server's TLS certificate was refused

/** What was wrong with an answer that is not what the endpoint returns. */
export type MalformedDetail =
  | { readonly kind: 'empty' | 'html' | 'notJson' | 'notJsonObject' | 'noSuccess' }
  /** `line`: where the XML parser stopped, when it knows. */
  | { readonly kind: 'notXml'; readonly line?: number }
  /** The answer's shape differs from the schema: technical, secret-free text (a schema path). */
  | { readonly kind: 'schema'; readonly text: string };

/** Why a redirect was refused, and the origin it pointed to (never its path or query). */
export type RefusedRedirect = Extract<RedirectDecision, { refuse: string }>;

export interface PartnerErrorInit {
  readonly kind: PartnerErrorKind;
  readonly service: ServiceId;
  readonly host: string;
  readonly code?: number;
  /** Which operation a provider code belongs to (`api`). */
  readonly context?: ErrorContext;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly timeoutMs?: number;
  /** The provider's own message (often French), as sent, secrets redacted. */
  readonly providerMessage?: string;
  /** A short, secret-free excerpt of an unexpected body, for the log. */
  readonly excerpt?: string;
  /** System error code of a network failure (`ECONNREFUSED`…). */
  readonly systemCode?: string;
  /** What was wrong with a malformed answer. */
  readonly malformed?: MalformedDetail;
  /** Why the server's certificate was refused (`certificate`). */
  readonly certificate?: CertificateProblem;
  readonly redirect?: RefusedRedirect;
  /** The size bound an answer went past. */
  readonly limitBytes?: number;
  /**
   * `cancelled`: whether the request had been handed to the network when it was cancelled
   * (its outcome is then unknown). False only when nothing left the machine (waiting for
   * its turn); left out when not known, which counts as written.
   */
  readonly written?: boolean;
}

/**
 * The one error type the client throws. It carries data only: what the user reads
 * is built from it outside `src/api` (`describeError`, with the l10n bundles).
 * `message` is a plain English sentence for the log; it never contains a key.
 */
// The fields are the init's, declared once there: the class takes them as they come.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface PartnerError extends Readonly<PartnerErrorInit> {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class PartnerError extends Error {
  constructor(init: PartnerErrorInit) {
    super(logMessage(init));
    this.name = 'PartnerError';
    Object.assign(this, init);
  }

  /** The key was rejected or missing: the user should set it again. */
  get isKeyProblem(): boolean {
    return this.kind === 'api' && isKeyProblem(this.code, this.context);
  }
}

/** Also true for a PartnerError from another copy of this module (another bundle). */
export function isPartnerError(value: unknown): value is PartnerError {
  if (value instanceof PartnerError) {
    return true;
  }
  const e = value as Partial<PartnerError> | undefined;
  return (
    value instanceof Error && e?.name === 'PartnerError' && typeof e.kind === 'string' && typeof e.service === 'string'
  );
}

/** The technical detail of a malformed answer, in English, as the log shows it. */
export function malformedLogText(detail: MalformedDetail): string {
  switch (detail.kind) {
    case 'schema':
      return detail.text;
    case 'notXml':
      return detail.line === undefined ? 'notXml' : `notXml, line ${detail.line}`;
    default:
      return detail.kind;
  }
}

/** A short English sentence for the log: the facts, no advice (the user's text says what to do). */
function logMessage(init: PartnerErrorInit): string {
  const label = SERVICES[init.service].label;
  switch (init.kind) {
    case 'api': {
      // A send's refusal may quote a recipient ("This phone number is not valid (…)"): never logged.
      const raw = init.providerMessage && maskPersonalData(init.providerMessage.trim());
      return `${label} returned error code ${init.code ?? 0}${raw ? `: ${raw}` : ''}.`;
    }
    case 'http':
      return `${label} answered with HTTP ${init.status}.`;
    case 'rateLimited': {
      const after = init.retryAfterMs === undefined ? '' : `, retry after ${Math.ceil(init.retryAfterMs / 1000)} s`;
      return `${label} is limiting requests (HTTP 429${after}).`;
    }
    case 'network':
      return `Cannot reach ${init.host}${init.systemCode ? ` (${init.systemCode})` : ''}.`;
    case 'timeout':
      return `${label} timed out${init.timeoutMs === undefined ? '' : ` after ${init.timeoutMs} ms`}.`;
    case 'cancelled':
      return `The request to ${label} was cancelled.`;
    case 'redirect': {
      const to = init.redirect?.target ? ` to ${init.redirect.target}` : '';
      return `${label} redirected the request${to}; refused (${init.redirect?.refuse ?? 'unknown'}).`;
    }
    case 'tooLarge':
      return `${label} sent an answer larger than ${init.limitBytes} bytes; it was not read.`;
    case 'certificate':
      return `The certificate of ${init.host} was refused (${init.systemCode ?? init.certificate ?? 'unknown'}).`;
    case 'malformed':
      return `Unexpected answer from ${label}${init.malformed ? ` (${malformedLogText(init.malformed)})` : ''}.`;
  }
}
