import type {
  cancelSchema,
  creditTransferSchema,
  mailMeSchema,
  mailSendSchema,
  mailStatusSchema,
  recipientStatusSchema,
  smsMeSchema,
  smsSendSchema,
  smsStatusSchema,
  subaccountListSchema,
  tagStatusSchema,
} from './answerSchemas';
import { fromProviderDateTime, fromUnixSeconds, isProviderDateTime } from './providerDates';
import type { Infer } from './schema';
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

// The answers, read by their schemas (answerSchemas.ts), as the client's types.

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
      recipients: m.StatutResponseList.map((r) => statusRow(r.email, r.stopMail, r)),
    };
  }
  const s = raw as Infer<typeof smsStatusSchema>;
  return {
    messageId: s.message_id,
    recipients: s.StatutResponse_List.map(toSmsRecipientStatus),
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
    recipients: raw.StatutResponse_List.map(toSmsRecipientStatus),
  });
}

export function toCancelResult(raw: Infer<typeof cancelSchema>): CancelResult {
  return withoutUndefined({ providerMessage: raw.message });
}

/** One recipient's row as SMS Partner's status answers give it (by message and by tag alike). */
function toSmsRecipientStatus(r: Infer<typeof tagStatusSchema>['StatutResponse_List'][number]): RecipientStatus {
  return statusRow(r.phoneNumber, r.stopSMS, r);
}

/** A recipient's row, whichever service's names its number or address and its STOP flag go by. */
function statusRow(
  recipient: string,
  stop: boolean | undefined,
  r: { readonly token?: string; readonly status: string; readonly cost?: number; readonly date?: string },
): RecipientStatus {
  return withoutUndefined({
    recipient,
    token: r.token,
    status: r.status,
    cost: r.cost,
    stop: stop ?? false,
    ...statusDate(r.date),
  });
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
