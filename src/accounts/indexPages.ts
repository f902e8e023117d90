import type { SubaccountPage } from '../api';
import { mapLimit } from './boundedParallel';
import { MAX_PARALLEL_PAGES, type PlacedSubaccount } from './subaccountList';

/** How long a complete reading answers Find without a new scan. */
export const INDEX_FRESH_MS = 10 * 60_000;

export interface IndexProgress {
  readonly loaded: number;
  readonly total: number | undefined;
  readonly pagesLeft: number | undefined;
  /** Pages a second this reading has gone at so far (undefined before two pages). */
  readonly pagesPerSecond: number | undefined;
}

/** Every kept sub-account in page order; each page's entries are made once (`placedOf`). */
export function placedInOrder(
  pages: ReadonlyMap<number, SubaccountPage>,
  placedOf: WeakMap<SubaccountPage, readonly PlacedSubaccount[]>,
): PlacedSubaccount[] {
  const sorted: PlacedSubaccount[] = [];
  for (const n of [...pages.keys()].sort((a, b) => a - b)) {
    const page = pages.get(n)!;
    let placed = placedOf.get(page);
    if (!placed) {
      placed = page.items.map((subaccount) => ({ subaccount, page: n }));
      placedOf.set(page, placed);
    }
    sorted.push(...placed);
  }
  return sorted;
}

/** What one reading of the Find index works with (SubaccountIndex owns the state). */
export interface PageReading {
  readonly signal: AbortSignal;
  /** Whether this reading still counts (the index was not reset since it began). */
  current(): boolean;
  pages(): Map<number, SubaccountPage>;
  /** The last page the answers name, once one has said a total. */
  lastPage(): number | undefined;
  perPage(): number;
  /** Whether page `n` is to be read by this reading. */
  wanted(n: number): boolean;
  /** Reads page `n` and keeps it. */
  read(n: number): Promise<void>;
  /** Pages past the last one were dropped. */
  dropped(): void;
}

/**
 * Reads every page wanted, MAX_PARALLEL_PAGES at a time, until every page up to the last
 * one the answers name has been read: a total that grew while reading adds pages, one that
 * shrank drops them. Without any total (some XML), reads on until a short page.
 */
export async function readEveryPage(r: PageReading, expected: number | undefined): Promise<void> {
  const going = () => !r.signal.aborted && r.current();
  if (expected === undefined) {
    await r.read(1);
  }
  for (;;) {
    const last = r.lastPage() ?? expected;
    if (last === undefined || !going()) {
      break;
    }
    for (const n of [...r.pages().keys()]) {
      if (n > last) {
        r.pages().delete(n);
        r.dropped();
      }
    }
    const todo = Array.from({ length: last }, (_, i) => i + 1).filter((n) => r.wanted(n));
    if (todo.length === 0) {
      break;
    }
    await mapLimit(todo.length, MAX_PARALLEL_PAGES, async (i) => {
      if (going()) {
        await r.read(todo[i]);
      }
    });
  }
  if (r.lastPage() === undefined && going()) {
    for (let n = 2; r.pages().get(n - 1)!.items.length >= r.perPage(); n++) {
      if (!going()) {
        return;
      }
      if (r.wanted(n)) {
        await r.read(n);
      }
    }
  }
}
