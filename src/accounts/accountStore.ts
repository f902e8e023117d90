import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { SERVICE_IDS, SERVICES, type ServiceId } from '../api';
import { AccountKeys } from './accountKeys';
import {
  environmentAccountId,
  isAccountSecret,
  named,
  readRecords,
  saveRecords,
  type AccountInfo,
  type RemoveResult,
  type StoredAccount,
  type StoreResult,
} from './accountRecords';
import { SecretKeeper } from './secretKeeper';

export type { AccountInfo, KeySource, RemoveResult, StoreResult } from './accountRecords';
export { environmentAccountId } from './accountRecords';

const PINNED_STATE = 'partnerExplorer.pinnedAccounts';

/**
 * The accounts, several per service: their list (ids, services, names) in
 * globalState, each key in SecretStorage under the account's id. A key from
 * `SMSPARTNER_API_KEY` / `MAILPARTNER_API_KEY` is an account too ("from
 * environment"), never stored. When the keyring fails a key lives in memory for
 * the session.
 */
export class AccountStore implements vscode.Disposable {
  private records: StoredAccount[] = [];
  private loaded: Promise<void> | undefined;
  private readonly keeper: SecretKeeper;
  private readonly keys: AccountKeys;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when accounts come or go, or a key or name changes. */
  readonly onDidChange = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.keeper = new SecretKeeper(secrets, state);
    this.keys = new AccountKeys(this.keeper);
    // Another window added, removed or changed a key. This window's own writes
    // are already applied: reading back then would race the list being saved.
    this.subscription = secrets.onDidChange((e) => {
      if (!this.keeper.isOwnChange(e.key) && isAccountSecret(e.key)) {
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
    const stored = this.records.flatMap((r): AccountInfo[] => {
      const held = this.keys.get(r.id);
      return held ? [{ ...r, source: held.source }] : [];
    });
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

  /** Adds an account with this key (the account that already has this key, if one does). */
  async add(service: ServiceId, key: string, label?: string): Promise<StoreResult> {
    const existing = this.findByKey(service, key);
    if (existing) {
      return { account: existing, persisted: existing.source !== 'session' };
    }
    const id = randomBytes(6).toString('hex');
    const persisted = await this.keys.store(id, key, false);
    this.records = [...this.records, named({ id, service }, label)];
    await saveRecords(this.state, this.records);
    this.emitter.fire();
    return { account: this.get(id)!, persisted };
  }

  /** Gives an account a new key (same id, same name, same history). */
  async replaceKey(id: string, key: string): Promise<StoreResult | undefined> {
    if (!this.records.some((r) => r.id === id)) {
      return undefined;
    }
    const persisted = await this.keys.store(id, key, true);
    this.emitter.fire();
    return { account: this.get(id)!, persisted };
  }

  async rename(id: string, label: string): Promise<void> {
    this.records = this.records.map((r) => (r.id === id ? named(r, label) : r));
    await saveRecords(this.state, this.records);
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
    await saveRecords(this.state, this.records);
    const keyDeleted = await this.keys.forget(id);
    this.emitter.fire();
    return { keyDeleted };
  }

  /** Every key value this store knows, for scrubbing logs. */
  knownKeys(): string[] {
    const keys = new Set<string>(this.keys.values());
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

  private async read(): Promise<void> {
    const records = readRecords(this.state);
    // Keys whose delete the keyring refused last time (a removed account's).
    await this.keeper.retryPending();
    await this.keys.read(records.map((r) => r.id));
    this.records = records;
  }
}
