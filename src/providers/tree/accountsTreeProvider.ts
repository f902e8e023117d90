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

  constructor(sessions: readonly ServiceSession[], onSecretSeen: (secret: string | undefined) => void) {
    const changed = (node: TreeNode | undefined) => this.emitter.fire(node);
    this.roots = sessions.map((s) => new ServiceNode(s, changed, onSecretSeen));
    for (const root of this.roots) {
      this.subscriptions.push(
        root.session.onDidChange(() => this.emitter.fire(root)),
        // A new key or API URL: pages of the old account must not linger, and the
        // roots may appear or go (no key at all shows the welcome view instead).
        root.session.onDidChangeClient(({ accountChanged }) => {
          if (accountChanged) {root.subaccounts.reset();}
          this.emitter.fire(undefined);
        }),
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
        this.roots.filter((r) => r.session.client).map((r) => Promise.all([r.session.refresh({ maxAgeMs: 0 }), r.subaccounts.reload()])),
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
        return Promise.all([root.session.refresh({ maxAgeMs: 0 }), root.subaccounts.reload()]).then(() => undefined);
      }
      if (nodeId === root.subaccounts.id) {
        return root.subaccounts.loadedCount === 0 ? root.subaccounts.reload() : root.subaccounts.loadMore();
      }
    }
    return this.refresh();
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
    this.emitter.dispose();
  }
}
