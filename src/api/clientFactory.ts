import { MailClient } from './mailClient';
import type { ClientOptions, PartnerClient } from './partnerClient';
import { SmsClient } from './smsClient';
import type { Account, ServiceId } from './types';

// Kept apart from partnerClient.ts: the facades extend the base class, so the base cannot import them back.

/** Also true for a client from another copy of this module (another bundle), as `isPartnerError`. */
export function isSmsClient(client: AnyClient | undefined): client is SmsClient {
  return client?.service === 'sms' && typeof (client as Partial<SmsClient>).sendSms === 'function';
}

export function isMailClient(client: AnyClient | undefined): client is MailClient {
  return client?.service === 'mail' && typeof (client as Partial<MailClient>).sendMail === 'function';
}

/** Either service's client, seen through what both share. */
export type AnyClient = PartnerClient<Account>;

export function createClient(service: ServiceId, options: ClientOptions): AnyClient {
  return service === 'sms' ? new SmsClient(options) : new MailClient(options);
}
