import * as vscode from 'vscode';
import { isPartnerError, type Money, type Subaccount, type SubaccountPage } from '../api';
import { mapLimit } from './boundedParallel';

/** Pages fetched at once when several are needed: the provider limits bursts. */
export const MAX_PARALLEL_PAGES = 6;

/** Where a list reads its pages: the account session. */
export interface SubaccountPageSource {
  /** False while the account has no usable client (no key, invalid settings). */
  readonly canLoad: boolean;
  listSubaccounts(page: number, signal?: AbortSignal): Promise<SubaccountPage>;
  /** Every page seen goes through here, so the log can scrub the sub-account keys. */
  seen(page: SubaccountPage): void;
  /** How many pages there are, when something already read says so (a reading of every page starts them all at once). */
  expectedPages?(): number | undefined;
}

/** How many pages hold `total` sub-accounts, `perPage` to a page (at least one: an empty list has its page 1). */
export function pageCountOf(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, perPage)));
}

/** A sub-account and the page it was read from (so it can be read again alone). */
export interface PlacedSubaccount {
  readonly subaccount: Subaccount;
  readonly page: number;
}

/** A cancellation the list did not ask for (the session was reconfigured): nothing to show. */
function isQuietCancel(err: unknown): boolean {
  return isPartnerError(err) && err.kind === 'cancelled';
}

/**
 * The sub-accounts the user has opened in the tree, owned by the account session:
 * the items loaded so far, the next page, the request in flight, and the few
 * sub-accounts Find revealed beyond the loaded pages. Tree nodes only render it.
 * A refresh re-reads what is here (the loaded pages and the pages of revealed
 * items), never the whole list.
 */
export class SubaccountList implements vscode.Disposable {
  private loaded: PlacedSubaccount[] = [];
  private readonly loadedIds = new Set<number>();
  /** Revealed by Find from pages the tree has not loaded. */
  private revealed = new Map<number, PlacedSubaccount>();
  /** Created here and not yet seen in a page read since (matched by token). */
  private created: Subaccount[] = [];
  /** Removed here: an answer read before the removal must not bring them back. */
  private readonly removedIds = new Set<number>();
  private nextProvisionalId = -1;
  private totalValue: number | undefined;
  private pagesLoadedValue = 0;
  private perPage = 20;
  private completeValue = false;
  private errorValue: unknown;
  private inFlight: Promise<void> | undefined;
  /** Bumped by reload/reset: answers for an older generation are dropped. */
  private generation = 0;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when items, totals, the loading state or the error change. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly source: SubaccountPageSource) {}

  /** Loaded items in page order, then revealed ones. */
  get items(): readonly Subaccount[] {
    const revealed = [...this.revealed.values()].filter((r) => !this.loadedIds.has(r.subaccount.id));
    const read = [...this.loaded, ...revealed].map((p) => p.subaccount);
    if (this.created.length === 0) {
      return read;
    }
    // A created one read since (a page, or Find's reveal) shows once, as read.
    const tokens = new Set(read.map((s) => s.token).filter((t) => t !== undefined));
    return read.concat(this.created.filter((c) => c.token === undefined || !tokens.has(c.token)));
  }

  /**
   * Shows a sub-account just created, from the creation answer, without reading any
   * page: after the loaded ones, until a page read later holds it (same token). The
   * answer carries no id: it gets a provisional negative one, never sent anywhere.
   */
  insertCreated(sub: Omit<Subaccount, 'id'>): Subaccount {
    const placed: Subaccount = { ...sub, id: this.nextProvisionalId-- };
    this.created.push(placed);
    if (this.totalValue !== undefined) {
      this.totalValue++;
    }
    this.emitter.fire();
    return placed;
  }

  /** Takes a sub-account just removed out of the list at once. */
  removeItem(id: number): boolean {
    const before = this.items.length;
    this.removedIds.add(id);
    this.loaded = this.loaded.filter((p) => p.subaccount.id !== id);
    this.loadedIds.delete(id);
    this.revealed.delete(id);
    this.created = this.created.filter((s) => s.id !== id);
    const removed = this.items.length < before;
    if (removed && this.totalValue !== undefined) {
      this.totalValue = Math.max(0, this.totalValue - 1);
    }
    if (removed) {
      this.emitter.fire();
    }
    return removed;
  }

  get loadedCount(): number {
    return this.loaded.length;
  }

  /** Pages of the whole list, once a page has said its total. */
  get pageCount(): number | undefined {
    return this.totalValue === undefined ? undefined : pageCountOf(this.totalValue, this.perPage);
  }

  get total(): number | undefined {
    return this.totalValue;
  }

  get pagesLoaded(): number {
    return this.pagesLoadedValue;
  }

  get complete(): boolean {
    return this.completeValue;
  }

  get error(): unknown {
    return this.errorValue;
  }

  get loading(): boolean {
    return this.inFlight !== undefined;
  }

  /** Loads the first page if nothing is loaded yet. */
  ensureLoaded(): Promise<void> {
    if (this.pagesLoadedValue === 0 && this.errorValue === undefined) {
      return this.loadMore();
    }
    return this.inFlight ?? Promise.resolve();
  }

  /** Appends the next page; concurrent callers share the same request. */
  loadMore(): Promise<void> {
    if (this.inFlight) {
      return this.inFlight;
    }
    if (this.completeValue || !this.source.canLoad) {
      return Promise.resolve();
    }
    const generation = this.generation;
    const page = this.pagesLoadedValue + 1;
    this.errorValue = undefined;
    return this.track(generation, async () => {
      const result = await this.source.listSubaccounts(page);
      if (generation === this.generation) {
        this.accept([[page, result]], true);
      }
    });
  }

  /**
   * Loads every remaining page into the tree, at most MAX_PARALLEL_PAGES at once,
   * appending them in order as they arrive. Cancelling keeps what arrived.
   */
  async loadAll(signal?: AbortSignal): Promise<void> {
    await this.ensureLoaded();
    if (this.inFlight) {
      await this.inFlight;
    }
    if (this.completeValue || this.errorValue !== undefined || this.totalValue === undefined || !this.source.canLoad) {
      return;
    }
    const first = this.pagesLoadedValue + 1;
    const last = Math.ceil(this.totalValue / Math.max(1, this.perPage));
    if (last < first) {
      return;
    }
    const generation = this.generation;
    const arrived = new Map<number, SubaccountPage>();
    let nextToAccept = first;
    return this.track(
      generation,
      async () => {
        await mapLimit(last - first + 1, MAX_PARALLEL_PAGES, async (i) => {
          if (signal?.aborted || generation !== this.generation) {
            return;
          }
          const page = await this.source.listSubaccounts(first + i, signal);
          if (generation !== this.generation) {
            return;
          }
          arrived.set(first + i, page);
          let accepted = false;
          while (arrived.has(nextToAccept)) {
            this.accept([[nextToAccept, arrived.get(nextToAccept)!]], true);
            arrived.delete(nextToAccept++);
            accepted = true;
          }
          if (accepted) {
            this.emitter.fire();
          }
        });
      },
      signal,
    );
  }

  /**
   * Reads again the pages already loaded (at least the first) and those of revealed
   * sub-accounts, in parallel, and swaps them in at once: what the user had opened
   * stays opened.
   */
  reload(): Promise<void> {
    if (!this.source.canLoad) {
      this.reset();
      return Promise.resolve();
    }
    const generation = ++this.generation;
    const loadedPages = Math.max(1, this.pagesLoadedValue);
    const extraPages = [...new Set([...this.revealed.values()].map((r) => r.page))].filter((p) => p > loadedPages);
    const pages = [...Array.from({ length: loadedPages }, (_, i) => i + 1), ...extraPages];
    this.errorValue = undefined;
    return this.track(generation, async () => {
      const results = await mapLimit(pages.length, MAX_PARALLEL_PAGES, (i) => this.source.listSubaccounts(pages[i]));
      if (generation !== this.generation) {
        return;
      }
      const numbered = results.map((r, i) => [pages[i], r] as const);
      this.accept(numbered.slice(0, loadedPages), false);
      const fresh = new Map<number, PlacedSubaccount>();
      for (const [page, result] of numbered.slice(loadedPages)) {
        for (const s of result.items) {
          if (this.revealed.has(s.id)) {
            fresh.set(s.id, { subaccount: s, page });
          }
        }
      }
      // Revealed items within the loaded pages were refreshed with them; others
      // that are gone from their page are dropped.
      this.revealed = new Map([...this.revealed].filter(([id]) => this.loadedIds.has(id) || fresh.has(id)));
      for (const [id, placed] of fresh) {
        this.revealed.set(id, placed);
      }
    });
  }

  /**
   * Makes a sub-account found elsewhere (Find) part of the list, so the tree can show
   * and select it without loading every page before it.
   */
  reveal(placed: PlacedSubaccount): Subaccount {
    const id = placed.subaccount.id;
    const inLoaded = this.loaded.find((p) => p.subaccount.id === id);
    if (inLoaded) {
      return inLoaded.subaccount;
    }
    this.revealed.set(id, placed);
    const token = placed.subaccount.token;
    if (token !== undefined) {
      this.created = this.created.filter((c) => c.token !== token);
    }
    this.emitter.fire();
    return placed.subaccount;
  }

  /** Shows a sub-account's new balance (from a transfer answer) in place. */
  updateBalance(id: number, balance: Money): Subaccount | undefined {
    const update = (p: PlacedSubaccount): PlacedSubaccount => ({ ...p, subaccount: { ...p.subaccount, balance } });
    const index = this.loaded.findIndex((p) => p.subaccount.id === id);
    let updated: Subaccount | undefined;
    if (index >= 0) {
      this.loaded[index] = update(this.loaded[index]);
      updated = this.loaded[index].subaccount;
    }
    const revealed = this.revealed.get(id);
    if (revealed) {
      this.revealed.set(id, update(revealed));
      updated ??= this.revealed.get(id)!.subaccount;
    }
    if (updated) {
      this.emitter.fire();
    }
    return updated;
  }

  /** Forgets everything (the account changed). */
  reset(): void {
    this.generation++;
    this.loaded = [];
    this.loadedIds.clear();
    this.revealed.clear();
    this.created = [];
    this.removedIds.clear();
    this.totalValue = undefined;
    this.pagesLoadedValue = 0;
    this.completeValue = false;
    this.errorValue = undefined;
    this.inFlight = undefined;
    this.emitter.fire();
  }

  dispose(): void {
    this.generation++;
    this.emitter.dispose();
  }

  private track(generation: number, work: () => Promise<void>, signal?: AbortSignal): Promise<void> {
    const run = work()
      .catch((err: unknown) => {
        if (generation !== this.generation || signal?.aborted) {
          return;
        }
        if (isQuietCancel(err) && this.source.canLoad) {
          // The session was reconfigured (format, timeout) under this request: read
          // again quietly instead of showing "cancelled" under Sub-accounts.
          queueMicrotask(() => void this.reload());
          return;
        }
        this.errorValue = err;
      })
      .finally(() => {
        if (this.inFlight === run) {
          this.inFlight = undefined;
        }
        this.emitter.fire();
      });
    this.inFlight = run;
    this.emitter.fire();
    return run;
  }

  private accept(pages: readonly (readonly [number, SubaccountPage])[], append: boolean): void {
    if (!append) {
      this.loaded = [];
      this.loadedIds.clear();
    }
    // Appends in place with a kept id set: loading 500 pages stays linear.
    for (const [number, page] of pages) {
      this.source.seen(page);
      for (const s of page.items) {
        if (s.token !== undefined) {
          this.created = this.created.filter((c) => c.token !== s.token);
        }
        if (!this.loadedIds.has(s.id) && !this.removedIds.has(s.id)) {
          this.loadedIds.add(s.id);
          this.loaded.push({ subaccount: s, page: number });
        }
      }
    }
    const last = pages[pages.length - 1][1];
    this.perPage = last.perPage;
    this.pagesLoadedValue = append ? this.pagesLoadedValue + 1 : pages.length;
    this.totalValue = last.total ?? this.totalValue;
    this.completeValue =
      last.items.length < last.perPage || (this.totalValue !== undefined && this.loaded.length >= this.totalValue);
  }
}
