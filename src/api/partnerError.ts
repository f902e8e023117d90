import { describeApiCode, isKeyProblem, type ErrorContext, type LocalizedText } from './errorCatalog';
import type { RedirectDecision } from './redirectPolicy';
import { SERVICES } from './serviceInfo';
import { certificateProblem, type CertificateProblem } from './tlsFailure';
import type { ServiceId } from './types';

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
  /** Why a redirect was refused, and the origin it pointed to. */
  readonly redirect?: Extract<RedirectDecision, { refuse: string }>;
  /** The size bound an answer went past. */
  readonly limitBytes?: number;
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
  readonly redirect?: PartnerErrorInit['redirect'];
  readonly limitBytes?: number;
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
    this.redirect = init.redirect;
    this.limitBytes = init.limitBytes;
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
  return (
    value instanceof PartnerError ||
    (value instanceof Error &&
      value.name === 'PartnerError' &&
      typeof (value as PartnerError).kind === 'string' &&
      typeof (value as PartnerError).localized === 'function')
  );
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
    case 'redirect': {
      const r = init.redirect;
      if (r?.refuse === 'tooManyHops') {
        return {
          en: `${label} redirected the request too many times. Check the API URL setting.`,
          fr: `${label} a redirigé la requête trop de fois. Vérifiez l'URL de l'API dans les paramètres.`,
        };
      }
      return r?.target
        ? {
            en: `${label} redirected the request to ${r.target}; nothing was sent there.`,
            fr: `${label} a redirigé la requête vers ${r.target} ; rien n'y a été envoyé.`,
          }
        : {
            en: `${label} redirected the request to an invalid address; nothing was sent there.`,
            fr: `${label} a redirigé la requête vers une adresse invalide ; rien n'y a été envoyé.`,
          };
    }
    case 'tooLarge': {
      const mb = Math.round((init.limitBytes ?? 0) / 2 ** 20);
      return {
        en: `${label} sent an answer larger than ${mb} MB; it was not read. ${CHECK_URL.en}`,
        fr: `${label} a envoyé une réponse de plus de ${mb} Mo ; elle n'a pas été lue. ${CHECK_URL.fr}`,
      };
    }
    case 'certificate': {
      const why = CERTIFICATE_PROBLEMS[certificateProblem(init.systemCode) ?? 'unverified'];
      return {
        en:
          `${label} could not be reached safely: the certificate of ${init.host} ${why.en}. ` +
          'If your network inspects HTTPS traffic, keep the setting http.systemCertificates on ' +
          "so that VS Code trusts your organization's certificate authority; " +
          'turn off http.proxyStrictSSL only on a network you trust.',
        fr:
          `${label} n'a pas pu être joint de façon sûre : le certificat de ${init.host} ${why.fr}. ` +
          'Si votre réseau inspecte le trafic HTTPS, laissez le paramètre http.systemCertificates activé pour que ' +
          "VS Code fasse confiance à l'autorité de certification de votre organisation ; ne désactivez " +
          'http.proxyStrictSSL que sur un réseau de confiance.',
      };
    }
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

const CHECK_URL: LocalizedText = {
  en: 'Check the API URL setting, or try again later.',
  fr: "Vérifiez l'URL de l'API dans les paramètres, ou réessayez plus tard.",
};

const CERTIFICATE_PROBLEMS: Readonly<Record<CertificateProblem, LocalizedText>> = {
  selfSigned: { en: 'is self-signed', fr: 'est auto-signé' },
  untrustedIssuer: {
    en: 'was issued by an authority this machine does not trust',
    fr: 'a été émis par une autorité que cette machine ne reconnaît pas',
  },
  expired: { en: 'has expired', fr: 'a expiré' },
  notYetValid: { en: 'is not valid yet', fr: "n'est pas encore valide" },
  wrongName: { en: 'was issued for another name', fr: 'a été émis pour un autre nom' },
  unverified: { en: 'could not be verified', fr: "n'a pas pu être vérifié" },
};
