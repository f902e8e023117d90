import type { CertificateProblem, MalformedDetail } from '../api';
import type { Translate } from './translate';

// The parenthesised reason in "could not be reached safely" and "Unexpected answer" messages.

export function certificateReason(problem: CertificateProblem, t: Translate): string {
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

export function malformedReason(detail: MalformedDetail, t: Translate): string {
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
