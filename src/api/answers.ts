import { fromProviderDateTime, fromUnixSeconds } from './providerDates';
import {
  isCost,
  isCount,
  isCurrency,
  isPositiveInteger,
  isSubaccountType,
  isTokenText,
  isUnixSecondsText,
} from './fieldShapes';
import { isProviderDateTime } from './providerDates';
import { alias, bool, dec, list, num, obj, opt, shaped, str, type Infer } from './schema';
import type {
  CancelResult,
  CreditTransferResult,
  RecipientDelivery,
  TagStatusPage,
  MailAccount,
  SendResult,
  MessageStatus,
  Money,
  RecipientStatus,
  ServiceId,
  SmsAccount,
  Subaccount,
  SubaccountPage,
} from './types';

/**
 * The provider's answer schemas, one per endpoint, with their keys in the documented
 * order (the positional XML follows it), and the mapping to the client's types.
 */

// Shaped leaves: what places positional XML entries and filters JSON values (fieldShapes.ts).
const count = () => shaped(num(), 'a count', isCount);
const positive = () => shaped(num(), 'a positive integer', isPositiveInteger);
const currency = () => shaped(str(), 'a three-letter currency', isCurrency);
const token = () => shaped(str(), 'a token (text that is not a date)', isTokenText);
const dateTime = () => shaped(str(), 'a YYYY-MM-DD HH:MM:SS date', isProviderDateTime);
const unixSeconds = () => shaped(str(), 'Unix seconds', isUnixSecondsText);
const cost = () => shaped(num(), 'a cost', isCost);

const envelope = { success: bool(), code: count() };

export const smsMeSchema = obj({
  ...envelope,
  user: obj({ username: str(), firstname: opt(str()), lastname: opt(str()) }),
  credits: obj({
    creditSms: count(),
    // The docs say creditSmsECO; a recorded real answer says creditSmsLowCost.
    creditSmsECO: opt(alias(count(), 'creditSmsLowCost')),
    creditHlr: opt(count()),
    toSend: opt(count()),
    solde: opt(dec()),
    currency: currency(),
    balance: alias(dec(), 'solde'),
  }),
});

export const mailMeSchema = obj({
  ...envelope,
  user: obj({ username: str() }),
  credits: obj({ creditMail: count(), currency: currency(), balance: dec() }),
});

const subaccountSchema = obj({
  id: positive(),
  email: str(),
  type: opt(shaped(str(), 'simple or advanced', isSubaccountType)),
  token: opt(token()),
  apiKey: opt(token()),
  createdAt: opt(dateTime()),
  credits: obj({ balance: dec(), currency: currency() }),
});

export const subaccountListSchema = shaped(
  obj({
    ...envelope,
    total: opt(count()),
    nb_per_page: positive(),
    page: positive(),
    data: list(subaccountSchema),
  }),
  'a page of at most nb_per_page sub-accounts',
  (p) => p.data.length <= p.nb_per_page,
);

// Both spellings are read for both services: the docs mix them.
const mailStatusRow = obj({
  email: alias(str(), 'phoneNumber'),
  token: opt(token()),
  status: str(),
  cost: opt(cost()),
  stopMail: opt(alias(bool(), 'stopSMS')),
  date: opt(unixSeconds()),
});

const smsStatusRow = obj({
  phoneNumber: alias(str(), 'email'),
  status: str(),
  stopSMS: opt(alias(bool(), 'stopMail')),
  date: opt(unixSeconds()),
  // Not in the docs' SMS sample: optional, and told apart from the date by their shapes.
  cost: opt(cost()),
  token: opt(token()),
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

// message-status (SMS): the docs' keys in their order. Its date is `YYYY-MM-DD HH:MM:SS`
// where bulk-status sends Unix seconds: either is read.
const statusDateText = () =>
  shaped(str(), 'a date (YYYY-MM-DD HH:MM:SS or Unix seconds)', (v) => isProviderDateTime(v) || isUnixSecondsText(v));
export const recipientStatusSchema = obj({
  ...envelope,
  number: alias(str(), 'phoneNumber'),
  messageId: alias(str(), 'message_id'),
  stopSms: opt(alias(bool(), 'stopSMS')),
  date: opt(statusDateText()),
  statut: alias(str(), 'status'),
  cost: opt(cost()),
  countryCode: opt(shaped(str(), 'a two-letter country code', (v) => /^[A-Z]{2}$/.test(v))),
  currency: opt(currency()),
});

// bulk-status-by-tag (SMS): paged; the rows are bulk-status's.
export const tagStatusSchema = obj({
  ...envelope,
  currentPage: alias(positive(), 'page'),
  total: opt(count()),
  StatutResponse_List: alias(list(smsStatusRow), 'StatutResponseList'),
});

// message-cancel (SMS and Mail): nothing but the envelope and a sentence.
export const cancelSchema = obj({ ...envelope, message: opt(str()) });

export const creditTransferSchema = obj({
  ...envelope,
  credit: dec(),
  subaccountCredit: dec(),
  currency: currency(),
});

// A send's answer, in the single-send page's order (the bulk page orders them otherwise:
// this client sends one request with `phoneNumbers`, whose answer is the single-send one).
const messageIdText = () => shaped(str(), 'a message id', (v) => /^\S{1,64}$/.test(v.trim()));

export const smsSendSchema = obj({
  ...envelope,
  message_id: alias(messageIdText(), 'messageId'),
  nb_sms: opt(alias(count(), 'nbSMS', 'nbSms')),
  cost: opt(dec()),
  currency: opt(currency()),
  scheduledDeliveryDate: opt(dateTime()),
});

export const mailSendSchema = obj({
  ...envelope,
  messageId: alias(messageIdText(), 'message_id'),
  nbMail: opt(alias(count(), 'nb_mail', 'nbMails')),
  cost: opt(dec()),
  currency: opt(currency()),
  scheduledDeliveryDate: opt(dateTime()),
});

export function toSendResult(
  service: ServiceId,
  raw: Infer<typeof smsSendSchema> | Infer<typeof mailSendSchema>,
): SendResult {
  const id = 'message_id' in raw ? raw.message_id : raw.messageId;
  const count = 'nb_sms' in raw ? raw.nb_sms : 'nbMail' in raw ? raw.nbMail : undefined;
  return withoutUndefined({
    service,
    messageId: id.trim(),
    count,
    cost: raw.cost !== undefined && raw.currency !== undefined ? money(raw.cost, raw.currency) : undefined,
    scheduledText: raw.scheduledDeliveryDate,
  });
}

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
    credits: {
      service: 'mail',
      mails: raw.credits.creditMail,
      balance: money(raw.credits.balance, raw.credits.currency),
    },
  };
}

export function toSubaccountPage(raw: Infer<typeof subaccountListSchema>): SubaccountPage {
  return withoutUndefined({
    total: raw.total,
    perPage: raw.nb_per_page,
    page: raw.page,
    items: raw.data.map((s): Subaccount =>
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

export function toMessageStatus(
  service: ServiceId,
  raw: Infer<typeof mailStatusSchema> | Infer<typeof smsStatusSchema>,
): MessageStatus {
  if (service === 'mail') {
    const m = raw as Infer<typeof mailStatusSchema>;
    return {
      messageId: m.messageId,
      recipients: m.StatutResponseList.map((r) =>
        withoutUndefined({
          recipient: r.email,
          token: r.token,
          status: r.status,
          cost: r.cost,
          stop: r.stopMail ?? false,
          ...statusDate(r.date),
        }),
      ),
    };
  }
  const s = raw as Infer<typeof smsStatusSchema>;
  return {
    messageId: s.message_id,
    recipients: s.StatutResponse_List.map((r) =>
      withoutUndefined({
        recipient: r.phoneNumber,
        token: r.token,
        status: r.status,
        cost: r.cost,
        stop: r.stopSMS ?? false,
        ...statusDate(r.date),
      }),
    ),
  };
}

export function toRecipientDelivery(raw: Infer<typeof recipientStatusSchema>): RecipientDelivery {
  const date = raw.date && isProviderDateTime(raw.date) ? fromProviderDateTime(raw.date) : fromUnixSeconds(raw.date);
  return withoutUndefined({
    messageId: raw.messageId,
    recipient: raw.number,
    status: raw.statut,
    stop: raw.stopSms ?? false,
    date,
    dateText: date ? undefined : raw.date,
    cost: raw.cost,
    currency: raw.currency,
    countryCode: raw.countryCode,
  });
}

export function toTagStatusPage(raw: Infer<typeof tagStatusSchema>): TagStatusPage {
  return withoutUndefined({
    page: raw.currentPage,
    total: raw.total,
    recipients: raw.StatutResponse_List.map((r) =>
      withoutUndefined({
        recipient: r.phoneNumber,
        token: r.token,
        status: r.status,
        cost: r.cost,
        stop: r.stopSMS ?? false,
        ...statusDate(r.date),
      }),
    ),
  });
}

export function toCancelResult(raw: Infer<typeof cancelSchema>): CancelResult {
  return withoutUndefined({ providerMessage: raw.message });
}

/** A status date as a Date, or the provider's text when it is not one this client believes. */
function statusDate(text: string | undefined): Pick<RecipientStatus, 'date' | 'dateText'> {
  const date = fromUnixSeconds(text);
  return date ? { date } : { dateText: text };
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
