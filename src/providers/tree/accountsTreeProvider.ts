import * as vscode from 'vscode';
import type { ServiceId } from '../../api';
import type { ServiceSession } from '../../accounts/serviceSession';
import { ServiceNode } from './serviceNode';
import type { TreeNode } from './treeNode';

/** The Accounts tree: delegates rendering to its nodes and owns the one change event. */
export class AccountsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  readonly roots: readonly ServiceNode[];
  private refreshing: Promise<void> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(sessions: readonly ServiceSession[]) {
    const changed = (node: TreeNode | undefined) => this.emitter.fire(node);
    this.roots = sessions.map((s) => new ServiceNode(s, changed));
    for (const root of this.roots) {
      this.subscriptions.push(
        root,
        root.session.onDidChange(() => this.emitter.fire(root)),
        // The roots may appear or go (no key at all shows the welcome view instead).
        root.session.onDidChangeClient(() => this.emitter.fire(undefined)),
      );
    }
  }

  root(service: ServiceId): ServiceNode {
    return this.roots.find((r) => r.service === service)!;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getChildren(node?: TreeNode): TreeNode[] | Promise<TreeNode[]> {
    if (node) {
      return node.getChildren();
    }
    // An empty tree lets VS Code show the welcome view with its Set API Key button.
    return this.roots.some((r) => r.session.hasKey) ? [...this.roots] : [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /**
   * Credits and the loaded sub-account pages of every service with a key, all in
   * parallel. Refreshes asked for while one runs share it.
   */
  refresh(): Promise<void> {
    if (!this.refreshing) {
      const run = Promise.all(
        this.roots.filter((r) => r.session.client).map((r) => Promise.all([r.session.refresh({ maxAgeMs: 0 }), r.session.subaccounts.reload()])),
      ).then(
        () => undefined,
        () => undefined,
      );
      this.refreshing = run.finally(() => (this.refreshing = undefined));
    }
    return this.refreshing;
  }

  /** Retries what failed at the given node (a service or its sub-accounts). */
  retry(nodeId: string): Promise<void> {
    for (const root of this.roots) {
      if (nodeId === root.id) {
        return Promise.all([root.session.refresh({ maxAgeMs: 0 }), root.session.subaccounts.reload()]).then(() => undefined);
      }
      if (nodeId === root.subaccounts.id) {
        const list = root.session.subaccounts;
        return list.loadedCount === 0 ? list.reload() : list.loadMore();
      }
    }
    return this.refresh();
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
    this.emitter.dispose();
  }
}
