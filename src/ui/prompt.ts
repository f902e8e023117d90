import * as vscode from 'vscode';
import { showError } from './notifications';

/*
 * The one prompt path of the commands: a value given as an argument is checked with the
 * rule the input box checks as you type (and refused, said once, when it fails), else the
 * user is asked. Escape throws `UserCancelledError`, which `registerCommand` swallows in
 * one place (a command whose result callers read turns it into its own word with
 * `prompted`); a refused argument throws `ArgumentRefusedError`, already said.
 */

/** The user pressed Escape (or closed a prompt): nothing to say, nothing was done. */
export class UserCancelledError extends Error {
  constructor() {
    super('Cancelled by the user.');
    this.name = 'UserCancelledError';
  }
}

/** A given argument failed its check; the problem was already shown to the user. */
export class ArgumentRefusedError extends Error {
  constructor(problem: string) {
    super(problem);
    this.name = 'ArgumentRefusedError';
  }
}

/** Whether an error only stops a command the user stopped or was already told about. */
export function isQuietStop(error: unknown): boolean {
  return error instanceof UserCancelledError || error instanceof ArgumentRefusedError;
}

/** Shows `problem` and stops the command as refused. */
export function refuseArgument(problem: string): never {
  void showError(problem);
  throw new ArgumentRefusedError(problem);
}

/** An input box; `validate` is both `validateInput` and the check of a given value. */
export interface TextPrompt {
  readonly title: string;
  readonly prompt?: string;
  readonly placeHolder?: string;
  readonly value?: string;
  readonly password?: boolean;
  /** False for the few boxes that did not keep focus before (a name for a saved key). */
  readonly ignoreFocusOut?: boolean;
  /** A note (`InputBoxValidationMessage` below Error) informs without refusing. */
  readonly validate?: (value: string) => string | vscode.InputBoxValidationMessage | undefined;
}

/** What refuses a value: a text, or a message of Error severity. */
function problemOf(said: string | vscode.InputBoxValidationMessage | undefined): string | undefined {
  if (typeof said === 'string' || said === undefined) {
    return said;
  }
  return said.severity === vscode.InputBoxValidationSeverity.Error ? said.message : undefined;
}

/** Asks with an input box that validates as you type; Escape throws `UserCancelledError`. */
export async function askText(prompt: TextPrompt): Promise<string> {
  const typed = await vscode.window.showInputBox({
    title: prompt.title,
    prompt: prompt.prompt,
    placeHolder: prompt.placeHolder,
    value: prompt.value,
    password: prompt.password,
    ignoreFocusOut: prompt.ignoreFocusOut ?? true,
    validateInput: prompt.validate,
  });
  if (typed === undefined) {
    throw new UserCancelledError();
  }
  return typed;
}

/**
 * The given text when there is one (checked by `prompt.validate`, refused when it fails),
 * else asked. `given` is what the caller passed: anything but `undefined` counts as given.
 */
export async function givenOrAsk(given: unknown, prompt: TextPrompt): Promise<string> {
  if (given === undefined) {
    return askText(prompt);
  }
  const text = String(given);
  const problem = problemOf(prompt.validate?.(text));
  return problem === undefined ? text : refuseArgument(problem);
}

/** A quick pick of one item; Escape throws `UserCancelledError`. */
export async function pickOne<T extends vscode.QuickPickItem>(
  items: readonly T[] | Thenable<readonly T[]>,
  options: vscode.QuickPickOptions,
): Promise<T> {
  const picked = await vscode.window.showQuickPick(items, { ...options, canPickMany: false });
  if (picked === undefined) {
    throw new UserCancelledError();
  }
  return picked;
}

/** A quick pick of several items (none is an answer); Escape throws `UserCancelledError`. */
export async function pickMany<T extends vscode.QuickPickItem>(
  items: readonly T[],
  options: vscode.QuickPickOptions,
): Promise<readonly T[]> {
  const picked = await vscode.window.showQuickPick(items, { ...options, canPickMany: true });
  if (picked === undefined) {
    throw new UserCancelledError();
  }
  return picked;
}

/** Throws `UserCancelledError` when a step answered nothing (a pick of its own, a dialog). */
export function required<T>(value: T | undefined): T {
  if (value === undefined) {
    throw new UserCancelledError();
  }
  return value;
}

/**
 * Runs a command's flow and turns a cancellation or a refused argument into the command's
 * own results (what its callers and tests read: `'cancelled'`, `'refused'`, `undefined`).
 */
export async function prompted<T, C, R>(flow: () => Promise<T>, cancelled: C, refused: R): Promise<T | C | R> {
  try {
    return await flow();
  } catch (error) {
    if (error instanceof UserCancelledError) {
      return cancelled;
    }
    if (error instanceof ArgumentRefusedError) {
      return refused;
    }
    throw error;
  }
}
