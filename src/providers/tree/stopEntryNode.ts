import * as vscode from 'vscode';
import type { StopEntry } from '../../api';
import { maskRecipient } from '../../ui/personalData';
import { formatDateTime } from '../../ui/localeFormat';
import { ContextValue } from './contextValues';
import type { StopEntryTarget } from '../../accounts/commandTargets';
import type { TreeNode } from './treeNode';

/** A number on the STOP list; masked when *Hide personal data* is on. */
export class StopEntryNode implements TreeNode, StopEntryTarget {
  readonly id: string;
  /** Checked by commands that receive a node back from a menu. */
  readonly kind = 'stopEntry' as const;

  constructor(
    readonly parent: TreeNode,
    /** The SMS account whose list this is. */
    readonly accountId: string,
    readonly entry: StopEntry,
    private readonly hide: () => boolean,
  ) {
    this.id = `${parent.id}/${entry.id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const number = this.hide() ? maskRecipient(this.entry.phoneNumber) : this.entry.phoneNumber;
    const item = new vscode.TreeItem(number, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('circle-slash');
    item.contextValue = ContextValue.stopEntry;
    const since = formatDateTime(this.entry.createdAt, vscode.env.language, this.entry.createdAtText);
    item.description = since;
    item.tooltip = vscode.l10n.t('{0} asked not to receive SMS (since {1}).', number, since);
    item.accessibilityInformation = { label: vscode.l10n.t('STOP list entry {0}, since {1}', number, since) };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}

/** Whether a command argument is a STOP entry node (menus pass the node back). */
export function isStopEntryNode(value: unknown): value is StopEntryNode {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'stopEntry';
}
