import * as vscode from 'vscode';
import {
  isSmsClient,
  SmsClient,
  type AnyClient,
  type CancelResult,
  type CreatedSubaccount,
  type CreditTransferResult,
  type MessageStatus,
  type RecipientDelivery,
  type StopPage,
  type SubaccountCreateRequest,
  type SubaccountPage,
  type TagStatusPage,
} from '../api';
import { withLinkedSignal } from '../api/abortable';

/**
 * The API calls an account session makes for its callers, each on the client of the
 * moment. Reads are tied to the account's signal (a key or URL change stops them);
 * actions are one request, never retried, and not tied to it (leaving does not undo
 * what was sent). Kept apart from AccountSession, which owns the client's lifetime.
 */
export abstract class AccountCalls {
  /** The client for the current key and settings, if the service is usable. */
  abstract get client(): AnyClient | undefined;
  /** The service's name, for the errors below. */
  abstract get label(): string;
  /** Aborts when the account changes (key or API URL) or goes away. */
  abstract get accountSignal(): AbortSignal;

  /** Moves credit between the main account and a sub-account. Never retried. */
  transferCredit(direction: 'add' | 'remove', token: string, amount: string): Promise<CreditTransferResult> {
    const client = this.requireClient();
    return direction === 'add'
      ? client.addSubaccountCredit(token, amount)
      : client.removeSubaccountCredit(token, amount);
  }

  /** `subaccount/create`: one request, never retried. */
  createSubaccount(request: SubaccountCreateRequest): Promise<CreatedSubaccount> {
    return this.requireClient().createSubaccount(request);
  }

  /** `subaccount/remove`: one request, never retried. */
  removeSubaccount(token: string): Promise<void> {
    return this.requireClient().removeSubaccount(token);
  }

  listSubaccounts(page: number, signal?: AbortSignal): Promise<SubaccountPage> {
    const client = this.requireClient();
    // The session's signal lives as long as the key: the link ends with the request.
    return withLinkedSignal([signal, this.accountSignal], (linked) => client.listSubaccounts(page, { signal: linked }));
  }

  listStopNumbers(page: number, signal?: AbortSignal): Promise<StopPage> {
    const client = this.requireClient();
    if (!isSmsClient(client)) {
      throw new Error(`${this.label} has no STOP list`);
    }
    return withLinkedSignal([signal, this.accountSignal], (linked) => client.listStopNumbers(page, { signal: linked }));
  }

  getMessageStatus(messageId: string, signal?: AbortSignal): Promise<MessageStatus> {
    const client = this.requireClient();
    return withLinkedSignal([signal, this.accountSignal], (linked) =>
      client.getMessageStatus(messageId, { signal: linked }),
    );
  }

  /**
   * Cancels a scheduled send: one request, never retried, not tied to the session's
   * signal (once sent, leaving does not make it unsent; the caller re-reads instead).
   */
  cancelMessage(messageId: string): Promise<CancelResult> {
    return this.requireClient().cancelMessage(messageId);
  }

  /** One SMS recipient's status (`message-status`): SMS Partner accounts only. */
  getRecipientStatus(messageId: string, phoneNumber: string, signal?: AbortSignal): Promise<RecipientDelivery> {
    const client = this.requireSms();
    return withLinkedSignal([signal, this.accountSignal], (linked) =>
      client.getRecipientStatus(messageId, phoneNumber, { signal: linked }),
    );
  }

  /** One page of a tag's recipients (`bulk-status-by-tag`): SMS Partner accounts only. */
  getStatusByTag(tag: string, page: number, signal?: AbortSignal): Promise<TagStatusPage> {
    const client = this.requireSms();
    return withLinkedSignal([signal, this.accountSignal], (linked) =>
      client.getStatusByTag(tag, page, { signal: linked }),
    );
  }

  protected requireClient(): AnyClient {
    const client = this.client;
    if (!client) {
      throw new Error(vscode.l10n.t('{0} has no API key set.', this.label));
    }
    return client;
  }

  protected requireSms(): SmsClient {
    const client = this.requireClient();
    if (!(client instanceof SmsClient)) {
      throw new Error(vscode.l10n.t('{0} does not offer this: it is an SMS Partner request.', this.label));
    }
    return client;
  }
}
