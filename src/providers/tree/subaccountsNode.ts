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
      look: { icon: 'account', contextValue: ContextValue.subaccounts, saysLoading: true },
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

  protected label(): string {
    const list = this.list;
    const locale = vscode.env.language;
    return list.total !== undefined
      ? vscode.l10n.t('Sub-accounts ({0})', formatCount(list.total, locale))
      : list.pagesLoaded > 0
        ? vscode.l10n.t('Sub-accounts ({0}+)', formatCount(list.loadedCount, locale))
        : vscode.l10n.t('Sub-accounts');
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
