import { recipientStatusSchema, smsMeSchema, smsSendSchema, smsStatusSchema, tagStatusSchema } from './answerSchemas';
import { toMessageStatus, toRecipientDelivery, toSendResult, toSmsAccount, toTagStatusPage } from './answers';
import { costResumeParams, costResumeSchema, toMonthUsage, type CostRange, type MonthUsage } from './costResume';
import { checkMessageId } from './messageId';
import { PartnerClient, type CallOptions, type ClientOptions } from './partnerClient';
import { checkPhoneNumber } from './phoneNumber';
import { checkRecipientNumber, checkTag } from './recipientQuery';
import { SchemaError } from './schema';
import { scheduleFields } from './sendSchedule';
import { checkPhoneNumbers, checkSender, checkSmsText } from './sendRules';
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
