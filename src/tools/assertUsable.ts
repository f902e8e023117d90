import type { AccountSession } from '../accounts/accountSession';
import { ToolInputProblem } from './toolAccount';

/** Throws what the tree would say when the account cannot make requests (its API URL setting refused). */
export function assertUsable(session: AccountSession): void {
  const state = session.state;
  if (state.kind === 'invalidSettings') {
    throw new ToolInputProblem(state.message);
  }
}
