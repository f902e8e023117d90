import * as vscode from 'vscode';
import {
  createClient,
  isSmsClient,
  SERVICES,
  type Account,
  SmsClient,
  type AnyClient,
  type CreatedSubaccount,
  type CancelResult,
  type CreditTransferResult,
  type MessageStatus,
  type Money,
  type RecipientDelivery,
  type ServiceId,
  type StopPage,
  type SubaccountCreateRequest,
  type SubaccountPage,
  type TagStatusPage,
} from '../api';
import { withLinkedSignal } from '../api/abortable';
import type { PartnerLog } from '../log/partnerLog';
import { describeApiUrlProblem, type PartnerSettings } from '../settings/partnerSettings';
import { ActionGuard } from './actionGuard';
import type { AccountInfo, AccountStore, KeySource } from './accountStore';
import { StopList, type StopPageSource } from './stopList';
import { SubaccountIndex } from './subaccountIndex';
import { SubaccountList, type SubaccountPageSource } from './subaccountList';

export type AccountState =
  | { readonly kind: 'noKey' }
  | { readonly kind: 'invalidSettings'; readonly message: string }
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading'; readonly previous?: Account }
  | { readonly kind: 'ready'; readonly account: Account; readonly updatedAt: Date }
  | { readonly kind: 'error'; readonly error: unknown; readonly previous?: Account; readonly failedAt: Date };

/** How long a credit reading is fresh enough to share between the tree and the status bar. */
const SHARE_WINDOW_MS = 2000;

/**
 * One account's connection: the client (rebuilt when the key or settings change),
 * the account state the tree and the status bar both show, a single shared `/me`
 * request however many callers ask at once, and the account's sub-account lists.
 */
export class AccountSession implements SubaccountPageSource, StopPageSource, vscode.Disposable {
  /** The sub-accounts opened in the tree. */
  readonly subaccounts: SubaccountList;
  /** Every sub-account, read for Find and kept apart from the tree. */
  readonly subaccountIndex: SubaccountIndex;
  /** SMS accounts: the STOP list, read once the user opens it. */
  readonly stopList: StopList;
  /** The actions under way on this account (sends, transfers…): one of a kind at a time, whoever asks. */
  readonly actions = new ActionGuard();
  private disposed = false;
  private stateValue: AccountState = { kind: 'idle' };
  private clientValue: AnyClient | undefined;
  private key: { readonly key: string; readonly source: KeySource } | undefined;
  private infoValue: AccountInfo;
  private inFlight: Promise<void> | undefined;
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
    this.infoValue = info;
    this.subaccounts = new SubaccountList(this);
    this.subaccountIndex = new SubaccountIndex(this);
    this.stopList = new StopList(this);
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
    const s = this.stateValue;
    return s.kind === 'ready' ? s.account : s.kind === 'loading' || s.kind === 'error' ? s.previous : undefined;
  }

  /** Reads the key and settings again; cancels what was in flight for another account. */
  async reconfigure(settings: PartnerSettings = this.settings): Promise<void> {
    await this.store.load();
    const value = this.disposed ? undefined : this.store.key(this.id);
    const key = value ? { key: value, source: this.infoValue.source } : undefined;
    const urlCheck = settings.apiUrl[this.service];
    const previous = this.settings;
    const accountChanged =
      key?.key !== this.key?.key || JSON.stringify(urlCheck) !== JSON.stringify(previous.apiUrl[this.service]);
    const changed =
      accountChanged ||
      key?.source !== this.key?.source ||
      settings.format !== previous.format ||
      settings.timeoutMs !== previous.timeoutMs ||
      this.clientValue === undefined;
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
    this.inFlight = undefined;
    this.clientValue = undefined;
    if (accountChanged) {
      // Pages of the old account must not linger, in the tree or in Find.
      this.subaccounts.reset();
      this.subaccountIndex.reset();
      this.stopList.reset();
    }
    if (!key) {
      this.setState({ kind: 'noKey' });
      this.clientEmitter.fire({ session: this, accountChanged });
      return;
    }
    if (!urlCheck.ok) {
      this.setState({ kind: 'invalidSettings', message: describeApiUrlProblem(this.service, urlCheck) });
      this.clientEmitter.fire({ session: this, accountChanged });
      return;
    }
    this.clientValue = createClient(this.service, {
      baseUrl: urlCheck.url,
      apiKey: key.key,
      format: settings.format,
      timeoutMs: settings.timeoutMs,
      signal: this.abort.signal,
      logger: this.log,
    });
    this.setState({ kind: 'idle' });
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

  /** The client for the current key and settings, if the service is usable. */
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
    if (this.inFlight) {
      return this.inFlight;
    }
    const s = this.stateValue;
    const at = s.kind === 'ready' ? s.updatedAt : s.kind === 'error' ? s.failedAt : undefined;
    if (at && Date.now() - at.getTime() < maxAgeMs) {
      return Promise.resolve();
    }
    const signal = this.abort.signal;
    const task = async (): Promise<void> => {
      this.setState({ kind: 'loading', previous: this.account });
      try {
        const account = await client.getCredits({ signal });
        if (client === this.clientValue) {
          this.setState({ kind: 'ready', account, updatedAt: new Date() });
        }
      } catch (error) {
        if (client === this.clientValue && !signal.aborted) {
          this.log.warn(
            `${this.label} (${this.id}): reading credits failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          this.setState({ kind: 'error', error, previous: this.account, failedAt: new Date() });
        }
      }
    };
    const run = Promise.resolve(this.withProgress(task)).finally(() => {
      if (this.inFlight === run) {
        this.inFlight = undefined;
      }
    });
    this.inFlight = run;
    return run;
  }

  /** Moves credit between the main account and a sub-account. Never retried. */
  transferCredit(direction: 'add' | 'remove', token: string, amount: string): Promise<CreditTransferResult> {
    const client = this.requireClient();
    return direction === 'add'
      ? client.addSubaccountCredit(token, amount)
      : client.removeSubaccountCredit(token, amount);
  }

  /** `subaccount/create`: one request, never retried. */
  createSubaccount(request: SubaccountCreateRequest): Promise<CreatedSubaccount> {
    return this.requireClient().createSubaccount(request);
  }

  /** `subaccount/remove`: one request, never retried. */
  removeSubaccount(token: string): Promise<void> {
    return this.requireClient().removeSubaccount(token);
  }

  /** The main account's balance as a transfer answer gave it: no extra request. */
  applyBalance(balance: Money): void {
    const s = this.stateValue;
    if (s.kind !== 'ready') {
      return;
    }
    const credits = { ...s.account.credits, balance };
    this.setState({ kind: 'ready', account: { ...s.account, credits } as Account, updatedAt: new Date() });
  }

  listSubaccounts(page: number, signal?: AbortSignal): Promise<SubaccountPage> {
    const client = this.requireClient();
    // The session's signal lives as long as the key: the link ends with the request.
    return withLinkedSignal([signal, this.abort.signal], (linked) => client.listSubaccounts(page, { signal: linked }));
  }

  listStopNumbers(page: number, signal?: AbortSignal): Promise<StopPage> {
    const client = this.requireClient();
    if (!isSmsClient(client)) {
      throw new Error(`${this.label} has no STOP list`);
    }
    return withLinkedSignal([signal, this.abort.signal], (linked) => client.listStopNumbers(page, { signal: linked }));
  }

  getMessageStatus(messageId: string, signal?: AbortSignal): Promise<MessageStatus> {
    const client = this.requireClient();
    return withLinkedSignal([signal, this.abort.signal], (linked) =>
      client.getMessageStatus(messageId, { signal: linked }),
    );
  }

  /**
   * Cancels a scheduled send: one request, never retried, not tied to the session's
   * signal (once sent, leaving does not make it unsent; the caller re-reads instead).
   */
  cancelMessage(messageId: string): Promise<CancelResult> {
    return this.requireClient().cancelMessage(messageId);
  }

  /** One SMS recipient's status (`message-status`): SMS Partner accounts only. */
  getRecipientStatus(messageId: string, phoneNumber: string, signal?: AbortSignal): Promise<RecipientDelivery> {
    const client = this.requireSms();
    return withLinkedSignal([signal, this.abort.signal], (linked) =>
      client.getRecipientStatus(messageId, phoneNumber, { signal: linked }),
    );
  }

  /** One page of a tag's recipients (`bulk-status-by-tag`): SMS Partner accounts only. */
  getStatusByTag(tag: string, page: number, signal?: AbortSignal): Promise<TagStatusPage> {
    const client = this.requireSms();
    return withLinkedSignal([signal, this.abort.signal], (linked) =>
      client.getStatusByTag(tag, page, { signal: linked }),
    );
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

  private requireClient(): AnyClient {
    if (!this.clientValue) {
      throw new Error(vscode.l10n.t('{0} has no API key set.', this.label));
    }
    return this.clientValue;
  }

  private requireSms(): SmsClient {
    const client = this.requireClient();
    if (!(client instanceof SmsClient)) {
      throw new Error(vscode.l10n.t('{0} does not offer this: it is an SMS Partner request.', this.label));
    }
    return client;
  }

  private setState(state: AccountState): void {
    this.stateValue = state;
    this.emitter.fire(this);
  }
}
