import { costResumeParams, type CostRange } from './costResume';
import { checkMessageId } from './messageId';
import { checkPhoneNumber } from './phoneNumber';
import { checkRecipientNumber, checkTag } from './recipientQuery';
import { scheduleFields } from './sendSchedule';
import { checkEmails, checkHtmlContent, checkPhoneNumbers, checkSender, checkSmsText } from './sendRules';
import type { RawAnswer, Transport } from './transport';
import type { MailSendRequest, SmsSendRequest } from './types';

/**
 * A request as plain data, before the key and the response format are added: what the
 * client hands to the transport, and what Copy as Code turns into a snippet, so the
 * two cannot differ. Each builder checks its input as the client always did (RangeError).
 */
export interface ApiRequest {
  /** GET reads are retried; `once` marks an action behind a GET (see Transport.getOnce). */
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Relative to the API URL: `me`, `subaccount/list`. */
  readonly path: string;
  /** Query parameters (GET), in the order sent; the transport adds `_format` first and the key last. */
  readonly query: Readonly<Record<string, string>>;
  /** JSON body (POST, DELETE); the transport puts the key first. */
  readonly body?: Readonly<Record<string, unknown>>;
  readonly once?: boolean;
}

/** Sends a request as described: a read (retried), or an action, sent once. */
export function sendApiRequest(transport: Transport, request: ApiRequest, signal?: AbortSignal): Promise<RawAnswer> {
  if (request.method === 'GET') {
    return request.once
      ? transport.getOnce(request.path, request.query, signal)
      : transport.get(request.path, request.query, signal);
  }
  return transport.post(request.path, request.body ?? {}, signal, request.method);
}

const read = (path: string, query: Record<string, string> = {}): ApiRequest => ({ method: 'GET', path, query });
const write = (path: string, body: Record<string, unknown>): ApiRequest => ({ method: 'POST', path, query: {}, body });

function must<T extends { ok: boolean }>(check: T, what: string): Extract<T, { ok: true }> {
  if (!check.ok) {
    throw new RangeError(`invalid ${what} (${(check as { reason?: string }).reason})`);
  }
  return check as Extract<T, { ok: true }>;
}

function positivePage(page: number): string {
  if (!Number.isInteger(page) || page < 1) {
    throw new RangeError(`page must be a positive integer, got ${page}`);
  }
  return String(page);
}

/** `GET /me`: the account's user and credits. */
export const meRequest = (): ApiRequest => read('me');

/** `GET /subaccount/list`: one page of 20 sub-accounts (1-based). */
export const subaccountListRequest = (page = 1): ApiRequest => read('subaccount/list', { page: positivePage(page) });

/** `GET /bulk-status`: every recipient of one message. */
export const messageStatusRequest = (messageId: string): ApiRequest =>
  read('bulk-status', { messageId: must(checkMessageId(messageId), 'message id').id });

/** `GET /message-status`: one recipient of one message (SMS Partner). */
export const recipientStatusRequest = (messageId: string, phoneNumber: string): ApiRequest =>
  read('message-status', {
    messageId: must(checkMessageId(messageId), 'message id').id,
    phoneNumber: must(checkRecipientNumber(phoneNumber), 'phone number').number,
  });

/** `GET /bulk-status-by-tag`: one page of the recipients of the messages sent with a tag (SMS Partner). */
export const tagStatusRequest = (tag: string, page = 1): ApiRequest =>
  read('bulk-status-by-tag', { tag: must(checkTag(tag), 'tag').tag, page: positivePage(page) });

/** `GET /stop-sms/list`: one page of the STOP list (the docs give no paging: see the client). */
export const stopListRequest = (page = 1): ApiRequest => read('stop-sms/list', { page: String(page) });

/** `POST /lookup`: the free format check of one number, in E.164. */
export const lookupRequest = (phoneNumber: string): ApiRequest =>
  write('lookup', { phoneNumbers: must(checkPhoneNumber(phoneNumber), 'phone number').e164 });

/** `GET /statistics/cost-resume`: messages and cost per month (SMS Partner). */
export const costResumeRequest = (range: CostRange): ApiRequest =>
  read('statistics/cost-resume', costResumeParams(range));

/** `POST /send` (SMS Partner): checked first; the optional fields only when set. */
export function smsSendRequest(request: SmsSendRequest): ApiRequest {
  const numbers = must(checkPhoneNumbers(request.phoneNumbers.join(',')), 'recipients');
  const sender = must(checkSender(request.sender ?? ''), 'sender');
  must(checkSmsText(request.message, { unicode: request.isUnicode, stopMention: request.isStopSms }), 'message');
  return write('send', {
    phoneNumbers: numbers.recipients.join(','),
    message: request.message,
    ...(sender.sender ? { sender: sender.sender } : {}),
    ...(request.isStopSms ? { isStopSms: 1 } : {}),
    ...(request.isUnicode ? { isUnicode: 1 } : {}),
    ...scheduleFields(request.schedule),
    ...(request.sandbox ? { sandbox: 1 } : {}),
  });
}

/** `POST /send` (Mail Partner): every sample puts the recipients in `params.to`. */
export function mailSendRequest(request: MailSendRequest): ApiRequest {
  const to = must(checkEmails(request.to.join(',')), 'recipients');
  if (request.subject.trim() === '') {
    throw new RangeError('a subject is required');
  }
  must(checkHtmlContent(request.htmlContent), 'content');
  return write('send', {
    subject: request.subject.trim(),
    htmlContent: request.htmlContent,
    params: { to: to.recipients.map((email) => ({ email })) },
    ...scheduleFields(request.schedule),
    ...(request.sandbox ? { sandbox: 1 } : {}),
  });
}
