import type { Account } from '../api';

/** The credit count the status bar shows and the low-credit threshold applies to. */
export function mainCount(account: Account): number {
  return account.credits.service === 'sms' ? account.credits.sms : account.credits.mails;
}
