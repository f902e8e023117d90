import type * as vscode from 'vscode';
import { checkMessageId } from '../api';

export const MAX_RECENT_MESSAGES = 20;

/**
 * The last message ids looked up per account, newest first, kept in globalState:
 * ids only, nothing about recipients.
 */
export class RecentMessages {
  constructor(private readonly memento: vscode.Memento) {}

  list(accountId: string): string[] {
    const stored = this.memento.get<unknown>(key(accountId));
    if (!Array.isArray(stored)) {
      return [];
    }
    // Whatever is stored is re-checked: the memento may come from an older version.
    return stored
      .filter((id): id is string => typeof id === 'string' && checkMessageId(id).ok)
      .slice(0, MAX_RECENT_MESSAGES);
  }

  async remember(accountId: string, messageId: string): Promise<void> {
    const ids = [messageId, ...this.list(accountId).filter((id) => id !== messageId)].slice(0, MAX_RECENT_MESSAGES);
    await this.memento.update(key(accountId), ids);
  }

  /** Forgets an account's ids (the account was removed). */
  async clear(accountId: string): Promise<void> {
    await this.memento.update(key(accountId), undefined);
  }
}

function key(accountId: string): string {
  return `partnerExplorer.recentMessages.account.${accountId}`;
}
