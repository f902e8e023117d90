import {
  cancelSchema,
  creditTransferSchema,
  mailMeSchema,
  mailSendSchema,
  smsSendSchema,
  toSendResult,
  mailStatusSchema,
  recipientStatusSchema,
  smsMeSchema,
  smsStatusSchema,
  subaccountListSchema,
  tagStatusSchema,
  toCancelResult,
  toCreditTransfer,
  toMailAccount,
  toMessageStatus,
  toRecipientDelivery,
  toSmsAccount,
  toSubaccountPage,
  toTagStatusPage,
} from './answers';
import { checkApiAmount } from './creditAmount';
import { costResumeParams, costResumeSchema, toMonthUsage, type CostRange, type MonthUsage } from './costResume';
import { checkMessageId } from './messageId';
import { checkPhoneNumber } from './phoneNumber';
import { envelopeSchema, lookupSchema, stopAddSchema, stopListSchema, toNumberLookup, toStopPage } from './stopAnswers';
import { checkEmails, checkHtmlContent, checkPhoneNumbers, checkSender, checkSmsText } from './sendRules';
import { checkRecipientNumber, checkTag } from './recipientQuery';
import { malformedLogText, PartnerError, type MalformedDetail } from './partnerError';
import type { ErrorContext } from './providerCodes';
import { bodyExcerpt, redactSecrets } from './redact';
import { providerText } from './providerText';
import { readJson, readXml, SchemaError, type SchemaNode } from './schema';
import {
  createRequestBody,
  createRequestProblem,
  subaccountCreateSchema,
  subaccountCreateXmlSchema,
  subaccountRemoveSchema,
  toCreatedSubaccount,
  type CreatedSubaccount,
  type SubaccountCreateRequest,
} from './subaccountAdmin';
import { Transport, type RawAnswer, type TransportOptions } from './transport';
import type {
  Account,
  CancelResult,
  CreditTransferResult,
  MailAccount,
  MailSendRequest,
  MessageStatus,
  NumberLookup,
  SendResult,
  SmsSendRequest,
  RecipientDelivery,
  ServiceId,
  SmsAccount,
  StopPage,
  SubaccountPage,
  TagStatusPage,
} from './types';
import { parseXmlDocument, XmlSyntaxError, type XmlNode } from './xmlDocument';

export type ClientOptions = Omit<TransportOptions, 'service'>;

export interface CallOptions {
  readonly signal?: AbortSignal;
}

/** The operations both services share; the facades below add their own `/me` decoding. */
export abstract class PartnerClient<A extends Account = Account> {
  protected readonly transport: Transport;

  constructor(
    readonly service: ServiceId,
    private readonly options: ClientOptions,
  ) {
    this.transport = new Transport({ ...options, service });
  }

  /**
   * How long `requests` more requests to `endpoint` (e.g. `subaccount/list`) will
   * wait for their turn under the request pacing shared by every client of this
   * API: for an honest "time left" on long jobs such as a Find over every page.
   */
  estimateWaitMs(requests: number, endpoint = ''): number {
    return this.transport.estimateWaitMs(requests, endpoint);
  }

  /** `GET /me`: the account's user and credits. */
  abstract getCredits(call?: CallOptions): Promise<A>;

  /** `GET /bulk-status`: the delivery status of every recipient of one message. */
  abstract getMessageStatus(messageId: string, call?: CallOptions): Promise<MessageStatus>;

  /** `GET /subaccount/list`: one page of 20 sub-accounts (1-based). */
  async listSubaccounts(page = 1, call?: CallOptions): Promise<SubaccountPage> {
    if (!Number.isInteger(page) || page < 1) {
      throw new RangeError(`page must be a positive integer, got ${page}`);
    }
    const answer = await this.transport.get('subaccount/list', { page: String(page) }, call?.signal);
    return toSubaccountPage(this.decode(answer, subaccountListSchema));
  }

  /** `POST /subaccount/credit/add`: moves `amount` euros to the sub-account. Never retried. */
  addSubaccountCredit(tokenSubaccount: string, amount: string, call?: CallOptions): Promise<CreditTransferResult> {
    return this.transfer('subaccount/credit/add', tokenSubaccount, amount, call);
  }

  /** `POST /subaccount/credit/remove`: takes `amount` euros back from the sub-account. Never retried. */
  removeSubaccountCredit(tokenSubaccount: string, amount: string, call?: CallOptions): Promise<CreditTransferResult> {
    return this.transfer('subaccount/credit/remove', tokenSubaccount, amount, call);
  }

  /**
   * `POST /subaccount/create`: one request, never retried (a second would create a
   * second sub-account or answer "already exists"). Refuses a request the docs' rules
   * reject before sending anything.
   */
  async createSubaccount(request: SubaccountCreateRequest, call?: CallOptions): Promise<CreatedSubaccount> {
    const problem = createRequestProblem(this.service, request);
    if (problem) {
      throw new RangeError(`invalid sub-account request (${problem})`);
    }
    const answer = await this.transport.post('subaccount/create', createRequestBody(request), call?.signal);
    return this.transport.format === 'xml'
      ? toCreatedSubaccount(this.decode(answer, subaccountCreateXmlSchema, 'subaccountCreate'))
      : toCreatedSubaccount(this.decode(answer, subaccountCreateSchema, 'subaccountCreate'));
  }

  /** `DELETE /subaccount/remove` with the token in a JSON body, as the docs show: once, never retried. */
  async removeSubaccount(token: string, call?: CallOptions): Promise<void> {
    if (!token.trim()) {
      throw new RangeError('a sub-account token is required');
    }
    const answer = await this.transport.post('subaccount/remove', { token: token.trim() }, call?.signal, 'DELETE');
    this.decode(answer, subaccountRemoveSchema, 'subaccountRemove');
  }

  /**
   * `GET /message-cancel`: cancels a scheduled send. An action behind a GET: one
   * request, never retried or redirected (`getOnce`); the docs refuse it within 5 minutes
   * of the send time (code 6). A failure after sending leaves the outcome unknown.
   */
  async cancelMessage(messageId: string, call?: CallOptions): Promise<CancelResult> {
    const checked = checkMessageId(messageId);
    if (!checked.ok) {
      throw new RangeError(`invalid message id (${checked.reason})`);
    }
    const answer = await this.transport.getOnce('message-cancel', { messageId: checked.id }, call?.signal);
    const result = toCancelResult(this.decode(answer, cancelSchema, 'cancel'));
    return result.providerMessage === undefined
      ? result
      : { providerMessage: providerText(redactSecrets(result.providerMessage, [this.transport.apiKey])) };
  }

  private async transfer(
    path: string,
    token: string,
    amount: string,
    call?: CallOptions,
  ): Promise<CreditTransferResult> {
    const checked = checkApiAmount(amount);
    if (!checked.ok) {
      throw new RangeError(`invalid credit amount (${checked.reason})`);
    }
    if (!token.trim()) {
      throw new RangeError('a sub-account token is required');
    }
    const answer = await this.transport.post(
      path,
      { credit: checked.amount, tokenSubaccount: token.trim() },
      call?.signal,
    );
    return toCreditTransfer(this.decode(answer, creditTransferSchema, 'transfer'));
  }

  protected async fetchStatus<T>(messageId: string, schema: SchemaNode<T>, call?: CallOptions): Promise<T> {
    const checked = checkMessageId(messageId);
    if (!checked.ok) {
      throw new RangeError(`invalid message id (${checked.reason})`);
    }
    const answer = await this.transport.get('bulk-status', { messageId: checked.id }, call?.signal);
    return this.decode(answer, schema);
  }

  protected async fetchMe<T>(schema: SchemaNode<T>, call?: CallOptions): Promise<T> {
    return this.decode(await this.transport.get('me', {}, call?.signal), schema);
  }

  /**
   * Turns a raw answer into the schema's value, or the right PartnerError: the
   * provider's own error (whatever the HTTP status), an HTTP error, or an
   * unexpected answer (with a secret-free excerpt in the log).
   */
  protected decode<T>(answer: RawAnswer, schema: SchemaNode<T>, context: ErrorContext = 'general'): T {
    const fail = (malformed: MalformedDetail): PartnerError => this.malformed(answer, malformed);
    const body = answer.body.trim();
    if (body === '') {
      throw fail({ kind: 'empty' });
    }
    if (/^<(!doctype\s+html|html[\s>])/i.test(body)) {
      throw fail({ kind: 'html' });
    }
    const envelope = this.transport.format === 'xml' ? this.xmlEnvelope(body) : this.jsonEnvelope(body);
    if (!('read' in envelope)) {
      throw fail(envelope);
    }
    if (envelope.success === false) {
      throw this.error({
        kind: 'api',
        code: envelope.code,
        status: answer.status,
        providerMessage: envelope.message,
        context,
      });
    }
    if (answer.status >= 400) {
      throw this.error({ kind: 'http', status: answer.status, excerpt: this.excerpt(answer.body) });
    }
    if (envelope.success !== true) {
      throw fail({ kind: 'noSuccess' });
    }
    try {
      return envelope.read(schema);
    } catch (err) {
      if (err instanceof SchemaError) {
        throw fail({ kind: 'schema', text: redactSecrets(err.message, [this.transport.apiKey]) });
      }
      throw err;
    }
  }

  private jsonEnvelope(body: string): Envelope | MalformedDetail {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return { kind: 'notJson' };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { kind: 'notJsonObject' };
    }
    const v = value as Record<string, unknown>;
    return {
      success:
        typeof v.success === 'boolean'
          ? v.success
          : v.success === 'true'
            ? true
            : v.success === 'false'
              ? false
              : undefined,
      code: typeof v.code === 'number' ? v.code : Number(v.code ?? NaN),
      message: typeof v.message === 'string' ? v.message : jsonErrorList(v.errors ?? v.error),
      read: (schema) => readJson(value, schema),
    };
  }

  private xmlEnvelope(body: string): Envelope | MalformedDetail {
    let root: XmlNode;
    try {
      root = parseXmlDocument(body);
    } catch (err) {
      if (!(err instanceof XmlSyntaxError)) {
        throw err;
      }
      this.options.logger?.warn(`XML from ${this.transport.host}: ${err.message}`);
      return { kind: 'notXml', line: err.line };
    }
    const [success, code, message] = root.children;
    return {
      success: success?.text === 'true' ? true : success?.text === 'false' ? false : undefined,
      code: Number(code?.text ?? NaN),
      message: message?.text ?? xmlErrorList(message),
      read: (schema) => readXml(root, schema),
    };
  }

  /** An answer that is not what the endpoint returns (an HTTP error when its status says so), logged. */
  protected malformed(answer: RawAnswer, malformed: MalformedDetail): PartnerError {
    const excerpt = this.excerpt(answer.body);
    if (answer.status >= 400) {
      return this.error({ kind: 'http', status: answer.status, excerpt });
    }
    const why = malformedLogText(malformed);
    this.options.logger?.warn(`unexpected answer from ${this.transport.host} (${why}): ${excerpt || '<empty>'}`);
    return this.error({ kind: 'malformed', malformed, excerpt });
  }

  private excerpt(body: string): string {
    return bodyExcerpt(body, [this.transport.apiKey]);
  }

  protected error(init: Omit<ConstructorParameters<typeof PartnerError>[0], 'service' | 'host'>): PartnerError {
    const providerMessage =
      init.providerMessage && providerText(redactSecrets(init.providerMessage, [this.transport.apiKey]));
    return new PartnerError({ ...init, providerMessage, service: this.service, host: this.transport.host });
  }
}

/**
 * A send's refusal (code 9) lists what was wrong instead of one message:
 * `errors: [{elementId, message}]` (`error` on one page). Its messages, joined.
 */
function jsonErrorList(value: unknown): string | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  const texts = value
    .map((e) => (typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : undefined))
    .filter((m): m is string => typeof m === 'string' && m.trim() !== '');
  return texts.length > 0 ? texts.join('; ') : undefined;
}

/** The same list in positional XML: entries of `[elementId, message]`. */
function xmlErrorList(node: XmlNode | undefined): string | undefined {
  const texts = (node?.children ?? [])
    .map((e) => e.children[1]?.text ?? e.children[0]?.text)
    .filter((m): m is string => typeof m === 'string' && m.trim() !== '');
  return texts.length > 0 ? texts.join('; ') : undefined;
}

/** A schedule as the send pages take it: `scheduledDeliveryDate`, `time`, `minute`. */
function scheduleFields(schedule: SmsSendRequest['schedule']): Record<string, unknown> {
  return schedule ? { scheduledDeliveryDate: schedule.date, time: schedule.hour, minute: schedule.minute } : {};
}

interface Envelope {
  readonly success: boolean | undefined;
  readonly code: number;
  readonly message: string | undefined;
  read<T>(schema: SchemaNode<T>): T;
}

export class SmsClient extends PartnerClient<SmsAccount> {
  constructor(options: ClientOptions) {
    super('sms', options);
  }

  async getCredits(call?: CallOptions): Promise<SmsAccount> {
    return toSmsAccount(await this.fetchMe(smsMeSchema, call));
  }

  async getMessageStatus(messageId: string, call?: CallOptions): Promise<MessageStatus> {
    return toMessageStatus('sms', await this.fetchStatus(messageId, smsStatusSchema, call));
  }

  /**
   * `GET stop-sms/list`: one page of the STOP list. The docs give no paging; `page` is
   * sent anyway and a page that repeats the previous one ends the list (see
   * docs/api-decisions.md).
   */
  async listStopNumbers(page = 1, call?: CallOptions): Promise<StopPage> {
    const answer = await this.transport.get('stop-sms/list', { page: String(page) }, call?.signal);
    return toStopPage(this.decode(answer, stopListSchema, 'stopList'), page);
  }

  /** `POST stop-sms/add`: sent once, never retried. Returns the new entry's id when given. */
  async addStopNumber(phoneNumber: string, call?: CallOptions): Promise<{ readonly stopId?: number }> {
    const checked = checkPhoneNumber(phoneNumber);
    if (!checked.ok) {
      throw new RangeError(`invalid phone number (${checked.reason})`);
    }
    const answer = await this.transport.post('stop-sms/add', { phoneNumber: checked.e164 }, call?.signal);
    const raw = this.decode(answer, stopAddSchema, 'stopList');
    return raw.stopId !== undefined ? { stopId: raw.stopId } : {};
  }

  /** `GET stop-sms/delete?id=`: an action behind a GET, so sent once (getOnce). */
  async removeStopNumber(id: number, call?: CallOptions): Promise<void> {
    if (!Number.isSafeInteger(id) || id <= 0) {
      throw new RangeError('invalid STOP entry id');
    }
    const answer = await this.transport.getOnce('stop-sms/delete', { id: String(id) }, call?.signal);
    this.decode(answer, envelopeSchema, 'stopList');
  }

  /** `POST lookup`: the free format check of one number (not the paid HLR). */
  async lookupNumber(phoneNumber: string, call?: CallOptions): Promise<NumberLookup> {
    const checked = checkPhoneNumber(phoneNumber);
    if (!checked.ok) {
      throw new RangeError(`invalid phone number (${checked.reason})`);
    }
    const answer = await this.transport.post('lookup', { phoneNumbers: checked.e164 }, call?.signal);
    const raw = this.decode(answer, lookupSchema, 'lookup');
    try {
      return toNumberLookup(raw, checked.e164);
    } catch (err) {
      // No entry for the number asked: an answer about another number is no answer.
      if (err instanceof SchemaError) {
        throw this.malformed(answer, { kind: 'schema', text: err.message });
      }
      throw err;
    }
  }

  /**
   * `GET /statistics/cost-resume`: messages sent and cost per month, oldest first. The
   * pacer lets at most 5 a minute go out (PROVIDER_PACE); a read, so retried like any GET.
   */
  async costResume(range: CostRange, call?: CallOptions): Promise<MonthUsage[]> {
    const answer = await this.transport.get('statistics/cost-resume', costResumeParams(range), call?.signal);
    return toMonthUsage(this.decode(answer, costResumeSchema));
  }

  /**
   * `POST /send`: one SMS to a few numbers. Checked before sending (RangeError), sent
   * once and never retried or redirected: a failure after sending leaves the outcome
   * unknown, which the caller must say.
   */
  async sendSms(request: SmsSendRequest, call?: CallOptions): Promise<SendResult> {
    const numbers = checkPhoneNumbers(request.phoneNumbers.join(','));
    if (!numbers.ok) {
      throw new RangeError(`invalid recipients (${numbers.reason})`);
    }
    const sender = checkSender(request.sender ?? '');
    if (!sender.ok) {
      throw new RangeError(`invalid sender (${sender.reason})`);
    }
    const text = checkSmsText(request.message, { unicode: request.isUnicode, stopMention: request.isStopSms });
    if (!text.ok) {
      throw new RangeError(`invalid message (${text.reason})`);
    }
    const body: Record<string, unknown> = {
      phoneNumbers: numbers.recipients.join(','),
      message: request.message,
      ...(sender.sender ? { sender: sender.sender } : {}),
      ...(request.isStopSms ? { isStopSms: 1 } : {}),
      ...(request.isUnicode ? { isUnicode: 1 } : {}),
      ...scheduleFields(request.schedule),
      ...(request.sandbox ? { sandbox: 1 } : {}),
    };
    const answer = await this.transport.post('send', body, call?.signal);
    return toSendResult('sms', this.decode(answer, smsSendSchema, 'smsSend'));
  }

  /**
  /** `GET /message-status`: one recipient of one message, by phone number (SMS Partner only). */
  async getRecipientStatus(messageId: string, phoneNumber: string, call?: CallOptions): Promise<RecipientDelivery> {
    const id = checkMessageId(messageId);
    if (!id.ok) {
      throw new RangeError(`invalid message id (${id.reason})`);
    }
    const number = checkRecipientNumber(phoneNumber);
    if (!number.ok) {
      throw new RangeError(`invalid phone number (${number.reason})`);
    }
    const answer = await this.transport.get(
      'message-status',
      { messageId: id.id, phoneNumber: number.number },
      call?.signal,
    );
    return toRecipientDelivery(this.decode(answer, recipientStatusSchema, 'recipientStatus'));
  }

  /** `GET /bulk-status-by-tag`: one page (1-based) of the recipients of the messages sent with `tag`. */
  async getStatusByTag(tag: string, page = 1, call?: CallOptions): Promise<TagStatusPage> {
    const checked = checkTag(tag);
    if (!checked.ok) {
      throw new RangeError(`invalid tag (${checked.reason})`);
    }
    if (!Number.isInteger(page) || page < 1) {
      throw new RangeError(`page must be a positive integer, got ${page}`);
    }
    const answer = await this.transport.get(
      'bulk-status-by-tag',
      { tag: checked.tag, page: String(page) },
      call?.signal,
    );
    return toTagStatusPage(this.decode(answer, tagStatusSchema, 'tagStatus'));
  }
}

export class MailClient extends PartnerClient<MailAccount> {
  constructor(options: ClientOptions) {
    super('mail', options);
  }

  async getCredits(call?: CallOptions): Promise<MailAccount> {
    return toMailAccount(await this.fetchMe(mailMeSchema, call));
  }

  async getMessageStatus(messageId: string, call?: CallOptions): Promise<MessageStatus> {
    return toMessageStatus('mail', await this.fetchStatus(messageId, mailStatusSchema, call));
  }

  /** `POST /send`: one e-mail to a few addresses; checked first, sent once, never retried (see `sendSms`). */
  async sendMail(request: MailSendRequest, call?: CallOptions): Promise<SendResult> {
    const to = checkEmails(request.to.join(','));
    if (!to.ok) {
      throw new RangeError(`invalid recipients (${to.reason})`);
    }
    if (request.subject.trim() === '') {
      throw new RangeError('a subject is required');
    }
    const html = checkHtmlContent(request.htmlContent);
    if (!html.ok) {
      throw new RangeError(`invalid content (${html.reason})`);
    }
    // Every sample puts the recipients in `params.to`; the parameter table lists `to` at the top.
    const body: Record<string, unknown> = {
      subject: request.subject.trim(),
      htmlContent: request.htmlContent,
      params: { to: to.recipients.map((email) => ({ email })) },
      ...scheduleFields(request.schedule),
      ...(request.sandbox ? { sandbox: 1 } : {}),
    };
    const answer = await this.transport.post('send', body, call?.signal);
    return toSendResult('mail', this.decode(answer, mailSendSchema, 'mailSend'));
  }
}

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
