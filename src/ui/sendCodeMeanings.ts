import type { Translate } from './translate';

// The error page's send tables reuse small codes with meanings of their own, one table per service.

/**
 * What a send's code means (the error page's *Sending SMS* and *Sending Mail* tables),
 * or undefined to fall back on the general meanings (1, 10, 20, 30, 40, 96…).
 */
export function sendCodeMeaning(code: number, context: 'smsSend' | 'mailSend', t: Translate): string | undefined {
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
