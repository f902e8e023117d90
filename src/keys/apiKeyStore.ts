import * as vscode from 'vscode';
import type { ServiceId } from '../api';

/** Where a key in use came from: the tree says so. */
export type KeySource = 'secretStorage' | 'session' | 'environment';

export interface ActiveKey {
  readonly key: string;
  readonly source: KeySource;
}

const SECRET_NAME: Record<ServiceId, string> = { sms: 'partnerExplorer.apiKey.sms', mail: 'partnerExplorer.apiKey.mail' };
/** Used when no key is stored: browser-hosted VS Code may not keep secrets across reloads. */
export const KEY_ENV_VARS: Record<ServiceId, string> = { sms: 'SMSPARTNER_API_KEY', mail: 'MAILPARTNER_API_KEY' };

export interface StoreResult {
  /** False when the OS keyring refused: the key is kept for this session only. */
  readonly persisted: boolean;
}

/**
 * The API keys, one per service, kept only in VS Code's SecretStorage. When the
 * keyring fails the key lives in memory for the session. The window that changes
 * a key updates itself directly; `secrets.onDidChange` only serves other windows.
 */
export class ApiKeyStore implements vscode.Disposable {
  private readonly cache = new Map<ServiceId, ActiveKey | undefined>();
  private readonly sessionKeys = new Map<ServiceId, string>();
  private readonly emitter = new vscode.EventEmitter<ServiceId>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.subscription = secrets.onDidChange((e) => {
      const service = (Object.keys(SECRET_NAME) as ServiceId[]).find((s) => SECRET_NAME[s] === e.key);
      if (service) {
        void this.reload(service);
      }
    });
  }

  /** The key in use, reading SecretStorage once and then from memory. */
  async get(service: ServiceId): Promise<ActiveKey | undefined> {
    if (!this.cache.has(service)) {
      this.cache.set(service, await this.read(service));
    }
    return this.cache.get(service);
  }

  /** The key in use if already read, without waiting. */
  peek(service: ServiceId): ActiveKey | undefined {
    return this.cache.get(service);
  }

  async set(service: ServiceId, key: string): Promise<StoreResult> {
    const value = key.trim();
    let persisted = true;
    try {
      await this.secrets.store(SECRET_NAME[service], value);
      this.sessionKeys.delete(service);
    } catch {
      persisted = false;
      this.sessionKeys.set(service, value);
    }
    this.update(service, { key: value, source: persisted ? 'secretStorage' : 'session' });
    return { persisted };
  }

  /** Forgets the stored key; returns the key still in use (from the environment), if any. */
  async clear(service: ServiceId): Promise<ActiveKey | undefined> {
    this.sessionKeys.delete(service);
    try {
      await this.secrets.delete(SECRET_NAME[service]);
    } catch {
      // Nothing stored that we can reach: forgetting the session copy is all there is.
    }
    const remaining = this.fromEnvironment(service);
    this.update(service, remaining);
    return remaining;
  }

  /** Every key value this store knows, for scrubbing logs. */
  knownKeys(): string[] {
    const keys = new Set<string>();
    for (const k of this.cache.values()) {
      if (k) {keys.add(k.key);}
    }
    for (const k of this.sessionKeys.values()) {keys.add(k);}
    for (const name of Object.values(KEY_ENV_VARS)) {
      const v = this.env[name]?.trim();
      if (v) {keys.add(v);}
    }
    return [...keys];
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }

  private async reload(service: ServiceId): Promise<void> {
    this.update(service, await this.read(service));
  }

  private update(service: ServiceId, next: ActiveKey | undefined): void {
    const previous = this.cache.get(service);
    this.cache.set(service, next);
    if (previous?.key !== next?.key || previous?.source !== next?.source) {
      this.emitter.fire(service);
    }
  }

  private async read(service: ServiceId): Promise<ActiveKey | undefined> {
    const session = this.sessionKeys.get(service);
    if (session) {
      return { key: session, source: 'session' };
    }
    try {
      const stored = (await this.secrets.get(SECRET_NAME[service]))?.trim();
      if (stored) {
        return { key: stored, source: 'secretStorage' };
      }
    } catch {
      // Keyring unavailable: fall through to the environment.
    }
    return this.fromEnvironment(service);
  }

  private fromEnvironment(service: ServiceId): ActiveKey | undefined {
    const key = this.env[KEY_ENV_VARS[service]]?.trim();
    return key ? { key, source: 'environment' } : undefined;
  }
}
