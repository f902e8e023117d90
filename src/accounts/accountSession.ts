import * as vscode from 'vscode';
import { SERVICES, type Account, type AnyClient, type Money, type ServiceId, type SubaccountPage } from '../api';
import type { PartnerLog } from '../log/partnerLog';
import type { PartnerSettings } from '../settings/partnerSettings';
import { AccountCalls } from './accountCalls';
import { connect, connectionChange, type SessionKey } from './accountConnection';
import { lastAccount, settledAt, SHARE_WINDOW_MS, withBalance, type AccountState } from './accountState';
import { readCredits, SharedRun } from './creditRead';
import { ActionPath } from './actionPath';
import type { AccountInfo, AccountStore, KeySource } from './accountStore';
import { StopList, type StopPageSource } from './stopList';
import { SubaccountIndex } from './subaccountIndex';
import { SubaccountList, type SubaccountPageSource } from './subaccountList';

// Where callers have always found it.
export type { AccountState };

/**
 * One account's connection: the client (rebuilt when the key or settings change),
 * the account state the tree and the status bar both show, a single shared `/me`
 * request however many callers ask at once, and the account's sub-account lists.
 */
export class AccountSession extends AccountCalls implements SubaccountPageSource, StopPageSource, vscode.Disposable {
  /** The sub-accounts opened in the tree. */
  readonly subaccounts: SubaccountList;
  /** Every sub-account, read for Find and kept apart from the tree. */
  readonly subaccountIndex: SubaccountIndex;
  /** SMS accounts: the STOP list, read once the user opens it. */
  readonly stopList: StopList;
  /** The one path of its actions (sends, transfers…): one of a kind at a time, whoever asks. */
  readonly actions: ActionPath;
  private disposed = false;
  private stateValue: AccountState = { kind: 'idle' };
  private clientValue: AnyClient | undefined;
  private key: SessionKey | undefined;
  private infoValue: AccountInfo;
  /** The `/me` reading under way, shared by whoever asks meanwhile. */
  private readonly credits = new SharedRun();
  private abort = new AbortController();
  private readonly emitter = new vscode.EventEmitter<AccountSession>();
  /** Fires whenever `state` changes. */
  readonly onDidChange = this.emitter.event;
  private readonly clientEmitter = new vscode.EventEmitter<{
    readonly session: AccountSession;
    readonly accountChanged: boolean;
  }>();
  /**
   * Fires when the key or the connection settings changed. `accountChanged` when
   * the key or the API URL did: what was loaded belongs to another account.
   */
  readonly onDidChangeClient = this.clientEmitter.event;

  constructor(
    info: AccountInfo,
    private readonly store: AccountStore,
    private settings: PartnerSettings,
    private readonly log: PartnerLog,
    private readonly withProgress: <T>(task: () => Promise<T>) => Thenable<T>,
  ) {
    super();
    this.infoValue = info;
    this.subaccounts = new SubaccountList(this);
    this.subaccountIndex = new SubaccountIndex(this);
    this.stopList = new StopList(this);
    this.actions = new ActionPath(this, log);
  }

  get id(): string {
    return this.infoValue.id;
  }

  get service(): ServiceId {
    return this.infoValue.service;
  }

  get info(): AccountInfo {
    return this.infoValue;
  }

  /** The service's name (`SMS Partner`). */
  get label(): string {
    return SERVICES[this.service].label;
  }

  /** What the user calls this account: the name given, else the provider's username, else the service. */
  get name(): string {
    return this.infoValue.label || this.account?.user.username || this.label;
  }

  /** A new name or key source from the store (same account). */
  rename(info: AccountInfo): void {
    if (info.label !== this.infoValue.label || info.source !== this.infoValue.source) {
      this.infoValue = info;
      this.emitter.fire(this);
    }
  }

  get state(): AccountState {
    return this.stateValue;
  }

  get keySource(): KeySource | undefined {
    return this.key?.source;
  }

  get hasKey(): boolean {
    return this.key !== undefined;
  }

  /** The last account read, even while reloading or after a failure. */
  get account(): Account | undefined {
    return lastAccount(this.stateValue);
  }

  /** Reads the key and settings again; cancels what was in flight for another account. */
  async reconfigure(settings: PartnerSettings = this.settings): Promise<void> {
    await this.store.load();
    const value = this.disposed ? undefined : this.store.key(this.id);
    const key = value ? { key: value, source: this.infoValue.source } : undefined;
    const { accountChanged, changed } = connectionChange(
      this.service,
      { key: this.key, settings: this.settings, connected: this.clientValue !== undefined },
      { key, settings },
    );
    this.settings = settings;
    this.key = key;
    if (!changed) {
      return;
    }
    if (accountChanged) {
      // What was sent for the old key or URL stops here. A format or timeout change
      // leaves it running on the client it was sent on: a transfer already sent
      // reports its real outcome.
      this.abort.abort();
      this.abort = new AbortController();
    }
    this.credits.forget();
    this.clientValue = undefined;
    if (accountChanged) {
      // Pages of the old account must not linger, in the tree or in Find.
      this.subaccounts.reset();
      this.subaccountIndex.reset();
      this.stopList.reset();
    }
    const connected = connect(this.service, key, settings, this.abort.signal, this.log);
    this.clientValue = connected.client;
    this.setState(connected.state);
    this.clientEmitter.fire({ session: this, accountChanged });
  }

  /**
   * Aborts when the account changes (key or API URL) or the session is disposed:
   * the lifetime of what was read or started with the current account.
   */
  get accountSignal(): AbortSignal {
    return this.abort.signal;
  }

  /** Whether pages can be read now (a usable client, not disposed). */
  get canLoad(): boolean {
    return this.clientValue !== undefined && !this.disposed;
  }

  /** What the tree's list knows of the page count: Find's reading then starts every page at once. */
  expectedPages(): number | undefined {
    return this.subaccounts.pageCount;
  }

  /**
   * Sub-account keys seen in a page are scrubbed from the log from now on, and a
   * tree page whose total differs from Find's reading makes Find read again.
   */
  seen(page: SubaccountPage): void {
    for (const s of page.items) {
      this.log.rememberSecret(s.apiKey);
    }
    this.subaccountIndex.observe(page);
  }

  get client(): AnyClient | undefined {
    return this.clientValue;
  }

  /** Loads the account once; later callers get the state already there. */
  ensureLoaded(): Promise<void> {
    return this.refresh({ maxAgeMs: Number.POSITIVE_INFINITY });
  }

  /**
   * Reads `/me`. Callers that come while a read is in flight share it, and a
   * reading younger than `maxAgeMs` answers without a request (the tree and the
   * status bar refreshing together make one request, not two).
   */
  refresh({ maxAgeMs = SHARE_WINDOW_MS }: { maxAgeMs?: number } = {}): Promise<void> {
    const client = this.clientValue;
    if (!client) {
      return Promise.resolve();
    }
    if (this.credits.running) {
      return this.credits.running;
    }
    const at = settledAt(this.stateValue);
    if (at && Date.now() - at.getTime() < maxAgeMs) {
      return Promise.resolve();
    }
    const signal = this.abort.signal;
    const reader = {
      current: () => this.clientValue,
      previous: () => this.account,
      set: (state: AccountState) => this.setState(state),
      warn: (text: string) => this.log.warn(`${this.label} (${this.id}): ${text}`),
    };
    return this.credits.run(() => Promise.resolve(this.withProgress(() => readCredits(client, signal, reader))));
  }

  /** The main account's balance as a transfer answer gave it: no extra request. */
  applyBalance(balance: Money): void {
    const state = withBalance(this.stateValue, balance);
    if (state) {
      this.setState(state);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.abort.abort();
    // The account is gone: whoever holds this session (a panel) sees it keyless, once.
    this.clientValue = undefined;
    this.key = undefined;
    this.stateValue = { kind: 'noKey' };
    this.clientEmitter.fire({ session: this, accountChanged: true });
    this.subaccounts.dispose();
    this.subaccountIndex.dispose();
    this.stopList.dispose();
    this.emitter.dispose();
    this.clientEmitter.dispose();
  }

  private setState(state: AccountState): void {
    this.stateValue = state;
    this.emitter.fire(this);
  }
}
