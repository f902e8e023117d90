import * as vscode from 'vscode';
import { ContextValue } from './contextValues';
import type { TreeNode } from './treeNode';

export type PlaceholderKind = 'signIn' | 'loading' | 'empty' | 'error' | 'loadMore';

const ICONS: Record<PlaceholderKind, vscode.ThemeIcon> = {
  signIn: new vscode.ThemeIcon('key'),
  loading: new vscode.ThemeIcon('loading~spin'),
  empty: new vscode.ThemeIcon('circle-slash'),
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')),
  loadMore: new vscode.ThemeIcon('more'),
};

const CONTEXT: Record<PlaceholderKind, string> = {
  signIn: ContextValue.placeholderSignIn,
  loading: ContextValue.placeholderLoading,
  empty: ContextValue.placeholderEmpty,
  error: ContextValue.placeholderError,
  loadMore: ContextValue.placeholderLoadMore,
};

export interface PlaceholderOptions {
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string | vscode.MarkdownString;
  readonly command?: vscode.Command;
}

/** The one node type for everything that is not data: sign in, loading, empty, error, load more. */
export class PlaceholderNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: TreeNode,
    readonly kind: PlaceholderKind,
    readonly options: PlaceholderOptions,
  ) {
    this.id = `${parent.id}/~${kind}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.options.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.options.description;
    item.tooltip = this.options.tooltip;
    item.command = this.options.command;
    item.iconPath = ICONS[this.kind];
    item.contextValue = CONTEXT[this.kind];
    item.accessibilityInformation = {
      label: [this.options.label, this.options.description].filter(Boolean).join(', '),
    };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}
