import { SERVICES, type PartnerError } from '../api';
import { certificateReason, malformedReason } from './answerProblemText';
import { messageActionMeaning, subaccountAdminMeaning } from './endpointCodeMeanings';
import { codeMeaning } from './generalCodeMeanings';
import { sendCodeMeaning } from './sendCodeMeanings';
import type { Translate } from './translate';

export type { Translate };

/**
 * What the user reads for a PartnerError, in the language of `t`: it names the
 * service and says what to do; it never contains a key (the provider's message,
 * when shown, was redacted in `src/api`).
 */
export function describeError(error: PartnerError, t: Translate): string {
  const label = SERVICES[error.service].label;
  switch (error.kind) {
    case 'api':
      return describeApiError(error, label, t);
    case 'http':
      return t('{0} answered with HTTP {1}. Try again later.', label, String(error.status));
    case 'rateLimited': {
      if (error.retryAfterMs === undefined) {
        return t('{0} is limiting requests (HTTP 429). Try again later.', label);
      }
      const wait = String(Math.ceil(error.retryAfterMs / 1000));
      return t('{0} is limiting requests (HTTP 429). Try again in {1} s.', label, wait);
    }
    case 'network':
      return error.systemCode
        ? t('Cannot reach {0} ({1}). Check your network connection or proxy.', error.host, error.systemCode)
        : t('Cannot reach {0}. Check your network connection or proxy.', error.host);
    case 'timeout':
      return error.timeoutMs === undefined
        ? t('{0} timed out. Try again later.', label)
        : t('{0} timed out after {1} s. Try again later.', label, String(Math.round(error.timeoutMs / 100) / 10));
    case 'cancelled':
      return t('The request to {0} was cancelled.', label);
    case 'redirect':
      if (error.redirect?.refuse === 'tooManyHops') {
        return t('{0} redirected the request too many times. Check the API URL setting.', label);
      }
      return error.redirect?.target
        ? t('{0} redirected the request to {1}; nothing was sent there.', label, error.redirect.target)
        : t('{0} redirected the request to an invalid address; nothing was sent there.', label);
    case 'tooLarge':
      return t(
        '{0} sent an answer larger than {1} MB; it was not read. Check the API URL setting, or try again later.',
        label,
        String(Math.round((error.limitBytes ?? 0) / 2 ** 20)),
      );
    case 'certificate':
      return t(
        '{0} could not be reached safely: the certificate of {1} {2}. If your network inspects HTTPS traffic, ' +
          "keep the setting http.systemCertificates on so that VS Code trusts your organization's certificate " +
          'authority; turn off http.proxyStrictSSL only on a network you trust.',
        label,
        error.host,
        certificateReason(error.certificate ?? 'unverified', t),
      );
    case 'malformed':
      return error.malformed === undefined
        ? t('Unexpected answer from {0}. Check the API URL setting, or try again later.', label)
        : t(
            'Unexpected answer from {0} ({1}). Check the API URL setting, or try again later.',
            label,
            malformedReason(error.malformed, t),
          );
  }
}

function describeApiError(error: PartnerError, label: string, t: Translate): string {
  const code = error.code ?? 0;
  const raw = error.providerMessage?.trim();
  if (error.context === 'smsSend' || error.context === 'mailSend') {
    const sendMeaning = sendCodeMeaning(code, error.context, t);
    if (sendMeaning !== undefined) {
      // A refused parameter (9): the provider's own list says which.
      return code === 9 && raw
        ? t('{0}: {1} (code {2}): {3}', label, sendMeaning, String(code), raw)
        : error.isKeyProblem
          ? t('{0}: {1} (code {2}). Set the API key again.', label, sendMeaning, String(code))
          : t('{0}: {1} (code {2}).', label, sendMeaning, String(code));
    }
  }
  const meaning =
    error.context === 'subaccountCreate' || error.context === 'subaccountRemove'
      ? subaccountAdminMeaning(code, error.context, error.service, t)
      : (messageActionMeaning(code, error.context, t) ?? codeMeaning(code, error.context === 'transfer', t));
  if (meaning !== undefined) {
    return error.isKeyProblem
      ? t('{0}: {1} (code {2}). Set the API key again.', label, meaning, String(code))
      : t('{0}: {1} (code {2}).', label, meaning, String(code));
  }
  return raw
    ? t('{0} returned error code {1}: {2}.', label, String(code), raw)
    : t('{0} returned error code {1}.', label, String(code));
}
