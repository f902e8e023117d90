import * as vscode from 'vscode';
import { SERVICES, type ServiceId } from '../../api';
import { SERVICE_ICON } from '../../ui/serviceIcons';
import type { AccountNode } from './accountNode';
import { ContextValue } from './contextValues';
import type { TreeNode } from './treeNode';

/** `SMS Partner` / `Mail Partner` above their accounts, when both services are in use. */
export class ServiceGroupNode implements TreeNode {
  readonly id: string;
  readonly parent = undefined;

  constructor(
    readonly service: ServiceId,
    private readonly accounts: () => readonly AccountNode[],
  ) {
    this.id = `partner/${service}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(SERVICES[this.service].label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(SERVICE_ICON[this.service]);
    item.contextValue = ContextValue.serviceGroup;
    const count = this.accounts().length;
    item.description = count > 1 ? vscode.l10n.t('{0} accounts', count) : undefined;
    return item;
  }

  getChildren(): TreeNode[] {
    return [...this.accounts()];
  }
}
