import type { MessageStatusPanel } from '../panels/messageStatus/messageStatusPanel';
import { showMessageStatus, type MessageStatusDeps } from './messageStatusCommand';
import { isServiceId } from './servicePick';

/**
 * A message id clicked in an editor or a terminal: the key's spelling names the service
 * when an account of it has a key; otherwise (no hint, or no such account) the account
 * is asked among all. Several accounts of the service: asked (`resolveAccount`).
 */
export function openMessageLink(
  deps: MessageStatusDeps,
  idArg: unknown,
  serviceArg: unknown,
): Promise<MessageStatusPanel | undefined> {
  const hint = isServiceId(serviceArg) ? serviceArg : undefined;
  const usable = hint && deps.sessions.forService(hint).some((s) => s.hasKey);
  const id = typeof idArg === 'string' || typeof idArg === 'number' ? String(idArg) : '';
  return showMessageStatus(deps, usable ? hint : undefined, id);
}
