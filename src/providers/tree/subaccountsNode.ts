import * as vscode from 'vscode';
import type { Money, SubaccountPage } from '../../api';
import { mapLimit } from '../../accounts/boundedParallel';
import type { ServiceSession } from '../../accounts/serviceSession';
import { errorText } from '../errorText';
import { formatCount } from '../localeFormat';
import { ContextValue } from './contextValues';
import { nodeCommand } from './nodeCommands';
import { PlaceholderNode } from './placeholderNode';
import { SubaccountNode } from './subaccountNode';
import type { NodeChanged, TreeNode } from './treeNode';

/** Pages fetched at once when reloading several: the provider limits bursts. */
const MAX_PARALLEL_PAGES = 6;

/**
 * `Sub-accounts (N)`: the paged parent. It holds the items loaded so far, the next
 * page and the request in flight; `Load more…` appends the next page in place.
 */
export class SubaccountsNode implements TreeNode {
  readonly id: string;
  private items: SubaccountNode[] = [];
  private readonly ids = new Set<number>();
  private total: number | undefined;
  private pagesLoaded = 0;
  private complete = false;
  private error: unknown;
  private inFlight: Promise<void> | undefined;
  /** Bumped by reload/reset: answers for an older generation are dropped. */
  private generation = 0;
  private lastPerPage = 20;

  constructor(
    readonly parent: TreeNode,
    private readonly session: ServiceSession,
    private readonly changed: NodeChanged,
    private readonly onSecretSeen: (secret: string | undefined) => void,
  ) {
    this.id = `${parent.id}/subaccounts`;
  }

  get loadedCount(): number {
    return this.items.length;
  }

  get knownTotal(): number | undefined {
    return this.total;
  }

  get subaccounts(): readonly SubaccountNode[] {
    return this.items;
  }

  get loading(): boolean {
    return this.inFlight !== undefined;
  }

  getTreeItem(): vscode.TreeItem {
    const label =
      this.total !== undefined
        ? vscode.l10n.t('Sub-accounts ({0})', formatCount(this.total, vscode.env.language))
        : this.pagesLoaded > 0
          ? vscode.l10n.t('Sub-accounts ({0}+)', formatCount(this.items.length, vscode.env.language))
          : vscode.l10n.t('Sub-accounts');
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('account');
    item.contextValue = ContextValue.subaccounts;
    if (this.inFlight && this.pagesLoaded === 0) {
      item.description = vscode.l10n.t('loading…');
    }
    return item;
  }

  getChildren(): TreeNode[] {
    if (this.pagesLoaded === 0 && !this.inFlight && this.error === undefined) {
      void this.loadMore();
    }
    const children: TreeNode[] = [...this.items];
    if (this.error !== undefined) {
      children.push(
        new PlaceholderNode(this, 'error', {
          label: errorText(this.error),
          tooltip: vscode.l10n.t('Click to try again.'),
          command: nodeCommand('retrySubaccounts', this.session.service, vscode.l10n.t('Retry')),
        }),
      );
    } else if (this.inFlight) {
      children.push(new PlaceholderNode(this, 'loading', { label: vscode.l10n.t('Loading sub-accounts…') }));
    } else if (this.items.length === 0) {
      children.push(new PlaceholderNode(this, 'empty', { label: vscode.l10n.t('No sub-accounts') }));
    } else if (!this.complete) {
      const remaining = this.total !== undefined ? this.total - this.items.length : undefined;
      children.push(
        new PlaceholderNode(this, 'loadMore', {
          label: remaining !== undefined ? vscode.l10n.t('Load more… ({0} remaining)', formatCount(remaining, vscode.env.language)) : vscode.l10n.t('Load more…'),
          command: nodeCommand('loadMore', this.session.service, vscode.l10n.t('Load More Sub-accounts')),
        }),
      );
    }
    return children;
  }

  /** Shows a sub-account's new balance (from a transfer answer) in place. */
  updateBalance(id: number, balance: Money): SubaccountNode | undefined {
    const index = this.items.findIndex((n) => n.subaccount.id === id);
    if (index < 0) {return undefined;}
    const node = new SubaccountNode(this, this.session.service, { ...this.items[index].subaccount, balance });
    this.items[index] = node;
    this.changed(this);
    return node;
  }

  /** Loads the first page if nothing is loaded yet. */
  ensureLoaded(): Promise<void> {
    return this.pagesLoaded === 0 && this.error === undefined ? this.loadMore() : (this.inFlight ?? Promise.resolve());
  }

  /** Appends the next page; concurrent callers share the same request. */
  loadMore(): Promise<void> {
    if (this.inFlight) {
      return this.inFlight;
    }
    if (this.complete || !this.session.client) {
      return Promise.resolve();
    }
    const generation = this.generation;
    const page = this.pagesLoaded + 1;
    this.error = undefined;
    return this.track(async () => {
      try {
        const result = await this.session.listSubaccounts(page);
        if (generation === this.generation) {
          this.accept([result], true);
        }
      } catch (err) {
        if (generation === this.generation) {
          this.error = err;
        }
      }
    });
  }

  /**
   * Loads every remaining page, at most MAX_PARALLEL_PAGES at once, appending
   * them in order as they arrive (so a search can fill in progressively).
   * Cancelling keeps what arrived; the rest stays behind `Load more…`.
   */
  async loadAll(signal?: AbortSignal): Promise<void> {
    await this.ensureLoaded();
    if (this.inFlight) {await this.inFlight;}
    if (this.complete || this.error !== undefined || this.total === undefined || !this.session.client) {
      return;
    }
    const perPage = Math.max(1, this.lastPerPage);
    const first = this.pagesLoaded + 1;
    const last = Math.ceil(this.total / perPage);
    if (last < first) {return;}
    const generation = this.generation;
    const arrived = new Map<number, SubaccountPage>();
    let nextToAccept = first;
    return this.track(async () => {
      try {
        await mapLimit(last - first + 1, MAX_PARALLEL_PAGES, async (i) => {
          if (signal?.aborted || generation !== this.generation) {return;}
          const page = await this.session.listSubaccounts(first + i, signal);
          if (generation !== this.generation) {return;}
          arrived.set(first + i, page);
          let accepted = false;
          while (arrived.has(nextToAccept)) {
            this.accept([arrived.get(nextToAccept)!], true);
            arrived.delete(nextToAccept++);
            accepted = true;
          }
          if (accepted) {this.changed(this);}
        });
      } catch (err) {
        if (generation === this.generation && !signal?.aborted) {this.error = err;}
      }
    });
  }

  /**
   * Reads again every page already loaded (at least the first), in parallel, and
   * swaps them in at once: what the user had expanded stays expanded and loaded.
   */
  reload(): Promise<void> {
    if (!this.session.client) {
      this.reset();
      return Promise.resolve();
    }
    const generation = ++this.generation;
    const pages = Math.max(1, this.pagesLoaded);
    this.error = undefined;
    const run = this.track(async () => {
      try {
        const results = await mapLimit(pages, MAX_PARALLEL_PAGES, (i) => this.session.listSubaccounts(i + 1));
        if (generation === this.generation) {
          this.accept(results, false);
        }
      } catch (err) {
        if (generation === this.generation) {
          this.error = err;
        }
      }
    });
    return run;
  }

  /** Forgets everything (key or settings changed). */
  reset(): void {
    this.generation++;
    this.items = [];
    this.ids.clear();
    this.total = undefined;
    this.pagesLoaded = 0;
    this.complete = false;
    this.error = undefined;
    this.inFlight = undefined;
    this.changed(this);
  }

  private track(work: () => Promise<void>): Promise<void> {
    const run = work().finally(() => {
      if (this.inFlight === run) {
        this.inFlight = undefined;
      }
      this.changed(this);
    });
    this.inFlight = run;
    this.changed(this);
    return run;
  }

  private accept(pages: SubaccountPage[], append: boolean): void {
    if (!append) {
      this.items = [];
      this.ids.clear();
    }
    // Appends in place with a kept id set: loading 500 pages stays linear.
    for (const page of pages) {
      for (const s of page.items) {
        this.onSecretSeen(s.apiKey);
        if (!this.ids.has(s.id)) {
          this.ids.add(s.id);
          this.items.push(new SubaccountNode(this, this.session.service, s));
        }
      }
    }
    const last = pages[pages.length - 1];
    this.lastPerPage = last.perPage;
    this.pagesLoaded = append ? this.pagesLoaded + 1 : pages.length;
    this.total = last.total ?? this.total;
    this.complete = last.items.length < last.perPage || (this.total !== undefined && this.items.length >= this.total);
  }

}
