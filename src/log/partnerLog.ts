import type * as vscode from 'vscode';
import { redactSecrets, type PartnerLogger } from '../api';

/** The client's logger, written to the `Partner Explorer` log channel with every known key scrubbed. */
export class PartnerLog implements PartnerLogger {
  /** Sub-account keys seen in answers: scrubbed like the main keys. */
  private readonly extra = new Set<string>();

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

  debug(message: string): void {
    this.channel.debug(this.clean(message));
  }

  rememberSecret(secret: string | undefined): void {
    if (secret) {
      this.extra.add(secret);
    }
  }

  private clean(message: string): string {
    return redactSecrets(message, [...this.secrets(), ...this.extra]);
  }
}
