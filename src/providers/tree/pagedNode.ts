import * as vscode from 'vscode';
import type { PagedList } from '../../accounts/pagedList';
import type { AccountSession } from '../../accounts/accountSession';
import { errorText } from '../../ui/errorText';
import { nodeCommand, type NodeAction } from './nodeCommands';
import { PlaceholderNode } from './placeholderNode';
import type { NodeChanged, TreeNode } from './treeNode';

/** A paged list as a node renders it: its items and its paging state. */
export type PagedItems<T> = PagedList<unknown> & { readonly items: readonly T[] };

/** What differs from one paged node to another: the words and the commands. */
export interface PagedNodeText {
  /** The id under the parent's (`subaccounts`, `stop`). */
  readonly idSuffix: string;
  /** The node's own item: its icon, context value, tooltip, and whether it says `loading…` while its first page is read. */
  readonly look: {
    readonly icon: string;
    readonly contextValue: string;
    readonly tooltip?: string;
    readonly saysLoading?: boolean;
  };
  readonly loading: string;
  readonly empty: string;
  /** Argument-free node commands of the account (see nodeCommands.ts) and the load-more title. */
  readonly loadMore: NodeAction;
  readonly loadMoreTitle: string;
  readonly retry: NodeAction;
}

/**
 * A node that renders a paged list owned by the account session (GitLens'
 * `PageableViewNode`): the items read so far, then `Load more…`, a loading or an
 * error placeholder. It reads the first page when first expanded; the list does the
 * paging. One child node per item reading, so `reveal` finds the node it rendered.
 */
export abstract class PagedNode<T extends object, N extends TreeNode, L extends PagedItems<T> = PagedItems<T>>
  implements TreeNode, vscode.Disposable
{
  readonly id: string;
  private nodes = new WeakMap<T, N>();
  private readonly subscription: vscode.Disposable;

  constructor(
    readonly parent: TreeNode,
    protected readonly session: AccountSession,
    /** The list the session owns: the node only renders it. */
    readonly list: L,
    changed: NodeChanged,
    private readonly text: PagedNodeText,
  ) {
    this.id = `${parent.id}/${text.idSuffix}`;
    this.subscription = this.list.onDidChange(() => changed(this));
  }

  /** The node's own label (it may count the items). */
  protected abstract label(): string;
  /** The node of one item. */
  protected abstract createNode(item: T): N;
  /** The `Load more…` label (it may say how many remain). */
  protected loadMoreLabel(): string {
    return vscode.l10n.t('Load more…');
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label(), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const look = this.text.look;
    item.iconPath = new vscode.ThemeIcon(look.icon);
    item.contextValue = look.contextValue;
    item.tooltip = look.tooltip;
    if (look.saysLoading && this.list.loading && this.list.pagesLoaded === 0) {
      item.description = vscode.l10n.t('loading…');
    }
    return item;
  }

  /** The nodes of what the list holds now. */
  get itemNodes(): readonly N[] {
    return this.list.items.map((item) => this.nodeFor(item));
  }

  /** Reads the next page (the `Load more…` item). */
  loadMore(): Promise<void> {
    return this.list.loadMore();
  }

  /** Asks again for what failed (the error item). */
  retry(): Promise<void> {
    return this.list.retry();
  }

  getChildren(): TreeNode[] {
    const list = this.list;
    if (!list.opened) {
      void list.loadMore();
    }
    const children: TreeNode[] = [...this.itemNodes];
    const account = this.session.id;
    if (list.error !== undefined) {
      children.push(
        new PlaceholderNode(this, 'error', {
          label: errorText(list.error),
          tooltip: vscode.l10n.t('Click to try again.'),
          command: nodeCommand(this.text.retry, account, vscode.l10n.t('Retry')),
        }),
      );
    } else if (list.loading) {
      children.push(new PlaceholderNode(this, 'loading', { label: this.text.loading }));
    } else if (children.length === 0 && (list.complete || list.pagesLoaded === 0)) {
      children.push(new PlaceholderNode(this, 'empty', { label: this.text.empty }));
    } else if (!list.complete) {
      children.push(
        new PlaceholderNode(this, 'loadMore', {
          label: this.loadMoreLabel(),
          command: nodeCommand(this.text.loadMore, account, this.text.loadMoreTitle),
        }),
      );
    }
    return children;
  }

  /** The node that renders this item (the list must hold it). */
  nodeFor(item: T): N {
    let node = this.nodes.get(item);
    if (!node) {
      node = this.createNode(item);
      this.nodes.set(item, node);
    }
    return node;
  }

  dispose(): void {
    this.subscription.dispose();
    this.nodes = new WeakMap();
  }
}
