import * as vscode from 'vscode';
import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';

/**
 * The `when` clauses' context keys (`partnerExplorer.hasAnyKey`, `.severalAccounts`,
 * `.ready`), and an event for "an account came, went or got another key", which the
 * first-use parts (the tree, the tools) follow.
 */
export class AccountContextKeys implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeAccounts = this.changed.event;
  private readonly watched = new WeakSet<AccountSession>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly sessions: AccountSessions) {
    this.subscription = sessions.onDidChange(() => {
      this.follow();
      this.update();
      this.changed.fire();
    });
  }

  private follow(): void {
    for (const session of this.sessions.all) {
      if (this.watched.has(session)) {
        continue;
      }
      this.watched.add(session);
      // A key read after the session was made (from the environment, at startup) also
      // changes `hasAnyKey`, which the palette's commands depend on.
      session.onDidChangeClient(() => {
        this.changed.fire();
        this.update();
      });
    }
  }

  private update(): void {
    const all = this.sessions.all;
    void vscode.commands.executeCommand(
      'setContext',
      'partnerExplorer.hasAnyKey',
      all.some((s) => s.hasKey),
    );
    void vscode.commands.executeCommand('setContext', 'partnerExplorer.severalAccounts', all.length > 1);
    void vscode.commands.executeCommand('setContext', 'partnerExplorer.ready', true);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
