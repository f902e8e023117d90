import type * as vscode from 'vscode';
import { checkMessageId, type ServiceId } from '../api';

export const MAX_RECENT_MESSAGES = 20;

/**
 * The last message ids looked up per service, newest first, kept in globalState:
 * ids only, nothing about recipients.
 */
export class RecentMessages {
  constructor(private readonly memento: vscode.Memento) {}

  list(service: ServiceId): string[] {
    const stored = this.memento.get<unknown>(key(service));
    if (!Array.isArray(stored)) {return [];}
    // Whatever is stored is re-checked: the memento may come from an older version.
    return stored.filter((id): id is string => typeof id === 'string' && checkMessageId(id).ok).slice(0, MAX_RECENT_MESSAGES);
  }

  async remember(service: ServiceId, messageId: string): Promise<void> {
    const ids = [messageId, ...this.list(service).filter((id) => id !== messageId)].slice(0, MAX_RECENT_MESSAGES);
    await this.memento.update(key(service), ids);
  }

  async clear(service: ServiceId): Promise<void> {
    await this.memento.update(key(service), undefined);
  }
}

function key(service: ServiceId): string {
  return `partnerExplorer.recentMessages.${service}`;
}
