import { mailMeSchema, mailSendSchema, mailStatusSchema } from './answerSchemas';
import { toMailAccount, toMessageStatus, toSendResult } from './answers';
import { PartnerClient, type CallOptions, type ClientOptions } from './partnerClient';
import { scheduleFields } from './sendSchedule';
import { checkEmails, checkHtmlContent } from './sendRules';
import type { MailAccount, MailSendRequest, MessageStatus, SendResult } from './types';

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
