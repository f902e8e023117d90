import * as vscode from 'vscode';
import type { Subaccount } from '../../api';
import type { AccountSession } from '../../accounts/accountSession';
import type { SubaccountList } from '../../accounts/subaccountList';
import { formatCount } from '../../ui/localeFormat';
import { ContextValue } from './contextValues';
import { PagedNode } from './pagedNode';
import { SubaccountNode } from './subaccountNode';
import type { NodeChanged, TreeNode } from './treeNode';

/** `Sub-accounts (N)`: renders the account's paged sub-account list. */
export class SubaccountsNode extends PagedNode<Subaccount, SubaccountNode, SubaccountList> {
  constructor(parent: TreeNode, session: AccountSession, changed: NodeChanged) {
    super(parent, session, session.subaccounts, changed, {
      idSuffix: 'subaccounts',
      loading: vscode.l10n.t('Loading sub-accounts…'),
      empty: vscode.l10n.t('No sub-accounts'),
      loadMore: 'loadMore',
      loadMoreTitle: vscode.l10n.t('Load More Sub-accounts'),
      retry: 'retrySubaccounts',
    });
  }

  /** The nodes of what the list holds now. */
  get subaccounts(): readonly SubaccountNode[] {
    return this.itemNodes;
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

  protected override loadMoreLabel(): string {
    const list = this.list;
    return list.total !== undefined
      ? vscode.l10n.t('Load more… ({0} remaining)', formatCount(list.total - list.loadedCount, vscode.env.language))
      : super.loadMoreLabel();
  }

  protected createNode(subaccount: Subaccount): SubaccountNode {
    return new SubaccountNode(this, this.session.service, this.session.id, subaccount);
  }
}
