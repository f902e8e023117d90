import type { Subaccount, SubaccountPage } from '../api';
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

/**
 * Reads pages `first`..`last`, at most MAX_PARALLEL_PAGES at once, and hands them
 * over in page order as they arrive (each batch that became contiguous at once).
 * `go` is asked before each request, `keep` after each answer.
 */
export async function readInOrder<P>(
  first: number,
  last: number,
  read: (page: number) => Promise<P>,
  inOrder: (batch: readonly (readonly [number, P])[]) => void,
  go: () => boolean,
  keep: () => boolean,
): Promise<void> {
  const arrived = new Map<number, P>();
  let next = first;
  await mapLimit(last - first + 1, MAX_PARALLEL_PAGES, async (i) => {
    if (!go()) {
      return;
    }
    const result = await read(first + i);
    if (!keep()) {
      return;
    }
    arrived.set(first + i, result);
    const batch: (readonly [number, P])[] = [];
    while (arrived.has(next)) {
      batch.push([next, arrived.get(next)!]);
      arrived.delete(next++);
    }
    if (batch.length > 0) {
      inOrder(batch);
    }
  });
}

/** Pages beyond the `loadedPages` first that hold revealed sub-accounts: a refresh reads them too. */
export function revealedPages(revealed: ReadonlyMap<number, PlacedSubaccount>, loadedPages: number): number[] {
  return [...new Set([...revealed.values()].map((r) => r.page))].filter((p) => p > loadedPages);
}

/**
 * The revealed sub-accounts after a refresh: those within the loaded pages were
 * refreshed with them, those read again on their own page are updated, the others
 * (gone from their page) are dropped.
 */
export function refreshRevealed(
  revealed: ReadonlyMap<number, PlacedSubaccount>,
  isLoaded: (id: number) => boolean,
  pages: readonly (readonly [number, SubaccountPage])[],
): Map<number, PlacedSubaccount> {
  const fresh = new Map<number, PlacedSubaccount>();
  for (const [page, result] of pages) {
    for (const s of result.items) {
      if (revealed.has(s.id)) {
        fresh.set(s.id, { subaccount: s, page });
      }
    }
  }
  const kept = new Map([...revealed].filter(([id]) => isLoaded(id) || fresh.has(id)));
  for (const [id, placed] of fresh) {
    kept.set(id, placed);
  }
  return kept;
}
