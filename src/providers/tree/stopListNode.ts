import * as vscode from 'vscode';
import type { StopEntry } from '../../api';
import type { AccountSession } from '../../accounts/accountSession';
import type { StopList } from '../../accounts/stopList';
import { hidePersonalDataSetting } from '../../settings/personalDataSettings';
import { formatCount } from '../../ui/localeFormat';
import { ContextValue } from './contextValues';
import { PagedNode } from './pagedNode';
import { StopEntryNode } from './stopEntryNode';
import type { NodeChanged, TreeNode } from './treeNode';

/** `STOP list (N)` under an SMS account: renders the account's StopList, read when first expanded. */
export class StopListNode extends PagedNode<StopEntry, StopEntryNode, StopList> {
  constructor(parent: TreeNode, session: AccountSession, changed: NodeChanged) {
    super(parent, session, session.stopList, changed, {
      idSuffix: 'stop',
      loading: vscode.l10n.t('Loading the STOP list…'),
      empty: vscode.l10n.t('No number on the STOP list'),
      loadMore: 'loadMoreStopList',
      loadMoreTitle: vscode.l10n.t('Load More'),
      retry: 'retryStopList',
    });
  }

  get entries(): readonly StopEntryNode[] {
    return this.itemNodes;
  }

  getTreeItem(): vscode.TreeItem {
    const list = this.list;
    const locale = vscode.env.language;
    const label = list.complete
      ? vscode.l10n.t('STOP list ({0})', formatCount(list.items.length, locale))
      : list.pagesLoaded > 0
        ? vscode.l10n.t('STOP list ({0}+)', formatCount(list.items.length, locale))
        : vscode.l10n.t('STOP list');
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('circle-slash');
    item.contextValue = ContextValue.stopList;
    item.tooltip = vscode.l10n.t('The numbers that asked not to receive SMS from this account.');
    return item;
  }

  protected createNode(entry: StopEntry): StopEntryNode {
    return new StopEntryNode(this, this.session.id, entry, hidePersonalDataSetting);
  }
}
