import type { AccountSession } from './accountSession';
import type { AccountSessions } from './accountSessions';
import { accountRef, type CreditHistory } from './creditHistory';
import { mainCount } from './mainCount';

/**
 * Puts each successful reading of every account into the credit history: every `ready`
 * state is a new reading. Sessions made later (an account added) are followed too.
 */
export function recordCredits(sessions: AccountSessions, history: CreditHistory): { dispose(): void } {
  const watched = new WeakSet<AccountSession>();
  const follow = () => {
    for (const session of sessions.all) {
      if (watched.has(session)) {
        continue;
      }
      watched.add(session);
      // Disposed with the session's own emitters when the account goes.
      session.onDidChange(() => {
        const state = session.state;
        if (state.kind !== 'ready') {
          return;
        }
        void history.record(
          accountRef(session.service, state.account.user.username),
          mainCount(state.account),
          state.account.credits.balance.value,
          state.updatedAt.getTime(),
        );
      });
    }
  };
  follow();
  return sessions.onDidChange(follow);
}
