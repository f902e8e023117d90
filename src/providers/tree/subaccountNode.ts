import * as vscode from 'vscode';
import type { ServiceId, Subaccount } from '../../api';
import { formatDateTime, formatMoney } from '../../ui/localeFormat';
import { SafeMarkdown } from '../../ui/markdownText';
import { ContextValue } from './contextValues';
import type { SubaccountTarget } from '../../accounts/commandTargets';
import type { TreeNode } from './treeNode';

/** One sub-account: email, type and balance; its key is never shown. */
export class SubaccountNode implements TreeNode, SubaccountTarget {
  readonly id: string;
  /** Checked by commands that receive a node back from a menu. */
  readonly kind = 'subaccount' as const;

  constructor(
    readonly parent: TreeNode,
    readonly service: ServiceId,
    /** The account whose sub-account this is (commands act with its session). */
    readonly accountId: string,
    readonly subaccount: Subaccount,
  ) {
    this.id = `${parent.id}/${subaccount.id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.subaccount;
    const locale = vscode.env.language;
    const balance = formatMoney(s.balance, locale);
    const type = s.type ?? '';
    const item = new vscode.TreeItem(s.email, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = [type, balance].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(s.type === 'advanced' ? 'organization' : 'person');
    item.contextValue = ContextValue.subaccount;
    const tip = new SafeMarkdown().heading(s.email).line(vscode.l10n.t('Balance'), balance);
    if (type) {
      tip.line(vscode.l10n.t('Type'), type);
    }
    if (s.id > 0) {
      // A sub-account just created here has only a provisional id until a page read shows it.
      tip.line(vscode.l10n.t('Id'), String(s.id));
    }
    if (s.token) {
      tip.line(vscode.l10n.t('Token'), s.token);
    }
    if (s.createdAt || s.createdAtText) {
      tip.line(vscode.l10n.t('Created'), formatDateTime(s.createdAt, locale, s.createdAtText));
    }
    item.tooltip = tip.md;
    item.accessibilityInformation = {
      label: vscode.l10n.t('Sub-account {0}, {1}, balance {2}', s.email, type, balance),
    };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}

/** Whether a command argument is a sub-account node (menus pass the node back). */
export function isSubaccountNode(value: unknown): value is SubaccountNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'subaccount' &&
    'subaccount' in value
  );
}
