import type { KeySource } from './accountRecords';
import { secretName } from './accountRecords';
import type { SecretKeeper } from './secretKeeper';

interface HeldKey {
  readonly key: string;
  readonly source: KeySource;
}

/**
 * Where each stored account's key is held now: the keyring, or this session's memory when
 * the keyring refused it (the account stays usable until the window closes).
 */
export class AccountKeys {
  private readonly held = new Map<string, HeldKey>();
  private readonly sessionKeys = new Map<string, string>();
  /** Accounts whose key was never stored under their id (the keyring refused): nothing to delete. */
  private readonly neverStored = new Set<string>();

  constructor(private readonly keeper: SecretKeeper) {}

  get(id: string): HeldKey | undefined {
    return this.held.get(id);
  }

  /** Stores a key; false when the keyring refused and it is kept for this session only. */
  async store(id: string, key: string, known: boolean): Promise<boolean> {
    const value = key.trim();
    try {
      await this.keeper.store(secretName(id), value);
      this.sessionKeys.delete(id);
      this.neverStored.delete(id);
      this.held.set(id, { key: value, source: 'secretStorage' });
      return true;
    } catch {
      if (!known) {
        this.neverStored.add(id);
      }
      this.sessionKeys.set(id, value);
      this.held.set(id, { key: value, source: 'session' });
      return false;
    }
  }

  /** Forgets an account's key, deleting it from the keyring (false: the keyring refused, retried at next start). */
  async forget(id: string): Promise<boolean> {
    this.held.delete(id);
    this.sessionKeys.delete(id);
    const deleted = this.neverStored.has(id) || (await this.keeper.delete(secretName(id)));
    this.neverStored.delete(id);
    return deleted;
  }

  /** Reads the keys of these accounts again (a key kept for the session stays). */
  async read(ids: readonly string[]): Promise<void> {
    const read = new Map<string, HeldKey>();
    for (const id of ids) {
      const session = this.sessionKeys.get(id);
      if (session) {
        read.set(id, { key: session, source: 'session' });
        continue;
      }
      try {
        const key = (await this.keeper.secrets.get(secretName(id)))?.trim();
        if (key) {
          read.set(id, { key, source: 'secretStorage' });
        }
      } catch {
        // Keyring unavailable: the account shows without a key until it comes back.
      }
    }
    this.held.clear();
    for (const [id, k] of read) {
      this.held.set(id, k);
    }
  }

  /** Every key value held, for scrubbing logs. */
  values(): string[] {
    return [...[...this.held.values()].map((k) => k.key), ...this.sessionKeys.values()];
  }
}
