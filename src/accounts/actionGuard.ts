/**
 * What an account has under way that must never run twice at once: a test send (from a
 * command or the agent's tool alike), a transfer for one sub-account, a creation, a
 * removal, a STOP list change, the cancellation of one message. Held by the account's
 * action path (`actionPath.ts`), so every caller of an action on that account sees the same guard.
 */
export type ActionKind = 'send' | 'transfer' | 'createSubaccount' | 'removeSubaccount' | 'stopList' | 'cancel';

export class ActionGuard {
  private readonly busy = new Set<string>();

  /** Whether `kind` (for `subject`, e.g. a sub-account's token) is under way. */
  isBusy(kind: ActionKind, subject = ''): boolean {
    return this.busy.has(`${kind}:${subject}`);
  }

  /**
   * Takes the slot, or answers undefined when it is taken: the caller says "already in
   * progress" and sends nothing. The returned function frees it (call it in `finally`).
   */
  enter(kind: ActionKind, subject = ''): (() => void) | undefined {
    const key = `${kind}:${subject}`;
    if (this.busy.has(key)) {
      return undefined;
    }
    this.busy.add(key);
    return () => this.busy.delete(key);
  }
}
