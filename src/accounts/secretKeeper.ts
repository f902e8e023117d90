import type * as vscode from 'vscode';

/** Secrets whose delete the keyring refused: tried again at the next start. */
const PENDING_DELETES_STATE = 'partnerExplorer.pendingSecretDeletes';

/**
 * The extension's writes to SecretStorage. It knows which change events are this window's
 * own, and it never loses track of a secret it was asked to delete: a delete the keyring
 * refuses is written down (in globalState) and tried again at the next start.
 */
export class SecretKeeper {
  /** Secrets this window is writing: their change events are its own, not another window's. */
  private readonly ownWrites = new Map<string, number>();

  constructor(
    readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {}

  /** True (once) when this change event comes from this window's own write. */
  isOwnChange(name: string): boolean {
    const own = this.ownWrites.get(name) ?? 0;
    if (own > 0) {
      this.ownWrites.set(name, own - 1);
      return true;
    }
    return false;
  }

  /** Stores a secret; rejects when the keyring refuses. */
  store(name: string, value: string): Promise<void> {
    return this.write(name, value);
  }

  /**
   * Deletes a secret. Call it only once the state that pointed to it no longer does (saved).
   * False when the keyring refused: the secret is still stored, and the delete will be tried
   * again at the next start.
   */
  async delete(name: string): Promise<boolean> {
    try {
      await this.write(name, undefined);
      await this.setPending(this.pending().filter((n) => n !== name));
      return true;
    } catch {
      if (!this.pending().includes(name)) {
        await this.setPending([...this.pending(), name]);
      }
      return false;
    }
  }

  /** Secrets whose delete is still owed (refused earlier). */
  pending(): readonly string[] {
    const stored = this.state.get<unknown>(PENDING_DELETES_STATE);
    return Array.isArray(stored) ? stored.filter((n): n is string => typeof n === 'string') : [];
  }

  /** Tries the owed deletes again (at start). */
  async retryPending(): Promise<void> {
    for (const name of this.pending()) {
      await this.delete(name);
    }
  }

  private async setPending(names: readonly string[]): Promise<void> {
    await this.state.update(PENDING_DELETES_STATE, names.length > 0 ? names : undefined);
  }

  /** Stores (or, with no value, deletes) a secret, marking its change event as this window's own. */
  private async write(name: string, value: string | undefined): Promise<void> {
    this.ownWrites.set(name, (this.ownWrites.get(name) ?? 0) + 1);
    try {
      await (value === undefined ? this.secrets.delete(name) : this.secrets.store(name, value));
    } catch (err) {
      // No change event follows a failed write.
      this.ownWrites.set(name, Math.max(0, (this.ownWrites.get(name) ?? 1) - 1));
      throw err;
    }
  }
}
