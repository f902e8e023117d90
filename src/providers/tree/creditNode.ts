import * as vscode from 'vscode';
import type { Account } from '../../api';
import { formatCount, formatMoney } from '../../ui/localeFormat';
import { SafeMarkdown } from '../../ui/markdownText';
import { ContextValue } from './contextValues';
import type { TreeNode } from './treeNode';

interface CreditLine {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly icon: string;
  readonly explanation: string;
}

/** The credit lines of an account, in the order the tree shows them. */
export function creditLines(account: Account, locale: string): CreditLine[] {
  const c = account.credits;
  const lines: CreditLine[] = [];
  const count = (key: string, label: string, value: number | undefined, icon: string, explanation: string) => {
    if (value !== undefined) {
      lines.push({ key, label, value: formatCount(value, locale), icon, explanation });
    }
  };
  if (c.service === 'sms') {
    count('sms', vscode.l10n.t('SMS'), c.sms, 'comment', vscode.l10n.t('Standard SMS credits left.'));
    count(
      'smsEco',
      vscode.l10n.t('SMS ECO'),
      c.smsEco,
      'comment-discussion',
      vscode.l10n.t('Low-cost SMS credits left.'),
    );
    count('hlr', vscode.l10n.t('HLR'), c.hlr, 'pulse', vscode.l10n.t('Number-lookup (HLR) credits left.'));
    count('toSend', vscode.l10n.t('Waiting to send'), c.toSend, 'watch', vscode.l10n.t('SMS queued and not yet sent.'));
  } else {
    count('mails', vscode.l10n.t('Mails'), c.mails, 'mail', vscode.l10n.t('E-mail credits left.'));
  }
  lines.push({
    key: 'balance',
    label: vscode.l10n.t('Balance'),
    value: formatMoney(c.balance, locale),
    icon: 'credit-card',
    explanation: vscode.l10n.t('Account balance.'),
  });
  return lines;
}

/** One credit figure of an account: a leaf. */
export class CreditNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: TreeNode,
    private readonly line: CreditLine,
    private readonly username: string,
  ) {
    this.id = `${parent.id}/credit/${line.key}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.line.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.line.value;
    item.iconPath = new vscode.ThemeIcon(this.line.icon);
    item.contextValue = ContextValue.credit;
    item.tooltip = new SafeMarkdown()
      .heading(this.line.label)
      .line(this.line.label, this.line.value)
      .line(vscode.l10n.t('Account'), this.username)
      .text(this.line.explanation).md;
    item.accessibilityInformation = { label: `${this.line.label}: ${this.line.value}` };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}
