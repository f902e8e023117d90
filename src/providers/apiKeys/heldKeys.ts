import * as vscode from 'vscode';
import type { AccountSession } from '../../accounts/accountSession';
import type { AccountSessions } from '../../accounts/accountSessions';
import type { HeldKeys } from './keyDiagnostics';

/**
 * The keys the extension holds, for the key-in-file check: every account's and those in
 * passing; changed when accounts come or go, a key is replaced, or an account's name is
 * read (the diagnostics name it).
 */
export function heldKeysOf(sessions: AccountSessions): HeldKeys & vscode.Disposable {
  const emitter = new vscode.EventEmitter<void>();
  const watched = new WeakSet<AccountSession>();
  const fire = () => emitter.fire();
  const subscriptions = [
    emitter,
    sessions.keysInPassing.onDidChange(fire),
    sessions.onDidChange(() => {
      for (const s of sessions.all.filter((s) => !watched.has(s))) {
        watched.add(s);
        // Ends with the session (its emitter is disposed with it).
        s.onDidChange(fire);
      }
      fire();
    }),
  ];
  return {
    keys: () => sessions.heldKeys(),
    onDidChange: emitter.event,
    dispose: () => subscriptions.forEach((d) => d.dispose()),
  };
}
