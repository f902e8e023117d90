import {
  cancelSchema,
  creditTransferSchema,
  mailMeSchema,
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
import { checkMessageId } from './messageId';
import { checkRecipientNumber, checkTag } from './recipientQuery';
import { malformedLogText, PartnerError, type MalformedDetail } from './partnerError';
import type { ErrorContext } from './providerCodes';
import { bodyExcerpt, redactSecrets } from './redact';
import { readJson, readXml, SchemaError, type SchemaNode } from './schema';
import { Transport, type RawAnswer, type TransportOptions } from './transport';
import type {
  Account,
  CancelResult,
  CreditTransferResult,
  MailAccount,
  MessageStatus,
  RecipientDelivery,
  ServiceId,
  SmsAccount,
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
      : { providerMessage: redactSecrets(result.providerMessage, [this.transport.apiKey]) };
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
    const fail = (malformed: MalformedDetail): PartnerError => {
      const excerpt = this.excerpt(answer.body);
      if (answer.status >= 400) {
        return this.error({ kind: 'http', status: answer.status, excerpt });
      }
      const why = malformedLogText(malformed);
      this.options.logger?.warn(`unexpected answer from ${this.transport.host} (${why}): ${excerpt || '<empty>'}`);
      return this.error({ kind: 'malformed', malformed, excerpt });
    };
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
      message: typeof v.message === 'string' ? v.message : undefined,
      read: (schema) => readJson(value, schema),
    };
  }

  private xmlEnvelope(body: string): Envelope | MalformedDetail {
    let root: XmlNode;
    try {
      root = parseXmlDocument(body);
    } catch (err) {
      const line = err instanceof XmlSyntaxError ? err.line : undefined;
      this.options.logger?.warn(`XML from ${this.transport.host}: ${err instanceof Error ? err.message : String(err)}`);
      return { kind: 'notXml', line };
    }
    const [success, code, message] = root.children;
    return {
      success: success?.text === 'true' ? true : success?.text === 'false' ? false : undefined,
      code: Number(code?.text ?? NaN),
      message: message?.text,
      read: (schema) => readXml(root, schema),
    };
  }

  private excerpt(body: string): string {
    return bodyExcerpt(body, [this.transport.apiKey]);
  }

  protected error(init: Omit<ConstructorParameters<typeof PartnerError>[0], 'service' | 'host'>): PartnerError {
    const providerMessage = init.providerMessage && redactSecrets(init.providerMessage, [this.transport.apiKey]);
    return new PartnerError({ ...init, providerMessage, service: this.service, host: this.transport.host });
  }
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
}

/** Either service's client, seen through what both share. */
export type AnyClient = PartnerClient<Account>;

export function createClient(service: ServiceId, options: ClientOptions): AnyClient {
  return service === 'sms' ? new SmsClient(options) : new MailClient(options);
}
