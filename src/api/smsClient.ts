import { recipientStatusSchema, smsMeSchema, smsSendSchema, smsStatusSchema, tagStatusSchema } from './answerSchemas';
import { toMessageStatus, toRecipientDelivery, toSendResult, toSmsAccount, toTagStatusPage } from './answers';
import {
  costResumeRequest,
  lookupRequest,
  recipientStatusRequest,
  smsSendRequest,
  stopListRequest,
  tagStatusRequest,
} from './apiRequest';
import { costResumeSchema, toMonthUsage, type CostRange, type MonthUsage } from './costResume';
import { PartnerClient, type CallOptions, type ClientOptions } from './partnerClient';
import { checkPhoneNumber } from './phoneNumber';
import { SchemaError } from './schema';
import { envelopeSchema, lookupSchema, stopAddSchema, stopListSchema, toNumberLookup, toStopPage } from './stopAnswers';
import type {
  MessageStatus,
  NumberLookup,
  RecipientDelivery,
  SendResult,
  SmsAccount,
  SmsSendRequest,
  StopPage,
  TagStatusPage,
} from './types';

/** SMS Partner: the STOP list, the number check, usage statistics and per-recipient status are its own. */
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
    const answer = await this.send(stopListRequest(page), call);
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
    const request = lookupRequest(phoneNumber);
    const e164 = String(request.body?.phoneNumbers);
    const answer = await this.send(request, call);
    const raw = this.decode(answer, lookupSchema, 'lookup');
    try {
      return toNumberLookup(raw, e164);
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
    const answer = await this.send(costResumeRequest(range), call);
    return toMonthUsage(this.decode(answer, costResumeSchema));
  }

  /**
   * `POST /send`: one SMS to a few numbers. Checked before sending (RangeError), sent
   * once and never retried or redirected: a failure after sending leaves the outcome
   * unknown, which the caller must say.
   */
  async sendSms(request: SmsSendRequest, call?: CallOptions): Promise<SendResult> {
    const answer = await this.send(smsSendRequest(request), call);
    return toSendResult('sms', this.decode(answer, smsSendSchema, 'smsSend'));
  }

  /** `GET /message-status`: one recipient of one message, by phone number (SMS Partner only). */
  async getRecipientStatus(messageId: string, phoneNumber: string, call?: CallOptions): Promise<RecipientDelivery> {
    const answer = await this.send(recipientStatusRequest(messageId, phoneNumber), call);
    return toRecipientDelivery(this.decode(answer, recipientStatusSchema, 'recipientStatus'));
  }

  /** `GET /bulk-status-by-tag`: one page (1-based) of the recipients of the messages sent with `tag`. */
  async getStatusByTag(tag: string, page = 1, call?: CallOptions): Promise<TagStatusPage> {
    const answer = await this.send(tagStatusRequest(tag, page), call);
    return toTagStatusPage(this.decode(answer, tagStatusSchema, 'tagStatus'));
  }
}
