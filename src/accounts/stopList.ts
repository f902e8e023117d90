import * as vscode from 'vscode';
import { isPartnerError, type StopEntry, type StopPage } from '../api';

/** Where the list reads its pages: the SMS account session. */
export interface StopPageSource {
  readonly canLoad: boolean;
  listStopNumbers(page: number, signal?: AbortSignal): Promise<StopPage>;
}

/** More pages than this and the list stops: a provider that ignores `page` never ends otherwise. */
const MAX_PAGES = 200;

/**
 * The numbers on an SMS account's STOP list, owned by the account session and read only
 * once the user opens it (the tree node, Find, Check Phone Number). Pages are read in
 * order; an empty page, or one that repeats what was read (the provider documents no
 * paging), ends the list. A refresh re-reads the pages read so far, never more.
 */
export class StopList implements vscode.Disposable {
  private itemsValue: StopEntry[] = [];
  private pagesLoadedValue = 0;
  private completeValue = false;
  private errorValue: unknown;
  private inFlight: Promise<void> | undefined;
  private generation = 0;
  /** The provider's page size, as its first page shows it. */
  private firstPageSize: number | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly source: StopPageSource) {}

  get items(): readonly StopEntry[] {
    return this.itemsValue;
  }

  get pagesLoaded(): number {
    return this.pagesLoadedValue;
  }

  /** Every page has been read: `items.length` is the whole list. */
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

  /** The entry for a number already read (E.164). */
  find(e164: string): StopEntry | undefined {
    return this.itemsValue.find((e) => e.phoneNumber === e164);
  }

  /** Reads the next page; concurrent callers share the request. */
  loadMore(signal?: AbortSignal): Promise<void> {
    if (this.inFlight) {
      return this.inFlight;
    }
    if (this.completeValue || !this.source.canLoad) {
      return Promise.resolve();
    }
    const generation = this.generation;
    const page = this.pagesLoadedValue + 1;
    this.errorValue = undefined;
    return this.track(async () => {
      const result = await this.source.listStopNumbers(page, signal);
      if (generation === this.generation) {
        this.accept(result);
      }
    });
  }

  /** Reads every remaining page, one after the other (the list is short; the pacer spaces them). */
  async loadAll(signal?: AbortSignal): Promise<void> {
    while (!this.completeValue && this.errorValue === undefined && this.source.canLoad && !signal?.aborted) {
      const before = this.pagesLoadedValue;
      await this.loadMore(signal);
      if (this.pagesLoadedValue === before && !this.completeValue) {
        return;
      }
    }
  }

  /** Reads again the pages read so far (none if the list was never opened). */
  reload(): Promise<void> {
    if (!this.opened || !this.source.canLoad) {
      return Promise.resolve();
    }
    const pages = Math.max(1, this.pagesLoadedValue);
    this.generation++;
    const generation = this.generation;
    this.itemsValue = [];
    this.pagesLoadedValue = 0;
    this.completeValue = false;
    this.errorValue = undefined;
    this.inFlight = undefined;
    return this.track(async () => {
      for (let page = 1; page <= pages && !this.completeValue; page++) {
        const result = await this.source.listStopNumbers(page);
        if (generation !== this.generation) {
          return;
        }
        this.accept(result);
      }
    });
  }

  /** A number just added (no re-read): at the end, as the provider lists it. */
  added(entry: StopEntry): void {
    if (!this.itemsValue.some((e) => e.id === entry.id)) {
      this.itemsValue = [...this.itemsValue, entry];
      this.emitter.fire();
    }
  }

  /** A number just removed. */
  removed(id: number): void {
    const before = this.itemsValue.length;
    this.itemsValue = this.itemsValue.filter((e) => e.id !== id);
    if (this.itemsValue.length !== before) {
      this.emitter.fire();
    }
  }

  /** Forgets everything (the key or the API URL changed: another account). */
  reset(): void {
    this.generation++;
    this.itemsValue = [];
    this.pagesLoadedValue = 0;
    this.completeValue = false;
    this.errorValue = undefined;
    this.inFlight = undefined;
    this.firstPageSize = undefined;
    this.emitter.fire();
  }

  dispose(): void {
    this.generation++;
    this.emitter.dispose();
  }

  private accept(result: StopPage): void {
    const known = new Set(this.itemsValue.map((e) => e.id));
    const fresh = result.items.filter((e) => !known.has(e.id));
    this.pagesLoadedValue++;
    this.firstPageSize ??= result.items.length;
    if (fresh.length === 0 || result.items.length < this.firstPageSize || this.pagesLoadedValue >= MAX_PAGES) {
      // An empty page, a short one, or the same page again: the provider has no more.
      this.completeValue = true;
    }
    this.itemsValue = [...this.itemsValue, ...fresh];
  }

  private track(work: () => Promise<void>): Promise<void> {
    const generation = this.generation;
    const run = work()
      .catch((error: unknown) => {
        if (generation === this.generation && !(isPartnerError(error) && error.kind === 'cancelled')) {
          this.errorValue = error;
        }
      })
      .finally(() => {
        if (this.inFlight === run) {
          this.inFlight = undefined;
        }
        if (generation === this.generation) {
          this.emitter.fire();
        }
      });
    this.inFlight = run;
    this.emitter.fire();
    return run;
  }
}
