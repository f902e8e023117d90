import * as vscode from 'vscode';
import { SERVICE_IDS, type ServiceId } from '../../api';
import type { AccountSession } from '../../accounts/accountSession';
import type { AccountSessions } from '../../accounts/accountSessions';
import { AccountNode } from './accountNode';
import { ServiceGroupNode } from './serviceGroupNode';
import type { TreeNode } from './treeNode';

/**
 * The Accounts tree: every account under its service, or flat (each with its
 * service's icon) when only one service is in use. It delegates rendering to its
 * nodes and owns the one change event.
 */
export class AccountsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** One node per account, kept while the account exists: ids and expansion stay stable. */
  private readonly nodes = new Map<string, { node: AccountNode; subscriptions: vscode.Disposable[] }>();
  private readonly groups: Readonly<Record<ServiceId, ServiceGroupNode>>;
  private refreshing: Promise<void> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly sessions: AccountSessions) {
    const accountsOf = (service: ServiceId) => () => this.sessions.forService(service).map((s) => this.nodeOf(s));
    this.groups = {
      sms: new ServiceGroupNode('sms', accountsOf('sms')),
      mail: new ServiceGroupNode('mail', accountsOf('mail')),
    };
    this.subscription = sessions.onDidChange(() => this.sync());
    this.sync();
  }

  /** Whether the accounts are grouped under their services (both services in use). */
  get grouped(): boolean {
    return SERVICE_IDS.every((s) => this.sessions.forService(s).length > 0);
  }

  /** The top level: services when both are in use, else the accounts themselves. */
  get roots(): readonly TreeNode[] {
    if (this.grouped) {
      return SERVICE_IDS.map((s) => this.groups[s]);
    }
    return this.sessions.all.map((s) => this.nodeOf(s));
  }

  /** Every account node, in the store's order. */
  get accounts(): readonly AccountNode[] {
    return this.sessions.all.map((s) => this.nodeOf(s));
  }

  /** The node of an account. */
  account(id: string): AccountNode | undefined {
    const session = this.sessions.get(id);
    return session ? this.nodeOf(session) : undefined;
  }

  /** The node of the account the status bar shows for a service (the pinned one). */
  root(service: ServiceId): AccountNode {
    const session = this.sessions.pinned(service) ?? this.sessions.forService(service)[0];
    if (!session) {
      throw new Error(`no ${service} account`);
    }
    return this.nodeOf(session);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getChildren(node?: TreeNode): TreeNode[] | Promise<TreeNode[]> {
    if (node) {
      return node.getChildren();
    }
    // An empty tree lets VS Code show the welcome view with its Add Account button.
    return this.sessions.all.some((s) => s.hasKey) ? [...this.roots] : [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node instanceof AccountNode) {
      return this.grouped ? this.groups[node.service] : undefined;
    }
    return node.parent;
  }

  /**
   * Credits and the loaded sub-account pages of every account with a key, all in
   * parallel. Refreshes asked for while one runs share it.
   */
  refresh(): Promise<void> {
    if (!this.refreshing) {
      const run = Promise.all(this.sessions.all.filter((s) => s.client).map((s) => this.reload(s))).then(
        () => undefined,
        () => undefined,
      );
      this.refreshing = run.finally(() => (this.refreshing = undefined));
    }
    return this.refreshing;
  }

  /** Draws every node again (a display setting changed); reads nothing. */
  rerender(): void {
    this.emitter.fire(undefined);
  }

  /** Reads an account's credits and loaded pages again; Find's reading is read again at its next use. */
  reload(session: AccountSession): Promise<void> {
    session.subaccountIndex.outdate();
    return Promise.all([
      session.refresh({ maxAgeMs: 0 }),
      session.subaccounts.reload(),
      session.stopList.reload(),
    ]).then(() => undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    for (const { node, subscriptions } of this.nodes.values()) {
      node.dispose();
      subscriptions.forEach((d) => d.dispose());
    }
    this.nodes.clear();
    this.emitter.dispose();
  }

  private nodeOf(session: AccountSession): AccountNode {
    let entry = this.nodes.get(session.id);
    if (!entry || entry.node.session !== session) {
      entry?.node.dispose();
      entry?.subscriptions.forEach((d) => d.dispose());
      const node = new AccountNode(undefined, session, (n) => this.emitter.fire(n));
      entry = {
        node,
        subscriptions: [
          session.onDidChange(() => this.emitter.fire(node)),
          // No key at all shows the welcome view instead: the top level may change.
          session.onDidChangeClient(() => this.emitter.fire(undefined)),
        ],
      };
      this.nodes.set(session.id, entry);
    }
    return entry.node;
  }

  private sync(): void {
    const live = new Set(this.sessions.all.map((s) => s.id));
    for (const [id, entry] of this.nodes) {
      if (!live.has(id)) {
        entry.node.dispose();
        entry.subscriptions.forEach((d) => d.dispose());
        this.nodes.delete(id);
      }
    }
    this.emitter.fire(undefined);
  }
}
