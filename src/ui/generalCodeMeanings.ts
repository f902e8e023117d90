import type { Translate } from './translate';

/**
 * The documented meaning of a provider code, or undefined for an undocumented one.
 * The credit-transfer endpoints reuse small codes with other meanings.
 */
export function codeMeaning(code: number, transfer: boolean, t: Translate): string | undefined {
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
