import { isPartnerError } from '../api';

/** What `onDidChange` returns (structurally a `vscode.Disposable`: this file stays vscode-free). */
export interface Subscription {
  dispose(): void;
}

/** Which reading failed last, so a retry asks again only for that. */
type Reading = 'more' | 'reload';

/**
 * The paging every list the user opens page by page shares (sub-accounts, STOP list),
 * after Azure tools' `loadMoreChildrenImpl`/`hasMoreChildrenImpl`: one request in
 * flight shared by every caller, a generation that drops answers a reload or reset
 * made stale, the error of the last reading, whether every page was read, and one
 * change event. Subclasses say how a page is read and how its items are kept; tree
 * nodes only render the list.
 */
export abstract class PagedList<P> implements Subscription {
  private pagesLoadedValue = 0;
  private completeValue = false;
  private errorValue: unknown;
  private failed: Reading | undefined;
  private inFlight: Promise<void> | undefined;
  /** Bumped by reload/reset/dispose: answers for an older generation are dropped. */
  private generation = 0;
  private readonly listeners = new Set<() => void>();

  /** Fires when items, the loading state or the error change. */
  readonly onDidChange = (listener: () => void): Subscription => {
    const own = (): void => listener();
    this.listeners.add(own);
    return { dispose: () => void this.listeners.delete(own) };
  };

  /** False while the account has no usable client (no key, invalid settings): nothing is read. */
  protected abstract get canLoad(): boolean;
  /** Reads one page (1-based). */
  protected abstract readPage(page: number, signal?: AbortSignal): Promise<P>;
  /** Keeps a page read after those loaded; returns true when it was the last one. */
  protected abstract append(page: number, result: P): boolean;
  /** Reads again what is loaded; `current()` turns false once a newer reading started. */
  protected abstract reread(current: () => boolean): Promise<void>;
  /** Forgets the items (reset). */
  protected abstract clear(): void;

  get pagesLoaded(): number {
    return this.pagesLoadedValue;
  }

  /** Every page has been read: the items are the whole list. */
  get complete(): boolean {
    return this.completeValue;
  }

  get error(): unknown {
    return this.errorValue;
  }

  get loading(): boolean {
    return this.inFlight !== undefined;
  }

  /** Whether the user opened the list at all (only then does a refresh read it). */
  get opened(): boolean {
    return this.pagesLoadedValue > 0 || this.inFlight !== undefined || this.errorValue !== undefined;
  }

  /** Loads the first page if nothing is loaded yet and nothing failed. */
  ensureLoaded(): Promise<void> {
    if (this.pagesLoadedValue === 0 && this.errorValue === undefined) {
      return this.loadMore();
    }
    return this.inFlight ?? Promise.resolve();
  }

  /** Reads the next page; concurrent callers share the same request. */
  loadMore(signal?: AbortSignal): Promise<void> {
    if (this.inFlight) {
      return this.inFlight;
    }
    if (this.completeValue || !this.canLoad) {
      return Promise.resolve();
    }
    const page = this.pagesLoadedValue + 1;
    return this.run(
      'more',
      async (current) => {
        const result = await this.readPage(page, signal);
        if (current()) {
          this.accepted(result, page);
        }
      },
      signal,
    );
  }

  /** Reads every remaining page, one after the other. */
  async loadAll(signal?: AbortSignal): Promise<void> {
    while (!this.completeValue && this.errorValue === undefined && this.canLoad && !signal?.aborted) {
      const before = this.pagesLoadedValue;
      await this.loadMore(signal);
      if (this.pagesLoadedValue === before && !this.completeValue) {
        return;
      }
    }
  }

  /** Reads again what is loaded (at least the first page); answers of older readings are dropped. */
  reload(): Promise<void> {
    if (!this.canLoad) {
      return Promise.resolve();
    }
    this.generation++;
    return this.run('reload', (current) => this.reread(current));
  }

  /** Asks again for what failed: the page after those loaded, or the whole reload. */
  retry(): Promise<void> {
    return this.failed === 'reload' ? this.reload() : this.loadMore();
  }

  /** Forgets everything (another account). */
  reset(): void {
    this.generation++;
    this.clear();
    this.pagesLoadedValue = 0;
    this.completeValue = false;
    this.errorValue = undefined;
    this.failed = undefined;
    this.inFlight = undefined;
    this.changed();
  }

  dispose(): void {
    this.generation++;
    this.listeners.clear();
  }

  protected changed(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (err) {
        // One failing listener must not keep the others from the change.
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }

  /** Records a page appended after those loaded. */
  protected accepted(result: P, page = this.pagesLoadedValue + 1): void {
    this.pagesLoadedValue++;
    this.completeValue = this.append(page, result);
  }

  /** Records where a reading that replaced the pages ended. */
  protected settle(pagesLoaded: number, complete: boolean): void {
    this.pagesLoadedValue = pagesLoaded;
    this.completeValue = complete;
  }

  /**
   * A cancellation the list did not ask for (the session was reconfigured): true when
   * handled quietly (by default: nothing to show), false to show it as the error.
   */
  protected quietCancel(): boolean {
    return true;
  }

  /**
   * Runs a reading as the one in flight, for the current generation: its error is kept
   * unless a newer reading made it stale or its caller cancelled it.
   */
  protected run(kind: Reading, work: (current: () => boolean) => Promise<void>, signal?: AbortSignal): Promise<void> {
    const generation = this.generation;
    const current = (): boolean => generation === this.generation;
    this.errorValue = undefined;
    this.failed = undefined;
    const running = work(current)
      .catch((err: unknown) => {
        if (!current() || signal?.aborted) {
          return;
        }
        if (isPartnerError(err) && err.kind === 'cancelled' && this.quietCancel()) {
          return;
        }
        this.errorValue = err;
        this.failed = kind;
      })
      .finally(() => {
        if (this.inFlight === running) {
          this.inFlight = undefined;
        }
        if (current()) {
          this.changed();
        }
      });
    this.inFlight = running;
    this.changed();
    return running;
  }
}
