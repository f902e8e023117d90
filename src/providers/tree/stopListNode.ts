import * as vscode from 'vscode';
import type { StopEntry } from '../../api';
import type { AccountSession } from '../../accounts/accountSession';
import type { StopList } from '../../accounts/stopList';
import { hidePersonalDataSetting } from '../../settings/personalDataSettings';
import { errorText } from '../../ui/errorText';
import { formatCount } from '../../ui/localeFormat';
import { ContextValue } from './contextValues';
import { nodeCommand } from './nodeCommands';
import { PlaceholderNode } from './placeholderNode';
import { StopEntryNode } from './stopEntryNode';
import type { NodeChanged, TreeNode } from './treeNode';

/** `STOP list (N)` under an SMS account: renders the account's StopList, read when first expanded. */
export class StopListNode implements TreeNode, vscode.Disposable {
  readonly id: string;
  private nodes = new WeakMap<StopEntry, StopEntryNode>();
  private readonly subscription: vscode.Disposable;

  constructor(
    readonly parent: TreeNode,
    private readonly session: AccountSession,
    changed: NodeChanged,
  ) {
    this.id = `${parent.id}/stop`;
    this.subscription = this.list.onDidChange(() => changed(this));
  }

  get list(): StopList {
    return this.session.stopList;
  }

  get entries(): readonly StopEntryNode[] {
    return this.list.items.map((e) => this.nodeFor(e));
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

  getChildren(): TreeNode[] {
    const list = this.list;
    if (!list.opened) {
      void list.loadMore();
    }
    const children: TreeNode[] = [...this.entries];
    const account = this.session.id;
    if (list.error !== undefined) {
      children.push(
        new PlaceholderNode(this, 'error', {
          label: errorText(list.error),
          tooltip: vscode.l10n.t('Click to try again.'),
          command: nodeCommand('retryStopList', account, vscode.l10n.t('Retry')),
        }),
      );
    } else if (list.loading) {
      children.push(new PlaceholderNode(this, 'loading', { label: vscode.l10n.t('Loading the STOP list…') }));
    } else if (children.length === 0 && list.complete) {
      children.push(new PlaceholderNode(this, 'empty', { label: vscode.l10n.t('No number on the STOP list') }));
    } else if (!list.complete) {
      children.push(
        new PlaceholderNode(this, 'loadMore', {
          label: vscode.l10n.t('Load more…'),
          command: nodeCommand('loadMoreStopList', account, vscode.l10n.t('Load More')),
        }),
      );
    }
    return children;
  }

  nodeFor(entry: StopEntry): StopEntryNode {
    let node = this.nodes.get(entry);
    if (!node) {
      node = new StopEntryNode(this, this.session.id, entry, hidePersonalDataSetting);
      this.nodes.set(entry, node);
    }
    return node;
  }

  dispose(): void {
    this.subscription.dispose();
    this.nodes = new WeakMap();
  }
}
