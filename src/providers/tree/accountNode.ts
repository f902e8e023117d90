import * as vscode from 'vscode';
import { isPartnerError, SERVICES, type ServiceId } from '../../api';
import type { AccountSession } from '../../accounts/accountSession';
import { errorText } from '../../ui/errorText';
import { formatTime } from '../../ui/localeFormat';
import { SafeMarkdown } from '../../ui/markdownText';
import { SERVICE_ICON } from '../../ui/serviceIcons';
import { ContextValue } from './contextValues';
import { nodeCommand } from './nodeCommands';
import { CreditNode, creditLines } from './creditNode';
import { PlaceholderNode } from './placeholderNode';
import { StopListNode } from './stopListNode';
import { SubaccountsNode } from './subaccountsNode';
import type { NodeChanged, TreeNode } from './treeNode';

/**
 * One account: named as the user chose (else the provider's username), with the
 * service's icon; its children are the credits and the sub-accounts.
 */
export class AccountNode implements TreeNode, vscode.Disposable {
  readonly id: string;
  readonly subaccounts: SubaccountsNode;
  /** SMS accounts only. */
  readonly stopList: StopListNode | undefined;

  constructor(
    readonly parent: TreeNode | undefined,
    readonly session: AccountSession,
    changed: NodeChanged,
  ) {
    this.id = `partner/${session.service}/${session.id}`;
    this.subaccounts = new SubaccountsNode(this, session, changed);
    this.stopList = session.service === 'sms' ? new StopListNode(this, session, changed) : undefined;
  }

  dispose(): void {
    this.subaccounts.dispose();
    this.stopList?.dispose();
  }

  get service(): ServiceId {
    return this.session.service;
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.session;
    const state = s.state;
    const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(SERVICE_ICON[s.service]);
    const account = s.account;
    const source = this.keySourceText();
    const named = s.info.label ? account?.user.username : undefined;
    item.description =
      state.kind === 'noKey' ? vscode.l10n.t('no API key') : [named, source].filter(Boolean).join(' · ');
    // The service as a suffix (`service.ready.sms`): menus that belong to one service match it.
    item.contextValue = `${
      state.kind === 'noKey'
        ? ContextValue.serviceNoKey
        : state.kind === 'error' || state.kind === 'invalidSettings'
          ? ContextValue.serviceError
          : state.kind === 'ready'
            ? ContextValue.serviceReady
            : ContextValue.serviceLoading
    }.${s.service}`;
    const tip = new SafeMarkdown().heading(s.name);
    tip.line(vscode.l10n.t('Service'), s.label);
    if (account) {
      tip.line(vscode.l10n.t('Account'), account.user.username);
      const name = [account.user.firstname, account.user.lastname].filter(Boolean).join(' ');
      if (name) {
        tip.line(vscode.l10n.t('Name'), name);
      }
    }
    if (source) {
      tip.line(vscode.l10n.t('API key'), source);
    }
    if (state.kind === 'ready') {
      tip.line(vscode.l10n.t('Updated'), formatTime(state.updatedAt, vscode.env.language));
    }
    item.tooltip = tip.md;
    return item;
  }

  getChildren(): TreeNode[] {
    const s = this.session;
    const state = s.state;
    if (s.client) {
      // The first page loads alongside the credits, so `Sub-accounts (N)` has its N.
      void s.subaccounts.ensureLoaded();
    }
    switch (state.kind) {
      case 'noKey':
        return [
          new PlaceholderNode(this, 'signIn', {
            label: vscode.l10n.t('Set API key…'),
            tooltip: vscode.l10n.t('Connect your {0} account with its API key.', s.label),
            command: nodeCommand('setApiKey', s.id, vscode.l10n.t('Set API Key…')),
          }),
        ];
      case 'invalidSettings':
        return [
          new PlaceholderNode(this, 'error', {
            label: state.message,
            tooltip: state.message,
            command: nodeCommand('openUrlSetting', s.id, vscode.l10n.t('Open Settings')),
          }),
        ];
      case 'idle':
        void s.ensureLoaded();
        return [new PlaceholderNode(this, 'loading', { label: vscode.l10n.t('Loading credits…') })];
    }
    const account = s.account;
    const children: TreeNode[] = [];
    if (state.kind === 'error') {
      children.push(this.errorNode(state.error));
    }
    if (!account) {
      return children.length
        ? children
        : [new PlaceholderNode(this, 'loading', { label: vscode.l10n.t('Loading credits…') })];
    }
    for (const line of creditLines(account, vscode.env.language)) {
      children.push(new CreditNode(this, line, account.user.username));
    }
    children.push(this.subaccounts);
    if (this.stopList) {
      children.push(this.stopList);
    }
    return children;
  }

  private errorNode(error: unknown): PlaceholderNode {
    const message = errorText(error);
    const keyProblem = isPartnerError(error) && error.isKeyProblem;
    return new PlaceholderNode(this, 'error', {
      label: message,
      tooltip: keyProblem ? vscode.l10n.t('Click to set the API key again.') : vscode.l10n.t('Click to try again.'),
      command: keyProblem
        ? nodeCommand('setApiKey', this.session.id, vscode.l10n.t('Set API Key…'))
        : nodeCommand('retry', this.session.id, vscode.l10n.t('Retry')),
    });
  }

  private keySourceText(): string | undefined {
    switch (this.session.keySource) {
      case 'environment':
        return vscode.l10n.t('key from {0}', SERVICES[this.service].keyEnvVar);
      case 'session':
        return vscode.l10n.t('key for this session only');
      default:
        return undefined;
    }
  }
}
