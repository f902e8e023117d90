/** The two provider services this client speaks to. */
export type ServiceId = 'sms' | 'mail';

export const SERVICE_IDS: readonly ServiceId[] = ['sms', 'mail'];

export type ResponseFormat = 'json' | 'xml';

/** A money amount: the provider's exact decimal text plus its parsed value. */
export interface Money {
  /** Exact decimal text as the provider sent it (e.g. `"10225.119"`). */
  readonly amount: string;
  readonly value: number;
  readonly currency: string;
}

export interface AccountUser {
  readonly username: string;
  readonly firstname?: string;
  readonly lastname?: string;
}

export interface SmsCredits {
  readonly service: 'sms';
  readonly sms: number;
  /** `creditSmsECO` in the docs, `creditSmsLowCost` in recorded answers; absent in some. */
  readonly smsEco?: number;
  readonly hlr?: number;
  /** SMS waiting to leave. */
  readonly toSend?: number;
  readonly balance: Money;
}

export interface MailCredits {
  readonly service: 'mail';
  readonly mails: number;
  readonly balance: Money;
}

export type Credits = SmsCredits | MailCredits;

export interface Account<C extends Credits = Credits> {
  readonly user: AccountUser;
  readonly credits: C;
}

export type SmsAccount = Account<SmsCredits>;
export type MailAccount = Account<MailCredits>;

export interface Subaccount {
  readonly id: number;
  readonly email: string;
  /** `simple` or `advanced` (the docs' only types); any other value is dropped when decoding. */
  readonly type?: string;
  /** Identifies the sub-account in credit transfers. */
  readonly token?: string;
  /** The sub-account's own secret key. Never log or display it. */
  readonly apiKey?: string;
  /** Creation time as the provider wrote it (`YYYY-MM-DD HH:MM:SS`, Paris time). */
  readonly createdAtText?: string;
  /** Absent when `createdAtText` is out of the range this client believes (2000 to 2100). */
  readonly createdAt?: Date;
  readonly balance: Money;
}

export interface SubaccountPage {
  /** Total number of sub-accounts; absent in some XML answers. */
  readonly total?: number;
  readonly perPage: number;
  readonly page: number;
  readonly items: readonly Subaccount[];
}

export interface RecipientStatus {
  /** E-mail address (Mail Partner) or phone number (SMS Partner). */
  readonly recipient: string;
  readonly token?: string;
  /** As the provider sent it; unknown values pass through unchanged. */
  readonly status: string;
  readonly cost?: number;
  /** The recipient unsubscribed (`stopMail` / `stopSMS`). */
  readonly stop: boolean;
  /** Absent when the provider sent none, or one this client cannot believe (see `dateText`). */
  readonly date?: Date;
  /** The provider's own text for a date it sent that is not a usable date (`"99999999999999"`): shown as it came. */
  readonly dateText?: string;
}

export interface MessageStatus {
  readonly messageId: string;
  readonly recipients: readonly RecipientStatus[];
}

/** `message-status`: one recipient of one SMS, asked by phone number. */
export interface RecipientDelivery {
  readonly messageId: string;
  /** The number as the provider wrote it back (`0600000000` in its sample). */
  readonly recipient: string;
  /** `Delivered`, `Not delivered`, `Waiting`, or anything else the provider sends, unchanged. */
  readonly status: string;
  readonly stop: boolean;
  readonly date?: Date;
  /** The provider's text for a date this client cannot believe. */
  readonly dateText?: string;
  readonly cost?: number;
  readonly currency?: string;
  readonly countryCode?: string;
}

/** `bulk-status-by-tag`: one page of the recipients of the messages sent with a tag. */
export interface TagStatusPage {
  readonly page: number;
  /** Recipients in all pages, when the provider says. */
  readonly total?: number;
  readonly recipients: readonly RecipientStatus[];
}

/** `message-cancel`: the provider's own sentence (often French), secrets redacted. */
export interface CancelResult {
  readonly providerMessage?: string;
}

export interface CreditTransferResult {
  /** The main account's balance after the transfer. */
  readonly credit: Money;
  /** The sub-account's balance after the transfer. */
  readonly subaccountCredit: Money;
}

/** Minimal logger the client writes to; the extension backs it with a LogOutputChannel. */
export interface PartnerLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A number on the SMS STOP list: it asked not to receive messages. */
export interface StopEntry {
  /** What `stop-sms/delete` takes. */
  readonly id: number;
  readonly phoneNumber: string;
  readonly createdAt?: Date;
  /** The provider's date text, when given. */
  readonly createdAtText?: string;
}

export interface StopPage {
  readonly page: number;
  readonly items: readonly StopEntry[];
}

/** What `lookup` says of one number (the free format check, not HLR). */
export interface NumberLookup {
  /** The number as sent. */
  readonly asked: string;
  readonly valid: boolean;
  readonly country?: string;
  readonly prefix?: number;
  readonly type?: string;
  readonly network?: string;
  readonly e164?: string;
  readonly international?: string;
  readonly national?: string;
  /** Why the provider refused the number, in its words (`"Le numéro de téléphone est vide ou n'est pas valide."`). */
  readonly reason?: string;
}

/** What a send asks for, checked by `sendRules.ts` before the request. */
export interface SmsSendRequest {
  /** International numbers (E.164). */
  readonly phoneNumbers: readonly string[];
  readonly message: string;
  /** 3–11 characters; absent: the provider's short code. */
  readonly sender?: string;
  /** `sandbox=1`: nothing sent, nothing charged. */
  readonly sandbox: boolean;
  readonly isStopSms?: boolean;
  readonly isUnicode?: boolean;
  readonly schedule?: { readonly date: string; readonly hour: number; readonly minute: number };
}

export interface MailSendRequest {
  readonly to: readonly string[];
  readonly subject: string;
  readonly htmlContent: string;
  readonly sandbox: boolean;
  readonly schedule?: { readonly date: string; readonly hour: number; readonly minute: number };
}

/** A send's answer: `message_id`/`messageId`, `nb_sms`/`nbMail`, `cost`, `currency`. */
export interface SendResult {
  readonly service: ServiceId;
  readonly messageId: string;
  /** SMS counted (`nb_sms`) or mails (`nbMail`); absent when the answer has none. */
  readonly count?: number;
  /** Absent when the answer has no cost or no currency. */
  readonly cost?: Money;
  /** The planned time as the provider wrote it (`scheduledDeliveryDate`, SMS and Mail). */
  readonly scheduledText?: string;
}
