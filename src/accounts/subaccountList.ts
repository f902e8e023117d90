import type { Money, Subaccount, SubaccountPage } from '../api';
import { mapLimit } from './boundedParallel';
import { PagedList } from './pagedList';
import {
  MAX_PARALLEL_PAGES,
  pageCountOf,
  readInOrder,
  refreshRevealed,
  revealedPages,
  type PlacedSubaccount,
  type SubaccountPageSource,
} from './subaccountPages';

export { MAX_PARALLEL_PAGES, pageCountOf, type PlacedSubaccount, type SubaccountPageSource } from './subaccountPages';

/**
 * The sub-accounts the user has opened in the tree, owned by the account session:
 * the items loaded so far and the few sub-accounts Find revealed beyond the loaded
 * pages, on the shared paging (PagedList). Tree nodes only render it. A refresh
 * re-reads what is here (the loaded pages and the pages of revealed items), never
 * the whole list.
 */
export class SubaccountList extends PagedList<SubaccountPage> {
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
  private perPage = 20;

  constructor(private readonly source: SubaccountPageSource) {
    super();
  }

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
    this.changed();
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
    if (removed) {
      this.totalValue = this.totalValue === undefined ? undefined : Math.max(0, this.totalValue - 1);
      this.changed();
    }
    return removed;
  }

  /**
   * Loads every remaining page into the tree, at most MAX_PARALLEL_PAGES at once,
   * appending them in order as they arrive. Cancelling keeps what arrived.
   */
  override async loadAll(signal?: AbortSignal): Promise<void> {
    await this.ensureLoaded();
    if (this.loading) {
      await this.loadMore();
    }
    if (this.complete || this.error !== undefined || this.totalValue === undefined || !this.canLoad) {
      return;
    }
    const first = this.pagesLoaded + 1;
    const last = Math.ceil(this.totalValue / Math.max(1, this.perPage));
    if (last < first) {
      return;
    }
    return this.run(
      'more',
      (current) =>
        readInOrder(
          first,
          last,
          (page) => this.source.listSubaccounts(page, signal),
          (batch) => {
            batch.forEach(([page, result]) => this.accepted(result, page));
            this.changed();
          },
          () => !signal?.aborted && current(),
          current,
        ),
      signal,
    );
  }

  /** Without a usable client there is nothing to read again: the list is forgotten. */
  override reload(): Promise<void> {
    if (!this.canLoad) {
      this.reset();
      return Promise.resolve();
    }
    return super.reload();
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
    this.changed();
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
      this.changed();
    }
    return updated;
  }

  protected get canLoad(): boolean {
    return this.source.canLoad;
  }

  protected readPage(page: number, signal?: AbortSignal): Promise<SubaccountPage> {
    return this.source.listSubaccounts(page, signal);
  }

  /**
   * Reads again the pages already loaded (at least the first) and those of revealed
   * sub-accounts, in parallel, and swaps them in at once: what the user had opened
   * stays opened.
   */
  protected async reread(current: () => boolean): Promise<void> {
    const loadedPages = Math.max(1, this.pagesLoaded);
    const pages = [
      ...Array.from({ length: loadedPages }, (_, i) => i + 1),
      ...revealedPages(this.revealed, loadedPages),
    ];
    const results = await mapLimit(pages.length, MAX_PARALLEL_PAGES, (i) => this.source.listSubaccounts(pages[i]));
    if (!current()) {
      return;
    }
    this.loaded = [];
    this.loadedIds.clear();
    let complete = false;
    results.slice(0, loadedPages).forEach((result, i) => (complete = this.append(i + 1, result)));
    this.settle(loadedPages, complete);
    const extra = results.slice(loadedPages).map((result, i) => [pages[loadedPages + i], result] as const);
    this.revealed = refreshRevealed(this.revealed, (id) => this.loadedIds.has(id), extra);
  }

  protected override quietCancel(): boolean {
    if (!this.canLoad) {
      return false;
    }
    // The session was reconfigured (format, timeout) under this request: read again, show no "cancelled".
    queueMicrotask(() => void this.reload());
    return true;
  }

  protected clear(): void {
    this.loaded = [];
    this.loadedIds.clear();
    this.revealed.clear();
    this.created = [];
    this.removedIds.clear();
    this.totalValue = undefined;
  }

  /** Keeps a page's items after those loaded; says whether the list is complete. */
  protected append(page: number, result: SubaccountPage): boolean {
    this.source.seen(result);
    // Appends in place with a kept id set: loading 500 pages stays linear.
    for (const s of result.items) {
      if (s.token !== undefined) {
        this.created = this.created.filter((c) => c.token !== s.token);
      }
      if (!this.loadedIds.has(s.id) && !this.removedIds.has(s.id)) {
        this.loadedIds.add(s.id);
        this.loaded.push({ subaccount: s, page });
      }
    }
    this.perPage = result.perPage;
    this.totalValue = result.total ?? this.totalValue;
    return (
      result.items.length < result.perPage || (this.totalValue !== undefined && this.loaded.length >= this.totalValue)
    );
  }
}
