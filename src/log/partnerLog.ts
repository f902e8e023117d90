import type * as vscode from 'vscode';
import { redactSecrets, type PartnerLogger } from '../api';

/**
 * The client's logger, written to the `Partner Explorer` log channel with every
 * known key scrubbed: the main keys by search, and the sub-account keys (there
 * may be thousands) by looking each token of the line up in a set, so a line
 * costs the same whatever the number of sub-accounts.
 */
export class PartnerLog implements PartnerLogger {
  private readonly subaccountKeys = new Set<string>();

  constructor(
    private readonly channel: vscode.LogOutputChannel,
    private readonly secrets: () => readonly string[],
  ) {}

  info(message: string): void {
    this.channel.info(this.clean(message));
  }

  warn(message: string): void {
    this.channel.warn(this.clean(message));
  }

  error(message: string): void {
    this.channel.error(this.clean(message));
  }

  /** A key seen in an answer (a sub-account's own key): never logged from now on. */
  rememberSecret(secret: string | undefined): void {
    if (secret && secret.length >= 6) {
      this.subaccountKeys.add(secret);
    }
  }

  /** What the log would say for this message (for tests). */
  clean(message: string): string {
    const scrubbed = redactSecrets(message, this.secrets());
    if (this.subaccountKeys.size === 0) {
      return scrubbed;
    }
    return scrubbed.replace(/[^\s"'<>&=?/\\,;:()[\]{}]{6,}/g, (token) =>
      this.subaccountKeys.has(token) ? '***' : token,
    );
  }
}
