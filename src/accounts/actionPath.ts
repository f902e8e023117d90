import * as vscode from 'vscode';
import { classifyActionFailure, type ActionFailure } from '../api';
import type { PartnerLog } from '../log/partnerLog';
import { ActionGuard, type ActionKind } from './actionGuard';

/*
 * The one path of everything that spends, sends, deletes or cancels, owned by the account
 * session (`session.actions.perform`), for commands and the agent's tools alike: the guard
 * of the account, kind and subject; the modal built from the action's own description;
 * exactly one request (never retried: the client retries no write); one classification
 * of a failure. How it is shown comes from the caller's `ActionHost` (the commands':
 * modal and notifications; the tools': errors the chat reads).
 */

/** What an action says of itself when it cannot go on; `reason` is the error in the user's words. */
export interface ActionWords {
  /** Another one of its kind (and subject) is under way on the account. */
  readonly busy: string;
  /** The provider said no; omitted when the action explains the refusal itself (`after.refused`). */
  readonly refused?: (reason: string) => string;
  /** Nothing left the machine; the refusal's words when omitted. */
  readonly notSent?: (reason: string) => string;
  /** No answer to trust: what may have happened, and what is read again. */
  readonly unknown: (reason: string) => string;
}

/** The question of the modal; the path adds the line that names the account. */
export interface ActionConfirmation {
  readonly question: string;
  /** The effect, in numbers (balances before and after, recipients and cost…). */
  readonly lines: readonly string[];
  /** The confirm button's label. */
  readonly button: string;
  /** Whether the account pays (a send): named first, as the payer; else named last. */
  readonly pays?: boolean;
  /** A second check after the modal (the e-mail typed again); false cancels. */
  readonly also?: () => Promise<boolean>;
}

/** One action, as it describes itself. */
export interface Action<T> {
  readonly kind: ActionKind;
  /** What the guard is per, within the kind (a sub-account's token, a message id). */
  readonly subject?: string;
  /** The modal, when asked for: every action that is not exactly a sandbox send asks. */
  readonly confirm?: ActionConfirmation;
  readonly progress: string;
  /** Ids only (never personal data), for the log. */
  readonly logAs: string;
  /** The one request. */
  readonly run: (signal: AbortSignal) => Promise<T>;
  readonly words: ActionWords;
  /** What changes or is read again after each outcome, before it is said. */
  readonly after?: {
    readonly done?: (value: T) => void;
    readonly refused?: (error: unknown, failure: 'refused' | 'notSent') => void;
    readonly unknown?: () => void;
  };
}

export type ActionOutcome<T> =
  | { readonly outcome: 'done'; readonly value: T }
  | { readonly outcome: 'cancelled' | 'busy' }
  | { readonly outcome: ActionFailure; readonly error: unknown };

/** How the caller shows the path: implemented once for commands and once for tools. */
export interface ActionHost {
  /** The caller's signal; the account's when omitted. */
  readonly signal?: AbortSignal;
  confirm(question: string, detail: string, button: string): Promise<boolean>;
  progress<T>(title: string, task: () => Promise<T>): Promise<T>;
  /** Says an outcome other than done (a tool throws it instead); `text` undefined: said already. */
  say(outcome: 'busy' | ActionFailure, text: string | undefined, error?: unknown): void;
  /** An error in the user's words. */
  reason(error: unknown): string;
}

/** The account as the path names it. */
export interface ActingAccount {
  readonly name: string;
  readonly label: string;
  readonly accountSignal: AbortSignal;
}

export class ActionPath {
  private readonly guard = new ActionGuard();

  constructor(
    private readonly account: ActingAccount,
    private readonly log: PartnerLog,
  ) {}

  /** Whether `kind` (for `subject`) is under way on this account. */
  isBusy(kind: ActionKind, subject = ''): boolean {
    return this.guard.isBusy(kind, subject);
  }

  /** Says "already in progress" and answers true when it is: for callers that ask questions first. */
  refuseIfBusy(action: Pick<Action<unknown>, 'kind' | 'subject' | 'words'>, host: ActionHost): boolean {
    if (!this.guard.isBusy(action.kind, action.subject)) {
      return false;
    }
    host.say('busy', action.words.busy);
    return true;
  }

  /** Guard, modal, one request under progress, one classification; never sent twice. */
  async perform<T>(action: Action<T>, host: ActionHost): Promise<ActionOutcome<T>> {
    const release = this.guard.enter(action.kind, action.subject);
    if (!release) {
      host.say('busy', action.words.busy);
      return { outcome: 'busy' };
    }
    try {
      if (action.confirm && !(await this.confirmed(action.confirm, host))) {
        return { outcome: 'cancelled' };
      }
      let value: T;
      try {
        const signal = host.signal ?? this.account.accountSignal;
        value = await host.progress(action.progress, () => action.run(signal));
      } catch (error) {
        return { outcome: this.failed(action, host, error), error };
      }
      action.after?.done?.(value);
      return { outcome: 'done', value };
    } finally {
      release();
    }
  }

  private async confirmed(confirm: ActionConfirmation, host: ActionHost): Promise<boolean> {
    const { name, label } = this.account;
    const lines = confirm.pays
      ? [vscode.l10n.t('Account that pays: {0} ({1})', name, label), ...confirm.lines]
      : [...confirm.lines, vscode.l10n.t('Account: {0}', `${name} (${label})`)];
    if (!(await host.confirm(confirm.question, lines.join('\n'), confirm.button))) {
      return false;
    }
    return confirm.also ? confirm.also() : true;
  }

  /** Logs, re-reads what the action asks, then says it (a tool's host throws here). */
  private failed<T>(action: Action<T>, host: ActionHost, error: unknown): ActionFailure {
    this.log.warn(`${action.logAs} failed: ${error instanceof Error ? error.message : String(error)}`);
    const failure = classifyActionFailure(error);
    const reason = host.reason(error);
    const { words, after } = action;
    if (failure === 'unknown') {
      after?.unknown?.();
      host.say(failure, words.unknown(reason), error);
    } else {
      after?.refused?.(error, failure);
      const said = failure === 'notSent' ? (words.notSent ?? words.refused) : words.refused;
      host.say(failure, said?.(reason), error);
    }
    return failure;
  }
}
