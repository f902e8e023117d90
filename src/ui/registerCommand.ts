import * as vscode from 'vscode';
import type { PartnerLogger } from '../api';
import { errorText } from './errorText';
import { showError } from './notifications';
import { isQuietStop } from './prompt';

export type CommandHandler = (...args: unknown[]) => unknown;

/**
 * Registers a command that catches what its handler throws: the error goes to the
 * log and the user reads it, once, here; handlers do not wrap themselves. Escape in a
 * prompt (`UserCancelledError`) and a refused argument (already said) end the command
 * quietly, here too.
 */
export function registerCommand(id: string, handler: CommandHandler, log: PartnerLogger): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isQuietStop(error)) {
        return undefined;
      }
      log.error(`${id}: ${error instanceof Error ? error.message : String(error)}`);
      void showError(errorText(error));
      return undefined;
    }
  });
}

/** Registers every command of a table (command id → handler). */
export function registerCommands(
  table: Readonly<Record<string, CommandHandler>>,
  log: PartnerLogger,
): vscode.Disposable[] {
  return Object.entries(table).map(([id, handler]) => registerCommand(id, handler, log));
}
