import { readEnvelope } from './answerEnvelope';
import { messageStatusRequest, meRequest, sendApiRequest, subaccountListRequest, type ApiRequest } from './apiRequest';
import { cancelSchema, creditTransferSchema, subaccountListSchema } from './answerSchemas';
import { toCancelResult, toCreditTransfer, toSubaccountPage } from './answers';
import { checkApiAmount } from './creditAmount';
import { checkMessageId } from './messageId';
import { malformedLogText, PartnerError, type MalformedDetail } from './partnerError';
import type { ErrorContext } from './providerCodes';
import { bodyExcerpt, redactSecrets } from './redact';
import { providerText } from './providerText';
import { SchemaError, type SchemaNode } from './schema';
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
import type { Account, CancelResult, CreditTransferResult, MessageStatus, ServiceId, SubaccountPage } from './types';

export type ClientOptions = Omit<TransportOptions, 'service'>;

export interface CallOptions {
  readonly signal?: AbortSignal;
}

/**
 * The operations both services share and the decoding of every answer; `SmsClient`
 * (smsClient.ts) and `MailClient` (mailClient.ts) add their own endpoints.
 */
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
    const answer = await this.send(subaccountListRequest(page), call);
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
    return this.decode(await this.send(messageStatusRequest(messageId), call), schema);
  }

  protected async fetchMe<T>(schema: SchemaNode<T>, call?: CallOptions): Promise<T> {
    return this.decode(await this.send(meRequest(), call), schema);
  }

  /** Sends a request as `ApiRequest` describes it: the same description Copy as Code writes as code. */
  protected send(request: ApiRequest, call?: CallOptions): Promise<RawAnswer> {
    return sendApiRequest(this.transport, request, call?.signal);
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
    const envelope = readEnvelope(body, this.transport.format, (reason) =>
      this.options.logger?.warn(`XML from ${this.transport.host}: ${reason}`),
    );
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
