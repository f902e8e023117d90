import type * as vscode from 'vscode';
import type { AccountSession } from '../../accounts/accountSession';
import type { PlacedSubaccount } from '../../accounts/subaccountList';
import type { AccountsTreeProvider } from './accountsTreeProvider';
import type { SubaccountNode } from './subaccountNode';
import type { TreeNode } from './treeNode';

/** Puts the sub-account in the tree's list (without loading the pages before it) and selects it. */
export async function revealSubaccount(
  tree: AccountsTreeProvider,
  treeView: vscode.TreeView<TreeNode>,
  session: AccountSession,
  placed: PlacedSubaccount,
): Promise<SubaccountNode | undefined> {
  const list = session.subaccounts;
  // The first page first: a pick from it must be the node the tree renders, not a second one.
  await list.ensureLoaded();
  const account = tree.account(session.id);
  if (!account) {
    return undefined;
  }
  const node = account.subaccounts.nodeFor(list.reveal(placed));
  await treeView.reveal(node, { select: true, focus: true, expand: true });
  return node;
}
