import * as vscode from 'vscode';
import { isPartnerError, type Subaccount, type SubaccountPage } from '../api';
import { INDEX_FRESH_MS, placedInOrder, readEveryPage, type IndexProgress } from './indexPages';
import { pageCountOf, type PlacedSubaccount, type SubaccountPageSource } from './subaccountList';

export { INDEX_FRESH_MS, type IndexProgress } from './indexPages';

/**
 * Every sub-account of an account, for Find: read page by page in the background
 * (at most MAX_PARALLEL_PAGES at once), kept in memory apart from the tree, and
 * fresh for INDEX_FRESH_MS, so a search costs no request while fresh and the tree's
 * refresh never re-reads pages nobody opened.
 */
export class SubaccountIndex implements vscode.Disposable {
  private pages = new Map<number, SubaccountPage>();
  private sorted: PlacedSubaccount[] | undefined;
  private readonly placedOf = new WeakMap<SubaccountPage, readonly PlacedSubaccount[]>();
  private totalValue: number | undefined;
  private perPage = 20;
  private lastPage: number | undefined;
  private readAtValue: Date | undefined;
  /** The kept pages may be behind the provider (a creation, a Refresh, another total seen): read them all again. */
  private outdated = false;
  private errorValue: unknown;
  /** When the current reading started and how many pages it has read. */
  private runStats = { startedAt: 0, pages: 0 };
  private running: { promise: Promise<void>; abort: AbortController; users: number } | undefined;
  /** Bumped by reset: answers for an older generation are dropped. */
  private generation = 0;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires as pages arrive and when a reading starts, ends or fails. */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly source: SubaccountPageSource,
    private readonly freshMs = INDEX_FRESH_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** What arrived so far, in page order. */
  get entries(): readonly PlacedSubaccount[] {
    // Recomputed after each page while a Find shows it: a page's entries are made once.
    this.sorted ??= placedInOrder(this.pages, this.placedOf);
    return this.sorted;
  }

  get items(): readonly Subaccount[] {
    return this.entries.map((e) => e.subaccount);
  }

  get total(): number | undefined {
    return this.totalValue;
  }

  /** When the last complete reading ended. */
  get readAt(): Date | undefined {
    return this.readAtValue;
  }

  get error(): unknown {
    return this.errorValue;
  }

  get loading(): boolean {
    return this.running !== undefined;
  }

  get fresh(): boolean {
    return this.readAtValue !== undefined && this.now() - this.readAtValue.getTime() < this.freshMs;
  }

  get progress(): IndexProgress {
    const loaded = this.entries.length;
    const pagesLeft = this.lastPage !== undefined ? Math.max(0, this.lastPage - this.pages.size) : undefined;
    const seconds = (this.now() - this.runStats.startedAt) / 1000;
    const pagesPerSecond = this.runStats.pages >= 2 && seconds > 0 ? this.runStats.pages / seconds : undefined;
    return { loaded, total: this.totalValue, pagesLeft, pagesPerSecond };
  }

  /**
   * Makes the index complete and fresh: nothing when it already is; otherwise reads
   * the pages missing (all of them when the reading is stale). Callers share one
   * reading; it stops when every caller's signal aborted, keeping what arrived.
   */
  load(signal?: AbortSignal, force = false): Promise<void> {
    if (!force && this.fresh) {
      return Promise.resolve();
    }
    if (force && this.running === undefined) {
      this.readAtValue = undefined;
    }
    const run = this.running ?? this.start(force || this.outdated || this.readAtValue !== undefined);
    run.users++;
    const release = () => {
      signal?.removeEventListener('abort', release);
      if (--run.users === 0) {
        run.abort.abort();
      }
    };
    if (signal) {
      if (signal.aborted) {
        release();
      } else {
        signal.addEventListener('abort', release, { once: true });
      }
    }
    return run.promise.finally(() => signal?.removeEventListener('abort', release));
  }

  /**
   * A sub-account was created or removed here: the removed one leaves Find at once,
   * and the next Find reads the pages again (a creation lands on a page nobody knows).
   */
  changed(removedId?: number): void {
    if (removedId !== undefined) {
      for (const [n, page] of this.pages) {
        if (page.items.some((s) => s.id === removedId)) {
          this.pages.set(n, { ...page, items: page.items.filter((s) => s.id !== removedId) });
        }
      }
      this.sorted = undefined;
    }
    this.outdate();
  }

  /**
   * The account may have changed elsewhere (a Refresh): the next Find reads every
   * page again, showing what is kept meanwhile, as Read Again does.
   */
  outdate(): void {
    if (this.pages.size === 0 && this.readAtValue === undefined) {
      return;
    }
    this.outdated = true;
    this.readAtValue = undefined;
    this.emitter.fire();
  }

  /**
   * A page read elsewhere (the tree's list): a total other than the kept reading's
   * means sub-accounts were created or removed since, so the kept reading is outdated.
   * While a reading runs its own pages bring the new total.
   */
  observe(page: SubaccountPage): void {
    if (this.running || page.total === undefined || this.totalValue === undefined || page.total === this.totalValue) {
      return;
    }
    this.totalValue = page.total;
    this.perPage = page.perPage;
    this.lastPage = pageCountOf(page.total, page.perPage);
    this.outdate();
  }

  /** Forgets everything (the account changed). */
  reset(): void {
    this.generation++;
    this.running?.abort.abort();
    this.running = undefined;
    this.pages = new Map();
    this.sorted = undefined;
    this.totalValue = undefined;
    this.lastPage = undefined;
    this.readAtValue = undefined;
    this.outdated = false;
    this.errorValue = undefined;
    this.emitter.fire();
  }

  dispose(): void {
    this.reset();
    this.emitter.dispose();
  }

  private start(staleAtStart: boolean): { promise: Promise<void>; abort: AbortController; users: number } {
    const generation = this.generation;
    const abort = new AbortController();
    this.errorValue = undefined;
    this.runStats = { startedAt: this.now(), pages: 0 };
    const current = () => generation === this.generation;
    // A stale reading is read again whole; what it held stays visible meanwhile.
    const readNow = new Set<number>();
    const wanted = (n: number) => !readNow.has(n) && (staleAtStart || !this.pages.has(n));
    const store = (number: number, page: SubaccountPage) => {
      if (!current()) {
        return;
      }
      this.source.seen(page);
      this.runStats.pages++;
      readNow.add(number);
      this.pages.set(number, page);
      this.sorted = undefined;
      this.perPage = page.perPage;
      this.totalValue = page.total ?? this.totalValue;
      if (this.totalValue !== undefined) {
        this.lastPage = pageCountOf(this.totalValue, this.perPage);
      }
      this.emitter.fire();
    };
    const work = async () => {
      await readEveryPage(
        {
          signal: abort.signal,
          current,
          pages: () => this.pages,
          lastPage: () => this.lastPage,
          perPage: () => this.perPage,
          wanted,
          read: async (n) => store(n, await this.source.listSubaccounts(n, abort.signal)),
          dropped: () => (this.sorted = undefined),
        },
        // Without a page count from an earlier reading or the tree's list, page 1 says it.
        this.lastPage ?? this.source.expectedPages?.(),
      );
      if (current() && !abort.signal.aborted) {
        this.readAtValue = new Date(this.now());
        this.outdated = false;
      }
    };
    const attempt = (retried: boolean): Promise<void> =>
      work().catch((err: unknown): Promise<void> | undefined => {
        if (!current() || abort.signal.aborted) {
          return undefined;
        }
        if (!retried && isPartnerError(err) && err.kind === 'cancelled' && this.source.canLoad) {
          // The session was reconfigured (format, timeout) under this reading: go on.
          return attempt(true);
        }
        this.errorValue = err;
        return undefined;
      });
    const run = {
      abort,
      users: 0,
      promise: attempt(false).finally(() => {
        if (current()) {
          this.running = undefined;
          this.emitter.fire();
        }
      }),
    };
    this.running = run;
    this.emitter.fire();
    return run;
  }
}
