import type { PartnerError } from '../api';
import { codeMeaning } from './generalCodeMeanings';
import type { Translate } from './translate';

// Endpoints whose pages give their own code tables; what they leave out falls back on the general meanings.

/**
 * What `message-cancel`, `message-status` and `bulk-status-by-tag` mean by the codes they
 * reuse (each endpoint's own page; see docs/api-decisions.md); undefined: the general meaning.
 */
export function messageActionMeaning(code: number, context: PartnerError['context'], t: Translate): string | undefined {
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
 * `subaccount/create` and `subaccount/remove` number their codes apart from the rest,
 * and Mail Partner's creation table differs from SMS Partner's (docs/api-decisions.md).
 */
export function subaccountAdminMeaning(
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
