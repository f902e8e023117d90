import { SERVICES, type CertificateProblem, type MalformedDetail, type PartnerError } from '../api';

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

/**
 * What a send's code means (the error page's *Sending SMS* and *Sending Mail* tables),
 * or undefined to fall back on the general meanings (1, 10, 20, 30, 40, 96…).
 */
function sendCodeMeaning(code: number, context: 'smsSend' | 'mailSend', t: Translate): string | undefined {
  if (context === 'smsSend') {
    switch (code) {
      case 2:
        return t('the phone number is missing');
      case 9:
        return t('a parameter of the send was refused');
      case 13:
        return t('no price is set for one of the numbers');
      case 14:
        return t('a number is on the STOP SMS list');
      case 22:
        return t('marketing SMS may be sent only between 8 AM and 10 PM');
      case 23:
        return t('marketing SMS cannot be sent on Sundays and public holidays');
      case 42:
        return t('a Low Cost SMS holds at most 160 characters');
      case 43:
        return t('the message is missing');
      case 44:
        return t('the sender is invalid');
      case 50:
        return t('at most 500 numbers per send');
      case 51:
        return t('the Low Cost range is not available for this account');
      case 52:
        return t('a message may not exceed 10 concatenated SMS');
      case 55:
        return t('there is no number to send to');
    }
  } else {
    switch (code) {
      case 2:
        return t('the content of the e-mail is missing');
      case 4:
        return t("the account's sender e-mail address is missing");
      case 5:
        return t("the account's sender name is missing");
      case 9:
        return t('the attachment type is not allowed');
      case 14:
        return t('an address is on the unsubscribe list');
      case 17:
        return t('too many recipients');
      case 18:
      case 22:
        return t('the recipient address is missing');
      case 19:
        return t('a recipient address looks invalid');
      case 50:
        return t('at most 500 addresses per send');
      case 55:
        return t('no default price was found for this account');
    }
  }
  switch (code) {
    case 11:
      return t('the account has insufficient credit');
    case 45:
      return t('the scheduled date is missing');
    case 46:
      return t('the scheduled hour is missing');
    case 47:
    case 48:
      return t('the scheduled minute must be a multiple of 5');
    case 49:
      return t('the scheduled date is invalid');
    case 90:
      return t('the request was malformed');
    default:
      return undefined;
  }
}

/**
 * What `message-cancel`, `message-status` and `bulk-status-by-tag` mean by the codes they
 * reuse (each endpoint's own page; see docs/api-decisions.md); undefined: the general meaning.
 */
function messageActionMeaning(code: number, context: PartnerError['context'], t: Translate): string | undefined {
  if (context === 'cancel') {
    switch (code) {
      case 5:
        return t('this send was already cancelled');
      case 6:
        return t('the send is less than 5 minutes away and can no longer be cancelled');
      case 7:
        return t('the message has already been sent and can no longer be cancelled');
    }
  }
  if (context === 'recipientStatus') {
    switch (code) {
      case 2:
        return t('the phone number is missing');
      case 5:
        return t('the list of numbers is empty');
      case 6:
        return t("the phone number's format is not correct");
      case 9:
        return t('the number does not appear to be a mobile number');
      case 50:
        return t('at most 500 numbers are allowed');
    }
  }
  if (context === 'stopList' || context === 'lookup') {
    switch (code) {
      case 2:
        return t('the phone number is missing');
      case 3:
        return context === 'lookup' ? t('the numbers must be separated by commas') : t('the STOP entry id is missing');
      case 4:
        return t('this number is no longer on the STOP list');
      case 9:
        return t('the phone number is invalid');
    }
  }
  if (context === 'tagStatus') {
    switch (code) {
      case 3:
        return t('the tag is missing');
      case 4:
        return t('no message with this tag was found');
    }
  }
  return undefined;
}

/**
 * The documented meaning of a provider code, or undefined for an undocumented one.
 * The credit-transfer endpoints reuse small codes with other meanings.
 */
function codeMeaning(code: number, transfer: boolean, t: Translate): string | undefined {
  if (transfer) {
    switch (code) {
      case 2:
        return t('the credit amount is missing');
      case 3:
        return t('the sub-account token is missing');
      case 4:
        return t('this account may not manage sub-account credit');
      case 5:
        return t('the credit must be greater than 0');
      case 6:
        return t('the balance must be greater than 0');
      case 7:
        return t('the sub-account does not exist');
      case 8:
        return t('the credit is insufficient');
      case 9:
        return t('the API key is invalid');
      case 1:
      case 10:
      case 11:
      case 96:
        break; // as in general
      default:
        return undefined;
    }
  }
  switch (code) {
    case 1:
      return t('the API key is missing');
    case 3:
      return t('the message id is missing');
    case 4:
      return t('no message with this id was found');
    case 10:
      return t('the API key is wrong');
    case 11:
      return t('the account has insufficient credit');
    case 20:
      return t('the account is disabled');
    case 30:
      return t('the account is blocked');
    case 40:
      return t('API access is denied for this account');
    case 96:
      return t("this machine's IP address is not authorized");
    case 429:
      return t('too many requests');
    case 500:
      return t('the provider has a queueing problem');
    default:
      return undefined;
  }
}

/**
 * `subaccount/create` and `subaccount/remove` number their codes apart from the rest,
 * and Mail Partner's creation table differs from SMS Partner's (docs/api-decisions.md).
 */
function subaccountAdminMeaning(
  code: number,
  context: 'subaccountCreate' | 'subaccountRemove',
  service: PartnerError['service'],
  t: Translate,
): string | undefined {
  if (context === 'subaccountRemove') {
    switch (code) {
      case 1:
        return t('the sub-account token is missing');
      case 10:
        return t('the API key is missing or wrong');
      case 404:
        return t('the sub-account does not exist (it may have been removed already)');
      default:
        return codeMeaning(code, false, t);
    }
  }
  if (service === 'mail') {
    switch (code) {
      case 2:
        return t('an e-mail address is required');
      case 3:
      case 4:
        return undefined; // the docs' table names "mail ids" here: show the provider's own words
      default:
        return codeMeaning(code, false, t);
    }
  }
  switch (code) {
    case 2:
      return t('this account may not create sub-accounts (ask the provider to enable them)');
    case 3:
      return t('an advanced sub-account needs to say whether it may buy credit');
    case 4:
      return t('the sub-account type is missing');
    case 5:
      return t('the sub-account type must be simple or advanced');
    case 6:
      return t('an e-mail address is required');
    case 7:
      return t('an account already exists with this e-mail address');
    case 8:
      return t('the credit to attribute must be greater than 0');
    case 9:
      return t('the main account balance must be greater than 0');
    default:
      return codeMeaning(code, false, t);
  }
}

function certificateReason(problem: CertificateProblem, t: Translate): string {
  switch (problem) {
    case 'selfSigned':
      return t('is self-signed');
    case 'untrustedIssuer':
      return t('was issued by an authority this machine does not trust');
    case 'expired':
      return t('has expired');
    case 'notYetValid':
      return t('is not valid yet');
    case 'wrongName':
      return t('was issued for another name');
    case 'unverified':
      return t('could not be verified');
  }
}

function malformedReason(detail: MalformedDetail, t: Translate): string {
  switch (detail.kind) {
    case 'empty':
      return t('empty answer');
    case 'html':
      return t('an HTML page');
    case 'notJson':
      return t('not JSON');
    case 'notJsonObject':
      return t('not a JSON object');
    case 'noSuccess':
      return t('no success flag');
    case 'notXml':
      return detail.line === undefined
        ? t('not well-formed XML')
        : t('not well-formed XML, line {0}', String(detail.line));
    case 'schema':
      return detail.text; // a schema path: technical, the same in every language
  }
}
