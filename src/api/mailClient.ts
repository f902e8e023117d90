import { mailMeSchema, mailSendSchema, mailStatusSchema } from './answerSchemas';
import { toMailAccount, toMessageStatus, toSendResult } from './answers';
import { mailSendRequest } from './apiRequest';
import { PartnerClient, type CallOptions, type ClientOptions } from './partnerClient';
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
    const answer = await this.send(mailSendRequest(request), call);
    return toSendResult('mail', this.decode(answer, mailSendSchema, 'mailSend'));
  }
}
