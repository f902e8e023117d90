import type * as vscode from 'vscode';
import type { PartnerLogger } from '../../api';
import type { AccountSession } from '../../accounts/accountSession';
import type { AccountSessions } from '../../accounts/accountSessions';
import { registerCommand } from '../../ui/registerCommand';

/**
 * Argument-free command ids for the tree's own items, one set per account. VS Code
 * keeps the arguments of a tree item's command only until that item re-renders, so
 * clicking `Load more…` while a refresh re-rendered it failed with "Actual command
 * not found". A command without arguments is passed through as is. These are
 * registered in code, not contributed, so they never show in the Command Palette.
 */
export type NodeAction =
  'loadMore' | 'retry' | 'retrySubaccounts' | 'setApiKey' | 'openUrlSetting' | 'loadMoreStopList' | 'retryStopList';

const NODE_ACTIONS: readonly NodeAction[] = [
  'loadMore',
  'retry',
  'retrySubaccounts',
  'setApiKey',
  'openUrlSetting',
  'loadMoreStopList',
  'retryStopList',
];

export function nodeCommand(action: NodeAction, accountId: string, title: string): vscode.Command {
  return { command: `partnerExplorer.node.${action}.${accountId}`, title };
}

/** Registers the node commands of each account as it comes, and drops them as it goes. */
export class NodeCommands implements vscode.Disposable {
  private readonly registered = new Map<string, vscode.Disposable[]>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly sessions: AccountSessions,
    private readonly log: PartnerLogger,
    private readonly handlers: Readonly<Record<NodeAction, (session: AccountSession) => unknown>>,
  ) {
    this.subscription = sessions.onDidChange(() => this.sync());
    this.sync();
  }

  dispose(): void {
    this.subscription.dispose();
    for (const list of this.registered.values()) {
      list.forEach((d) => d.dispose());
    }
    this.registered.clear();
  }

  private sync(): void {
    const live = new Set(this.sessions.all.map((s) => s.id));
    for (const [id, list] of this.registered) {
      if (!live.has(id)) {
        list.forEach((d) => d.dispose());
        this.registered.delete(id);
      }
    }
    for (const id of live) {
      if (this.registered.has(id)) {
        continue;
      }
      this.registered.set(
        id,
        NODE_ACTIONS.map((action) =>
          registerCommand(
            nodeCommand(action, id, action).command,
            () => {
              const session = this.sessions.get(id);
              return session ? this.handlers[action](session) : undefined;
            },
            this.log,
          ),
        ),
      );
    }
  }
}
