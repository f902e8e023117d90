import * as vscode from 'vscode';
import { SERVICES, type ServiceId } from '../api';
import type { PartnerLog } from '../log/partnerLog';
import type { PartnerSettings } from '../settings/partnerSettings';
import { AccountSession } from './accountSession';
import type { AccountStore } from './accountStore';
import type { KeyOwner } from './keyMatcher';
import { KeysInPassing } from './keysInPassing';

/**
 * One session per account of the store: created when an account comes, disposed
 * when it goes, reconfigured when its key or the settings change. The tree, the
 * status bar, panels and commands find an account's session here.
 */
export class AccountSessions implements vscode.Disposable {
  private readonly sessions = new Map<string, AccountSession>();
  private settings: PartnerSettings;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when accounts come or go, are renamed or pinned. */
  readonly onDidChange = this.emitter.event;
  private readonly subscription: vscode.Disposable;
  private syncing: Promise<void> = Promise.resolve();
  /** Keys used without being stored (a sub-account's, while browsing as it). */
  readonly keysInPassing = new KeysInPassing();

  constructor(
    readonly store: AccountStore,
    settings: PartnerSettings,
    private readonly log: PartnerLog,
    private readonly withProgress: <T>(task: () => Promise<T>) => Thenable<T>,
  ) {
    this.settings = settings;
    this.subscription = store.onDidChange(() => void this.sync());
  }

  /** Every session, in the store's order. */
  get all(): readonly AccountSession[] {
    return this.store.accounts.map((a) => this.sessions.get(a.id)).filter((s): s is AccountSession => s !== undefined);
  }

  forService(service: ServiceId): readonly AccountSession[] {
    return this.all.filter((s) => s.service === service);
  }

  get(id: string): AccountSession | undefined {
    return this.sessions.get(id);
  }

  /** The account the status bar shows for a service. */
  pinned(service: ServiceId): AccountSession | undefined {
    const info = this.store.pinned(service);
    return info ? this.sessions.get(info.id) : undefined;
  }

  get hasAny(): boolean {
    return this.sessions.size > 0;
  }

  /** New settings for every account (format, timeout, URLs). */
  configure(settings: PartnerSettings): Promise<void> {
    this.settings = settings;
    return this.sync();
  }

  /** Brings the sessions in line with the store; calls run one after the other. */
  sync(): Promise<void> {
    this.syncing = this.syncing.then(
      () => this.doSync(),
      () => this.doSync(),
    );
    return this.syncing;
  }

  /** Every key held now and whose it is: the accounts' (stored or from the environment), then those in passing. */
  heldKeys(): { key: string; owner: KeyOwner }[] {
    const accounts = this.all.flatMap((s) => {
      const key = this.store.key(s.id);
      const stored = s.info.source !== 'environment';
      const name = stored || s.name !== s.label ? s.name : SERVICES[s.service].keyEnvVar;
      return key ? [{ key, owner: { service: s.service, name, ...(stored ? { accountId: s.id } : {}) } }] : [];
    });
    return [...accounts, ...this.keysInPassing.entries()];
  }

  dispose(): void {
    this.keysInPassing.dispose();
    this.subscription.dispose();
    for (const s of this.sessions.values()) {
      s.dispose();
    }
    this.sessions.clear();
    this.emitter.dispose();
  }

  private async doSync(): Promise<void> {
    await this.store.load();
    const accounts = this.store.accounts;
    const ids = new Set(accounts.map((a) => a.id));
    for (const [id, session] of this.sessions) {
      if (!ids.has(id)) {
        this.sessions.delete(id);
        session.dispose();
      }
    }
    for (const info of accounts) {
      let session = this.sessions.get(info.id);
      if (!session) {
        session = new AccountSession(info, this.store, this.settings, this.log, this.withProgress);
        this.sessions.set(info.id, session);
      } else {
        session.rename(info);
      }
    }
    await Promise.all([...this.sessions.values()].map((s) => s.reconfigure(this.settings)));
    this.emitter.fire();
  }
}
