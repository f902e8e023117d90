import { isSmsClient, type NumberLookup, type StopEntry } from '../api';
import type { AccountSession } from './accountSession';

/** What Check Phone Number found, for the answer and the tests. */
export interface NumberCheck {
  readonly lookup: NumberLookup;
  /** The STOP list entry, when the number is on the account's list. */
  readonly stop?: StopEntry;
}

/** The lookup and the STOP list read together (the list's pages as needed, once per session). */
export async function readNumberCheck(session: AccountSession, e164: string): Promise<NumberCheck> {
  const client = session.client;
  if (!isSmsClient(client)) {
    throw new Error('not an SMS Partner account');
  }
  const [lookup] = await Promise.all([
    client.lookupNumber(e164, { signal: session.accountSignal }),
    session.stopList.loadAll(session.accountSignal),
  ]);
  if (session.stopList.error !== undefined) {
    throw session.stopList.error;
  }
  return { lookup, stop: session.stopList.find(e164) };
}
