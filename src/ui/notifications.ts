import * as vscode from 'vscode';
import { inertText } from './inertText';

/*
 * Every notification, modal and notification progress of the extension goes
 * through here, so that no provider text in it can become a link (see
 * `inertText`). A unit test checks nothing calls `vscode.window` for them directly.
 */

type Level = 'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage';

function show<T extends string>(
  level: Level,
  message: string,
  rest: readonly (vscode.MessageOptions | T)[],
): Thenable<T | undefined> {
  const [first, ...others] = rest;
  if (first !== undefined && typeof first === 'object') {
    const options = first.detail === undefined ? first : { ...first, detail: inertText(first.detail) };
    return vscode.window[level](inertText(message), options, ...(others as T[]));
  }
  return vscode.window[level](inertText(message), ...(rest as T[]));
}

export function showInfo<T extends string>(message: string, ...items: T[]): Thenable<T | undefined>;
export function showInfo<T extends string>(
  message: string,
  options: vscode.MessageOptions,
  ...items: T[]
): Thenable<T | undefined>;
export function showInfo<T extends string>(
  message: string,
  ...rest: (vscode.MessageOptions | T)[]
): Thenable<T | undefined> {
  return show('showInformationMessage', message, rest);
}

export function showWarning<T extends string>(message: string, ...items: T[]): Thenable<T | undefined>;
export function showWarning<T extends string>(
  message: string,
  options: vscode.MessageOptions,
  ...items: T[]
): Thenable<T | undefined>;
export function showWarning<T extends string>(
  message: string,
  ...rest: (vscode.MessageOptions | T)[]
): Thenable<T | undefined> {
  return show('showWarningMessage', message, rest);
}

export function showError<T extends string>(message: string, ...items: T[]): Thenable<T | undefined>;
export function showError<T extends string>(
  message: string,
  options: vscode.MessageOptions,
  ...items: T[]
): Thenable<T | undefined>;
export function showError<T extends string>(
  message: string,
  ...rest: (vscode.MessageOptions | T)[]
): Thenable<T | undefined> {
  return show('showErrorMessage', message, rest);
}

type ProgressStep = { message?: string; increment?: number };

/** A progress notification: its title and messages may carry provider text too. */
export function withNotificationProgress<R>(
  options: { readonly title: string; readonly cancellable?: boolean },
  task: (progress: vscode.Progress<ProgressStep>, token: vscode.CancellationToken) => Thenable<R>,
): Thenable<R> {
  const { title, cancellable } = options;
  const location = vscode.ProgressLocation.Notification;
  return vscode.window.withProgress({ location, title: inertText(title), cancellable }, (progress, token) => {
    const report = (step: ProgressStep) =>
      progress.report(step.message === undefined ? step : { ...step, message: inertText(step.message) });
    return task({ report }, token);
  });
}
