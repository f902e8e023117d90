import { describeApiCode, isKeyProblem, type ErrorContext, type LocalizedText } from './errorCatalog';
import { SERVICES } from './serviceInfo';
import type { ServiceId } from './types';

export type PartnerErrorKind =
  | 'api' // the provider answered success:false with a code
  | 'http' // an HTTP error status without a decodable provider error
  | 'network' // connection refused, reset, DNS failure…
  | 'timeout' // no complete answer within the timeout
  | 'cancelled' // the caller aborted
  | 'malformed' // an answer that is not what the endpoint returns
  | 'rateLimited'; // HTTP 429

export interface PartnerErrorInit {
  readonly kind: PartnerErrorKind;
  readonly service: ServiceId;
  readonly host: string;
  readonly code?: number;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly timeoutMs?: number;
  /** The provider's own message (often French), as sent. */
  readonly providerMessage?: string;
  /** A short, secret-free excerpt of an unexpected body, for the log. */
  readonly excerpt?: string;
  /** System error code of a network failure (`ECONNREFUSED`…). */
  readonly systemCode?: string;
  /** What was wrong with a malformed answer: localized, or technical text (a schema path). */
  readonly detail?: string | LocalizedText;
  readonly context?: ErrorContext;
}

/**
 * The one error type the client throws. Its text names the service and says what to
 * do, in English (`message`) and French (`messages.fr`); it never contains a key.
 */
export class PartnerError extends Error {
  readonly kind: PartnerErrorKind;
  readonly service: ServiceId;
  readonly host: string;
  readonly code?: number;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly providerMessage?: string;
  readonly excerpt?: string;
  readonly systemCode?: string;
  readonly detail?: string | LocalizedText;
  readonly messages: LocalizedText;

  constructor(init: PartnerErrorInit) {
    const messages = composeMessages(init);
    super(messages.en);
    this.name = 'PartnerError';
    this.kind = init.kind;
    this.service = init.service;
    this.host = init.host;
    this.code = init.code;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.providerMessage = init.providerMessage;
    this.excerpt = init.excerpt;
    this.systemCode = init.systemCode;
    this.detail = init.detail;
    this.messages = messages;
  }

  /** The message in the given UI language (`fr`, `fr-ca`… get French). */
  localized(language: string): string {
    return language.toLowerCase().startsWith('fr') ? this.messages.fr : this.messages.en;
  }

  /** The key was rejected or missing: the user should set it again. */
  get isKeyProblem(): boolean {
    return this.kind === 'api' && isKeyProblem(this.code);
  }

  /** Worth offering a retry: the same request may succeed later. */
  get isTransient(): boolean {
    return ['network', 'timeout', 'http', 'rateLimited', 'malformed'].includes(this.kind);
  }
}

/** Also true for a PartnerError from another copy of this module (another bundle). */
export function isPartnerError(value: unknown): value is PartnerError {
  return value instanceof PartnerError || (value instanceof Error && value.name === 'PartnerError' && typeof (value as PartnerError).kind === 'string' && typeof (value as PartnerError).localized === 'function');
}

function composeMessages(init: PartnerErrorInit): LocalizedText {
  const label = SERVICES[init.service].label;
  switch (init.kind) {
    case 'api': {
      const code = init.code ?? 0;
      const known = describeApiCode(code, init.context);
      const raw = init.providerMessage?.trim();
      if (known) {
        const hint = isKeyProblem(code)
          ? { en: ' Set the API key again.', fr: ' Saisissez à nouveau la clé API.' }
          : { en: '', fr: '' };
        return {
          en: `${label}: ${known.en} (code ${code}).${hint.en}`,
          fr: `${label} : ${known.fr} (code ${code}).${hint.fr}`,
        };
      }
      const text = raw ? `${raw}` : '';
      return {
        en: `${label} returned error code ${code}${text ? `: ${text}` : ''}.`,
        fr: `${label} a renvoyé le code d'erreur ${code}${text ? ` : ${text}` : ''}.`,
      };
    }
    case 'http':
      return {
        en: `${label} answered with HTTP ${init.status}. Try again later.`,
        fr: `${label} a répondu avec le statut HTTP ${init.status}. Réessayez plus tard.`,
      };
    case 'rateLimited': {
      const seconds = init.retryAfterMs !== undefined ? Math.ceil(init.retryAfterMs / 1000) : undefined;
      return seconds !== undefined
        ? {
            en: `${label} is limiting requests (HTTP 429). Try again in ${seconds} s.`,
            fr: `${label} limite les requêtes (HTTP 429). Réessayez dans ${seconds} s.`,
          }
        : {
            en: `${label} is limiting requests (HTTP 429). Try again later.`,
            fr: `${label} limite les requêtes (HTTP 429). Réessayez plus tard.`,
          };
    }
    case 'network': {
      const why = init.systemCode ? ` (${init.systemCode})` : '';
      return {
        en: `Cannot reach ${init.host}${why}. Check your network connection or proxy.`,
        fr: `Impossible de joindre ${init.host}${why}. Vérifiez votre connexion réseau ou votre proxy.`,
      };
    }
    case 'timeout': {
      const seconds = init.timeoutMs !== undefined ? `${Math.round(init.timeoutMs / 100) / 10} s` : undefined;
      return {
        en: `${label} timed out${seconds ? ` after ${seconds}` : ''}. Try again later.`,
        fr: `${label} n'a pas répondu${seconds ? ` en ${seconds}` : ' à temps'}. Réessayez plus tard.`,
      };
    }
    case 'cancelled':
      return { en: `The request to ${label} was cancelled.`, fr: `La requête à ${label} a été annulée.` };
    case 'malformed': {
      const d = init.detail;
      const why = (lang: 'en' | 'fr') => (d === undefined ? '' : ` (${typeof d === 'string' ? d : d[lang]})`);
      return {
        en: `Unexpected answer from ${label}${why('en')}. Check the API URL setting, or try again later.`,
        fr: `Réponse inattendue de ${label}${why('fr')}. Vérifiez l'URL de l'API dans les paramètres, ou réessayez plus tard.`,
      };
    }
  }
}
