import * as vscode from 'vscode';
import type { KeyOwner } from './keyMatcher';

/**
 * Keys the extension uses without storing them (a sub-account's key while browsing as it),
 * known to the key-in-file check only while a signal says the extension still holds them.
 * Nothing here is written anywhere.
 */
export class KeysInPassing implements vscode.Disposable {
  private readonly held = new Map<string, KeyOwner>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  /** Knows `key` as `owner`'s until `lifetime` aborts. */
  hold(key: string, owner: KeyOwner, lifetime: AbortSignal): void {
    if (lifetime.aborted || this.held.has(key)) {
      return;
    }
    this.held.set(key, owner);
    lifetime.addEventListener('abort', () => this.held.delete(key) && this.emitter.fire(), { once: true });
    this.emitter.fire();
  }

  entries(): { key: string; owner: KeyOwner }[] {
    return [...this.held].map(([key, owner]) => ({ key, owner }));
  }

  dispose(): void {
    this.held.clear();
    this.emitter.dispose();
  }
}
