import { fromProviderDateTime, fromUnixSeconds } from './providerDates';
import { alias, bool, dec, list, num, obj, opt, str, type Infer } from './schema';
import type {
  CreditTransferResult,
  MailAccount,
  MessageStatus,
  Money,
  ServiceId,
  SmsAccount,
  Subaccount,
  SubaccountPage,
} from './types';

/**
 * The provider's answer schemas, one per endpoint, with their keys in the documented
 * order (the positional XML follows it), and the mapping to the client's types.
 */

const envelope = { success: bool(), code: num() };

export const smsMeSchema = obj({
  ...envelope,
  user: obj({ username: str(), firstname: opt(str()), lastname: opt(str()) }),
  credits: obj({
    creditSms: num(),
    // The docs say creditSmsECO; a recorded real answer says creditSmsLowCost.
    creditSmsECO: opt(alias(num(), 'creditSmsLowCost')),
    creditHlr: opt(num()),
    toSend: opt(num()),
    solde: opt(dec()),
    currency: str(),
    balance: alias(dec(), 'solde'),
  }),
});

export const mailMeSchema = obj({
  ...envelope,
  user: obj({ username: str() }),
  credits: obj({ creditMail: num(), currency: str(), balance: dec() }),
});

const subaccountSchema = obj({
  id: num(),
  email: str(),
  type: opt(str()),
  token: opt(str()),
  apiKey: opt(str()),
  createdAt: opt(str()),
  credits: obj({ balance: dec(), currency: str() }),
});

export const subaccountListSchema = obj({
  ...envelope,
  total: opt(num()),
  nb_per_page: num(),
  page: num(),
  data: list(subaccountSchema),
});

// Both spellings are read for both services: the docs mix them.
const mailStatusRow = obj({
  email: alias(str(), 'phoneNumber'),
  token: opt(str()),
  status: str(),
  cost: opt(num()),
  stopMail: opt(alias(bool(), 'stopSMS')),
  date: opt(str()),
});

const smsStatusRow = obj({
  phoneNumber: alias(str(), 'email'),
  status: str(),
  stopSMS: opt(alias(bool(), 'stopMail')),
  date: opt(str()),
  // Not in the docs' SMS sample; kept optional so positional XML stays unambiguous.
  cost: opt(num()),
  token: opt(str()),
});

export const mailStatusSchema = obj({
  ...envelope,
  messageId: alias(str(), 'message_id'),
  StatutResponseList: alias(list(mailStatusRow), 'StatutResponse_List'),
});

export const smsStatusSchema = obj({
  ...envelope,
  message_id: alias(str(), 'messageId'),
  StatutResponse_List: alias(list(smsStatusRow), 'StatutResponseList'),
});

export const creditTransferSchema = obj({
  ...envelope,
  credit: dec(),
  subaccountCredit: dec(),
  currency: str(),
});

export function money(amount: string, currency: string): Money {
  return { amount, value: Number(amount), currency };
}

export function toSmsAccount(raw: Infer<typeof smsMeSchema>): SmsAccount {
  const c = raw.credits;
  return {
    user: withoutUndefined({ username: raw.user.username, firstname: raw.user.firstname, lastname: raw.user.lastname }),
    credits: withoutUndefined({
      service: 'sms' as const,
      sms: c.creditSms,
      smsEco: c.creditSmsECO,
      hlr: c.creditHlr,
      toSend: c.toSend,
      balance: money(c.balance, c.currency),
    }),
  };
}

export function toMailAccount(raw: Infer<typeof mailMeSchema>): MailAccount {
  return {
    user: { username: raw.user.username },
    credits: { service: 'mail', mails: raw.credits.creditMail, balance: money(raw.credits.balance, raw.credits.currency) },
  };
}

export function toSubaccountPage(raw: Infer<typeof subaccountListSchema>): SubaccountPage {
  return withoutUndefined({
    total: raw.total,
    perPage: raw.nb_per_page,
    page: raw.page,
    items: raw.data.map(
      (s): Subaccount =>
        withoutUndefined({
          id: s.id,
          email: s.email,
          type: s.type,
          token: s.token,
          apiKey: s.apiKey,
          createdAtText: s.createdAt,
          createdAt: fromProviderDateTime(s.createdAt),
          balance: money(s.credits.balance, s.credits.currency),
        }),
    ),
  });
}

export function toMessageStatus(service: ServiceId, raw: Infer<typeof mailStatusSchema> | Infer<typeof smsStatusSchema>): MessageStatus {
  if (service === 'mail') {
    const m = raw as Infer<typeof mailStatusSchema>;
    return {
      messageId: m.messageId,
      recipients: m.StatutResponseList.map((r) =>
        withoutUndefined({ recipient: r.email, token: r.token, status: r.status, cost: r.cost, stop: r.stopMail ?? false, date: fromUnixSeconds(r.date) }),
      ),
    };
  }
  const s = raw as Infer<typeof smsStatusSchema>;
  return {
    messageId: s.message_id,
    recipients: s.StatutResponse_List.map((r) =>
      withoutUndefined({ recipient: r.phoneNumber, token: r.token, status: r.status, cost: r.cost, stop: r.stopSMS ?? false, date: fromUnixSeconds(r.date) }),
    ),
  };
}

export function toCreditTransfer(raw: Infer<typeof creditTransferSchema>): CreditTransferResult {
  return { credit: money(raw.credit, raw.currency), subaccountCredit: money(raw.subaccountCredit, raw.currency) };
}

/** Drops undefined properties so results compare equal whichever format they came from. */
function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) {
      delete value[key];
    }
  }
  return value;
}
