import type * as vscode from 'vscode';

/** A node of the Accounts tree: it renders itself; the provider only delegates. */
export interface TreeNode {
  /** Stable across refreshes, so expansion and selection survive. */
  readonly id: string;
  readonly parent: TreeNode | undefined;
  getTreeItem(): vscode.TreeItem;
  getChildren(): TreeNode[] | Promise<TreeNode[]>;
}

/** What nodes use to ask the provider to re-render them. */
export type NodeChanged = (node: TreeNode | undefined) => void;
