import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { SERVICE_IDS, SERVICES, type ServiceId } from '../api';
import { LegacyKeys } from './legacyKeys';
import { SecretKeeper } from './secretKeeper';

export { LEGACY_SECRET } from './legacyKeys';

/** Where an account's key comes from: the tree says so. */
export type KeySource = 'secretStorage' | 'session' | 'environment';

/** An account as the user sees it: never its key. */
export interface AccountInfo {
  readonly id: string;
  readonly service: ServiceId;
  /** The name the user gave it; empty means "use the provider's username". */
  readonly label?: string;
  readonly source: KeySource;
}

/** What removing an account did. */
export interface RemoveResult {
  /** False when the keyring refused to delete the key: it is still stored, and deleted at the next start. */
  readonly keyDeleted: boolean;
}

export interface StoreResult {
  readonly account: AccountInfo;
  /** False when the OS keyring refused: the key is kept for this session only. */
  readonly persisted: boolean;
}

/** What is kept in globalState: ids, services and names, never a key. */
interface StoredAccount {
  readonly id: string;
  readonly service: ServiceId;
  readonly label?: string;
}

const ACCOUNTS_STATE = 'partnerExplorer.accountList';
const PINNED_STATE = 'partnerExplorer.pinnedAccounts';
const secretName = (id: string) => `partnerExplorer.account.${id}.apiKey`;
/** The id of the account a key from the environment stands for. */
export const environmentAccountId = (service: ServiceId) => `env-${service}`;

function isStored(value: unknown): value is StoredAccount {
  const v = value as StoredAccount | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.id === 'string' &&
    /^[a-z0-9-]{1,40}$/.test(v.id) &&
    SERVICE_IDS.includes(v.service) &&
    (v.label === undefined || typeof v.label === 'string')
  );
}

/**
 * The accounts, several per service: their list (ids, services, names) in
 * globalState, each key in SecretStorage under the account's id. A key from
 * `SMSPARTNER_API_KEY` / `MAILPARTNER_API_KEY` is an account too ("from
 * environment"), never stored. Keys set before accounts existed move to a first
 * account on the first start. When the keyring fails a key lives in memory for
 * the session.
 */
export class AccountStore implements vscode.Disposable {
  private records: StoredAccount[] = [];
  private readonly keys = new Map<string, { key: string; source: KeySource }>();
  private readonly sessionKeys = new Map<string, string>();
  private loaded: Promise<void> | undefined;
  private readonly keeper: SecretKeeper;
  /** Accounts whose key was never stored under their id (the keyring refused): nothing to delete. */
  private readonly neverStored = new Set<string>();
  private readonly legacy: LegacyKeys;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when accounts come or go, or a key or name changes. */
  readonly onDidChange = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.keeper = new SecretKeeper(secrets, state);
    this.legacy = new LegacyKeys(this.keeper, state);
    // Another window added, removed or changed a key. This window's own writes
    // are already applied: reading back then would race the list being saved.
    this.subscription = secrets.onDidChange((e) => {
      if (this.keeper.isOwnChange(e.key)) {
        return;
      }
      if (e.key.startsWith('partnerExplorer.account.')) {
        void this.reload();
      }
    });
  }

  /** Reads the list and the keys (once; later calls share it). */
  load(): Promise<void> {
    this.loaded ??= this.read();
    return this.loaded;
  }

  /** Reads everything again (another window changed it). */
  async reload(): Promise<void> {
    this.loaded = this.read();
    await this.loaded;
    this.emitter.fire();
  }

  /** Every account, environment ones first, then in the order they were added. */
  get accounts(): readonly AccountInfo[] {
    const fromEnv = SERVICE_IDS.filter((s) => this.envKey(s)).map((service): AccountInfo => ({
      id: environmentAccountId(service),
      service,
      source: 'environment',
    }));
    const stored = this.records
      .filter((r) => this.keys.has(r.id))
      .map((r): AccountInfo => ({ ...r, source: this.keys.get(r.id)!.source }));
    return [...fromEnv, ...stored];
  }

  forService(service: ServiceId): readonly AccountInfo[] {
    return this.accounts.filter((a) => a.service === service);
  }

  get(id: string): AccountInfo | undefined {
    return this.accounts.find((a) => a.id === id);
  }

  /** The key of an account, if it has one now. */
  key(id: string): string | undefined {
    const env = SERVICE_IDS.find((s) => environmentAccountId(s) === id);
    return env ? this.envKey(env) : this.keys.get(id)?.key;
  }

  /** The account a key already belongs to (adding the same key twice makes one account). */
  findByKey(service: ServiceId, key: string): AccountInfo | undefined {
    return this.forService(service).find((a) => this.key(a.id) === key.trim());
  }

  /** The account the status bar shows for a service: the one pinned, else the first. */
  pinned(service: ServiceId): AccountInfo | undefined {
    const id = this.state.get<Record<string, string>>(PINNED_STATE)?.[service];
    return this.forService(service).find((a) => a.id === id) ?? this.forService(service)[0];
  }

  async pin(id: string): Promise<void> {
    const account = this.get(id);
    if (!account) {
      return;
    }
    const pins = { ...(this.state.get<Record<string, string>>(PINNED_STATE) ?? {}), [account.service]: id };
    await this.state.update(PINNED_STATE, pins);
    this.emitter.fire();
  }

  /** Adds an account with this key (or gives its key to `replacing`). */
  async add(service: ServiceId, key: string, label?: string): Promise<StoreResult> {
    const existing = this.findByKey(service, key);
    if (existing) {
      return { account: existing, persisted: existing.source !== 'session' };
    }
    const id = randomBytes(6).toString('hex');
    const persisted = await this.storeKey(id, key);
    this.records = [...this.records, { id, service, ...(label?.trim() ? { label: label.trim() } : {}) }];
    await this.saveList();
    this.emitter.fire();
    return { account: this.get(id)!, persisted };
  }

  /** Gives an account a new key (same id, same name, same history). */
  async replaceKey(id: string, key: string): Promise<StoreResult | undefined> {
    if (!this.records.some((r) => r.id === id)) {
      return undefined;
    }
    const persisted = await this.storeKey(id, key);
    this.emitter.fire();
    return { account: this.get(id)!, persisted };
  }

  async rename(id: string, label: string): Promise<void> {
    this.records = this.records.map((r) =>
      r.id === id ? { id: r.id, service: r.service, ...(label.trim() ? { label: label.trim() } : {}) } : r,
    );
    await this.saveList();
    this.emitter.fire();
  }

  /**
   * Forgets an account and its key: the list without it is saved first, then the key deleted
   * (a key deleted first would leave a saved list naming an account without one, were the
   * save to fail). Undefined for an account it does not hold (an environment account).
   */
  async remove(id: string): Promise<RemoveResult | undefined> {
    if (!this.records.some((r) => r.id === id)) {
      return undefined;
    }
    this.records = this.records.filter((r) => r.id !== id);
    this.keys.delete(id);
    this.sessionKeys.delete(id);
    this.legacy.settled(id); // An account made from an old key: that key goes too.
    await this.saveList();
    const keyDeleted = this.neverStored.has(id) || (await this.keeper.delete(secretName(id)));
    this.neverStored.delete(id);
    this.emitter.fire();
    return { keyDeleted };
  }

  /** Every key value this store knows, for scrubbing logs. */
  knownKeys(): string[] {
    const keys = new Set<string>([...[...this.keys.values()].map((k) => k.key), ...this.sessionKeys.values()]);
    for (const s of SERVICE_IDS) {
      const k = this.envKey(s);
      if (k) {
        keys.add(k);
      }
    }
    return [...keys];
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }

  private envKey(service: ServiceId): string | undefined {
    return this.env[SERVICES[service].keyEnvVar]?.trim() || undefined;
  }

  private async storeKey(id: string, key: string): Promise<boolean> {
    const value = key.trim();
    const known = this.records.some((r) => r.id === id);
    try {
      await this.keeper.store(secretName(id), value);
      this.sessionKeys.delete(id);
      this.neverStored.delete(id);
      this.keys.set(id, { key: value, source: 'secretStorage' });
      if (this.legacy.settled(id)) {
        await this.saveList(); // Lists the account, then its old key goes.
      }
      return true;
    } catch {
      if (!known) {
        this.neverStored.add(id);
      }
      this.sessionKeys.set(id, value);
      this.keys.set(id, { key: value, source: 'session' });
      return false;
    }
  }

  /** Saves the list, then deletes the old per-service keys its accounts now hold (never before). */
  private async saveList(): Promise<void> {
    await this.state.update(
      ACCOUNTS_STATE,
      this.records.filter((r) => !this.legacy.unsaved(r.id)),
    );
    await this.legacy.saved();
  }

  private async read(): Promise<void> {
    const stored = this.state.get<unknown>(ACCOUNTS_STATE);
    let records = Array.isArray(stored) ? stored.filter(isStored) : [];
    // Keys whose delete the keyring refused last time (a removed account's, an old key moved).
    await this.keeper.retryPending();
    if (this.legacy.due(stored !== undefined)) {
      const { accounts, complete } = await this.legacy.move((id, key) => this.storeKey(id, key));
      records = [...records, ...accounts];
      // A first move that left a key behind saves nothing: it runs again whole next time.
      if (complete || stored !== undefined) {
        this.records = records;
        await this.saveList();
      }
    }
    const keys = new Map<string, { key: string; source: KeySource }>();
    for (const r of records) {
      const session = this.sessionKeys.get(r.id);
      if (session) {
        keys.set(r.id, { key: session, source: 'session' });
        continue;
      }
      try {
        const key = (await this.secrets.get(secretName(r.id)))?.trim();
        if (key) {
          keys.set(r.id, { key, source: 'secretStorage' });
        }
      } catch {
        // Keyring unavailable: the account shows without a key until it comes back.
      }
    }
    this.records = records;
    this.keys.clear();
    for (const [id, k] of keys) {
      this.keys.set(id, k);
    }
  }
}
