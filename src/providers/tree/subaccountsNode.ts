import * as vscode from 'vscode';
import type { Subaccount } from '../../api';
import type { AccountSession } from '../../accounts/accountSession';
import type { SubaccountList } from '../../accounts/subaccountList';
import { errorText } from '../../ui/errorText';
import { formatCount } from '../../ui/localeFormat';
import { ContextValue } from './contextValues';
import { nodeCommand } from './nodeCommands';
import { PlaceholderNode } from './placeholderNode';
import { SubaccountNode } from './subaccountNode';
import type { NodeChanged, TreeNode } from './treeNode';

/**
 * `Sub-accounts (N)`: renders the account's paged list (loaded items, then
 * `Load more…`, a loading or an error placeholder). The list owns the paging.
 */
export class SubaccountsNode implements TreeNode, vscode.Disposable {
  readonly id: string;
  /** One node per sub-account reading, so `reveal` finds the node it rendered. */
  private nodes = new WeakMap<Subaccount, SubaccountNode>();
  private readonly subscription: vscode.Disposable;

  constructor(
    readonly parent: TreeNode,
    private readonly session: AccountSession,
    changed: NodeChanged,
  ) {
    this.id = `${parent.id}/subaccounts`;
    this.subscription = this.list.onDidChange(() => changed(this));
  }

  get list(): SubaccountList {
    return this.session.subaccounts;
  }

  /** The nodes of what the list holds now. */
  get subaccounts(): readonly SubaccountNode[] {
    return this.list.items.map((s) => this.nodeFor(s));
  }

  getTreeItem(): vscode.TreeItem {
    const list = this.list;
    const locale = vscode.env.language;
    const label =
      list.total !== undefined
        ? vscode.l10n.t('Sub-accounts ({0})', formatCount(list.total, locale))
        : list.pagesLoaded > 0
          ? vscode.l10n.t('Sub-accounts ({0}+)', formatCount(list.loadedCount, locale))
          : vscode.l10n.t('Sub-accounts');
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('account');
    item.contextValue = ContextValue.subaccounts;
    if (list.loading && list.pagesLoaded === 0) {
      item.description = vscode.l10n.t('loading…');
    }
    return item;
  }

  getChildren(): TreeNode[] {
    const list = this.list;
    if (list.pagesLoaded === 0 && !list.loading && list.error === undefined) {
      void list.loadMore();
    }
    const children: TreeNode[] = [...this.subaccounts];
    const account = this.session.id;
    if (list.error !== undefined) {
      children.push(
        new PlaceholderNode(this, 'error', {
          label: errorText(list.error),
          tooltip: vscode.l10n.t('Click to try again.'),
          command: nodeCommand('retrySubaccounts', account, vscode.l10n.t('Retry')),
        }),
      );
    } else if (list.loading) {
      children.push(new PlaceholderNode(this, 'loading', { label: vscode.l10n.t('Loading sub-accounts…') }));
    } else if (children.length === 0) {
      children.push(new PlaceholderNode(this, 'empty', { label: vscode.l10n.t('No sub-accounts') }));
    } else if (!list.complete) {
      const remaining = list.total !== undefined ? list.total - list.loadedCount : undefined;
      const locale = vscode.env.language;
      children.push(
        new PlaceholderNode(this, 'loadMore', {
          label:
            remaining !== undefined
              ? vscode.l10n.t('Load more… ({0} remaining)', formatCount(remaining, locale))
              : vscode.l10n.t('Load more…'),
          command: nodeCommand('loadMore', account, vscode.l10n.t('Load More Sub-accounts')),
        }),
      );
    }
    return children;
  }

  /** The node that renders this sub-account (the list must hold it). */
  nodeFor(subaccount: Subaccount): SubaccountNode {
    let node = this.nodes.get(subaccount);
    if (!node) {
      node = new SubaccountNode(this, this.session.service, this.session.id, subaccount);
      this.nodes.set(subaccount, node);
    }
    return node;
  }

  dispose(): void {
    this.subscription.dispose();
    this.nodes = new WeakMap();
  }
}
