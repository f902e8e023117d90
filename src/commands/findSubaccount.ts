import * as vscode from 'vscode';
import { SERVICE_IDS, SERVICES, type ServiceId } from '../api';
import type { ServiceSession } from '../accounts/serviceSession';
import { formatCount, formatMoney } from '../providers/localeFormat';
import type { AccountsTreeProvider } from '../providers/tree/accountsTreeProvider';
import type { SubaccountNode } from '../providers/tree/subaccountNode';
import type { TreeNode } from '../providers/tree/treeNode';
import { isServiceId, pickService } from './servicePick';

export interface FindDeps {
  readonly sessions: Readonly<Record<ServiceId, ServiceSession>>;
  readonly tree: AccountsTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
}

/** Whether a sub-account matches what the user typed: e-mail, token or id. */
export function matchesSubaccount(node: SubaccountNode, query: string): boolean {
  const q = query.trim().toLowerCase();
  const s = node.subaccount;
  return q !== '' && (s.email.toLowerCase().includes(q) || (s.token ?? '').toLowerCase().includes(q) || String(s.id) === q);
}

async function reveal(deps: FindDeps, node: SubaccountNode): Promise<void> {
  await deps.treeView.reveal(node, { select: true, focus: true, expand: true });
}

/**
 * `Find Sub-account…`: a QuickPick over every sub-account of a service, filling
 * in as pages arrive (6 at a time, cancelled when the pick closes), matching
 * e-mail, token and id; the pick is revealed in the tree. With a `query`
 * argument it reveals the first match without asking (automation, tests).
 */
export async function findSubaccount(deps: FindDeps, serviceArg?: unknown, query?: unknown): Promise<SubaccountNode | undefined> {
  const withKey = SERVICE_IDS.filter((s) => deps.sessions[s].client);
  const service = isServiceId(serviceArg) ? serviceArg : withKey.length === 1 ? withKey[0] : await pickService(vscode.l10n.t('Find Sub-account'), () => undefined, withKey);
  if (!service) {return undefined;}
  const node = deps.tree.root(service).subaccounts;
  if (typeof query === 'string') {
    await node.loadAll();
    const found = node.subaccounts.find((n) => matchesSubaccount(n, query));
    if (found) {await reveal(deps, found);}
    return found;
  }
  const locale = vscode.env.language;
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { node: SubaccountNode }>();
  pick.title = vscode.l10n.t('Find a {0} sub-account', SERVICES[service].label);
  pick.placeholder = vscode.l10n.t('E-mail, token or id');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  const abort = new AbortController();
  const refill = () => {
    pick.items = node.subaccounts.map((n) => ({
      label: n.subaccount.email,
      description: [`#${n.subaccount.id}`, n.subaccount.token].filter(Boolean).join(' · '),
      detail: [n.subaccount.type, formatMoney(n.subaccount.balance, locale)].filter(Boolean).join(' · '),
      node: n,
    }));
    const total = node.knownTotal;
    pick.busy = node.loading;
    if (total !== undefined && node.loading) {
      pick.title = vscode.l10n.t('Find a {0} sub-account: loading {1} of {2}…', SERVICES[service].label, formatCount(node.loadedCount, locale), formatCount(total, locale));
    } else {
      pick.title = vscode.l10n.t('Find a {0} sub-account', SERVICES[service].label);
    }
  };
  const subscription = deps.tree.onDidChangeTreeData((changed) => {
    if (!changed || changed === node) {refill();}
  });
  return new Promise((resolve) => {
    let chosen: SubaccountNode | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0]?.node;
      pick.hide();
    });
    pick.onDidHide(() => {
      abort.abort();
      subscription.dispose();
      pick.dispose();
      if (chosen) {void reveal(deps, chosen);}
      resolve(chosen);
    });
    refill();
    pick.show();
    void node.loadAll(abort.signal).then(refill);
  });
}
