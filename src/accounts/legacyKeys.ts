import type * as vscode from 'vscode';
import { SERVICE_IDS, type ServiceId } from '../api';
import type { SecretKeeper } from './secretKeeper';

/** Where the one-key-per-service layout (before accounts) kept each key. */
export const LEGACY_SECRET: Readonly<Record<ServiceId, string>> = {
  sms: 'partnerExplorer.apiKey.sms',
  mail: 'partnerExplorer.apiKey.mail',
};
/** Set while some old key could not be moved yet: the move runs again at the next start. */
const PENDING_STATE = 'partnerExplorer.legacyKeysPending';

export interface MovedAccount {
  readonly id: string;
  readonly service: ServiceId;
}

/**
 * The move of the one-key-per-service layout's keys to accounts. An old key is deleted only
 * after a list naming its account is saved: deleted before, a failure in between (the keyring
 * refusing the other key, the list not saved) would leave the key nowhere. A key the keyring
 * would not read or store is moved again at the next start; its account, if it has one, lives
 * for this session and stays out of the saved list.
 */
export class LegacyKeys {
  /** Old keys whose account holds the key now: deleted after the next save. */
  private readonly moved = new Set<string>();
  /** Accounts made from an old key the keyring would not store, by id: their old key. */
  private readonly unmoved = new Map<string, string>();
  private unread = false;

  constructor(
    private readonly keeper: SecretKeeper,
    private readonly state: vscode.Memento,
  ) {}

  /** Whether the move runs at this load: no list saved yet, or an earlier move left some key. */
  due(listSaved: boolean): boolean {
    return !listSaved || this.state.get(PENDING_STATE) === true;
  }

  /**
   * Makes an account of each old key, its key stored by `storeKey` (false: kept for this
   * session only). Complete when every old key was read and stored.
   */
  async move(storeKey: (id: string, key: string) => Promise<boolean>): Promise<{
    accounts: MovedAccount[];
    complete: boolean;
  }> {
    const accounts: MovedAccount[] = [];
    let complete = true;
    for (const service of SERVICE_IDS) {
      const legacy = LEGACY_SECRET[service];
      if (this.keeper.pending().includes(legacy)) {
        continue; // Moved already: only its delete is owed.
      }
      let key: string | undefined;
      try {
        key = (await this.keeper.secrets.get(legacy))?.trim();
      } catch {
        this.unread = true;
        complete = false;
        continue;
      }
      if (!key) {
        continue;
      }
      // One id per service: a move tried again overwrites its own copy instead of leaving one behind.
      const id = `moved-${service}`;
      accounts.push({ id, service });
      if (await storeKey(id, key)) {
        this.moved.add(legacy);
      } else {
        complete = false;
        this.unmoved.set(id, legacy);
      }
    }
    return { accounts, complete };
  }

  /** Whether this account stays out of the saved list (its key is in memory only). */
  unsaved(id: string): boolean {
    return this.unmoved.has(id);
  }

  /**
   * The account's key is stored now, or the account was removed: true if it came from an old
   * key, which then goes after the next save.
   */
  settled(id: string): boolean {
    const legacy = this.unmoved.get(id);
    if (legacy === undefined) {
      return false;
    }
    this.unmoved.delete(id);
    this.moved.add(legacy);
    return true;
  }

  /** After the list was saved: the old keys its accounts hold go, and what is left is noted. */
  async saved(): Promise<void> {
    await this.state.update(PENDING_STATE, this.unread || this.unmoved.size > 0 ? true : undefined);
    for (const legacy of [...this.moved]) {
      this.moved.delete(legacy);
      await this.keeper.delete(legacy);
    }
  }
}
