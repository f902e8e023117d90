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
      look: {
        icon: 'circle-slash',
        contextValue: ContextValue.stopList,
        tooltip: vscode.l10n.t('The numbers that asked not to receive SMS from this account.'),
      },
      loading: vscode.l10n.t('Loading the STOP list…'),
      empty: vscode.l10n.t('No number on the STOP list'),
      loadMore: 'loadMoreStopList',
      loadMoreTitle: vscode.l10n.t('Load More'),
      retry: 'retryStopList',
    });
  }

  protected label(): string {
    const list = this.list;
    const count = formatCount(list.items.length, vscode.env.language);
    if (list.complete) {
      return vscode.l10n.t('STOP list ({0})', count);
    }
    return list.pagesLoaded > 0 ? vscode.l10n.t('STOP list ({0}+)', count) : vscode.l10n.t('STOP list');
  }

  protected createNode(entry: StopEntry): StopEntryNode {
    return new StopEntryNode(this, this.session.id, entry, hidePersonalDataSetting);
  }

  /** The nodes of the numbers read so far. */
  get entries(): readonly StopEntryNode[] {
    return this.itemNodes;
  }
}
