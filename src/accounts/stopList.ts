import type { StopEntry, StopPage } from '../api';
import { PagedList } from './pagedList';

/** Where the list reads its pages: the SMS account session. */
export interface StopPageSource {
  readonly canLoad: boolean;
  listStopNumbers(page: number, signal?: AbortSignal): Promise<StopPage>;
}

/** More pages than this and the list stops: a provider that ignores `page` never ends otherwise. */
const MAX_PAGES = 200;

/**
 * The numbers on an SMS account's STOP list, owned by the account session and read only
 * once the user opens it (the tree node, Find, Check Phone Number), on the shared
 * paging (PagedList). Pages are read in order; an empty page, or one that repeats what
 * was read (the provider documents no paging), ends the list. A refresh re-reads the
 * pages read so far, never more.
 */
export class StopList extends PagedList<StopPage> {
  private itemsValue: StopEntry[] = [];
  /** The provider's page size, as its first page shows it. */
  private firstPageSize: number | undefined;

  constructor(private readonly source: StopPageSource) {
    super();
  }

  get items(): readonly StopEntry[] {
    return this.itemsValue;
  }

  /** The entry for a number already read (E.164). */
  find(e164: string): StopEntry | undefined {
    return this.itemsValue.find((e) => e.phoneNumber === e164);
  }

  /** Reads again the pages read so far (none if the list was never opened). */
  override reload(): Promise<void> {
    return this.opened ? super.reload() : Promise.resolve();
  }

  /** A number just added (no re-read): at the end, as the provider lists it. */
  added(entry: StopEntry): void {
    if (!this.itemsValue.some((e) => e.id === entry.id)) {
      this.itemsValue = [...this.itemsValue, entry];
      this.changed();
    }
  }

  /** A number just removed. */
  removed(id: number): void {
    const before = this.itemsValue.length;
    this.itemsValue = this.itemsValue.filter((e) => e.id !== id);
    if (this.itemsValue.length !== before) {
      this.changed();
    }
  }

  protected get canLoad(): boolean {
    return this.source.canLoad;
  }

  protected readPage(page: number, signal?: AbortSignal): Promise<StopPage> {
    return this.source.listStopNumbers(page, signal);
  }

  protected append(page: number, result: StopPage): boolean {
    const known = new Set(this.itemsValue.map((e) => e.id));
    const fresh = result.items.filter((e) => !known.has(e.id));
    this.firstPageSize ??= result.items.length;
    this.itemsValue = [...this.itemsValue, ...fresh];
    // An empty page, a short one, or the same page again: the provider has no more.
    return fresh.length === 0 || result.items.length < this.firstPageSize || page >= MAX_PAGES;
  }

  /** Starts again from page 1 and reads as many pages as were read (the list shows them as they come). */
  protected async reread(current: () => boolean): Promise<void> {
    const pages = Math.max(1, this.pagesLoaded);
    this.itemsValue = [];
    this.settle(0, false);
    for (let page = 1; page <= pages && !this.complete; page++) {
      const result = await this.source.listStopNumbers(page);
      if (!current()) {
        return;
      }
      this.accepted(result, page);
    }
  }

  protected clear(): void {
    this.itemsValue = [];
    this.firstPageSize = undefined;
  }
}
