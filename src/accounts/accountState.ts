import type { Account, Money } from '../api';

export type AccountState =
  | { readonly kind: 'noKey' }
  | { readonly kind: 'invalidSettings'; readonly message: string }
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading'; readonly previous?: Account }
  | { readonly kind: 'ready'; readonly account: Account; readonly updatedAt: Date }
  | { readonly kind: 'error'; readonly error: unknown; readonly previous?: Account; readonly failedAt: Date };

/** How long a credit reading is fresh enough to share between the tree and the status bar. */
export const SHARE_WINDOW_MS = 2000;

/** The last account read, even while reloading or after a failure. */
export function lastAccount(s: AccountState): Account | undefined {
  return s.kind === 'ready' ? s.account : s.kind === 'loading' || s.kind === 'error' ? s.previous : undefined;
}

/** When the state was last settled by an answer (read or failed), to share a fresh one. */
export function settledAt(s: AccountState): Date | undefined {
  return s.kind === 'ready' ? s.updatedAt : s.kind === 'error' ? s.failedAt : undefined;
}

/** A ready state with the main account's balance as a transfer answer gave it; none unless ready. */
export function withBalance(s: AccountState, balance: Money): AccountState | undefined {
  if (s.kind !== 'ready') {
    return undefined;
  }
  const credits = { ...s.account.credits, balance };
  return { kind: 'ready', account: { ...s.account, credits } as Account, updatedAt: new Date() };
}
