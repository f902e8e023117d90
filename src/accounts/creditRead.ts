import type { Account, AnyClient } from '../api';
import type { AccountState } from './accountState';

/** What a credit reading reports to its session. */
export interface CreditReader {
  /** The session's client now: an answer for a replaced client belongs to another key. */
  current(): AnyClient | undefined;
  /** The last account read, kept on screen while loading or after a failure. */
  previous(): Account | undefined;
  set(state: AccountState): void;
  warn(text: string): void;
}

/** One `/me` reading, told as states; silent once the client was replaced or the reading called off. */
export async function readCredits(client: AnyClient, signal: AbortSignal, reader: CreditReader): Promise<void> {
  reader.set({ kind: 'loading', previous: reader.previous() });
  try {
    const account = await client.getCredits({ signal });
    if (client === reader.current()) {
      reader.set({ kind: 'ready', account, updatedAt: new Date() });
    }
  } catch (error) {
    if (client === reader.current() && !signal.aborted) {
      reader.warn(`reading credits failed: ${error instanceof Error ? error.message : String(error)}`);
      reader.set({ kind: 'error', error, previous: reader.previous(), failedAt: new Date() });
    }
  }
}

/** One task at a time, shared by whoever asks while it runs (the tree and the status bar together make one request). */
export class SharedRun {
  private inFlight: Promise<void> | undefined;

  get running(): Promise<void> | undefined {
    return this.inFlight;
  }

  run(task: () => Promise<void>): Promise<void> {
    const run = task().finally(() => {
      if (this.inFlight === run) {
        this.inFlight = undefined;
      }
    });
    this.inFlight = run;
    return run;
  }

  /** A new client: the next caller starts a reading of its own. */
  forget(): void {
    this.inFlight = undefined;
  }
}
