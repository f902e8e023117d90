import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';
import type { AccountRef, CreditHistory } from '../accounts/creditHistory';
import type { PartnerLog } from '../log/partnerLog';
import type { PartnerSettings } from '../settings/partnerSettings';
import type { InputSchema } from '../actions/inputCheck';

/** What the tools read: the extension's own accounts, history, settings and log. */
export interface ToolContext {
  readonly sessions: AccountSessions;
  readonly creditHistory: CreditHistory;
  readonly readingsOf: (session: AccountSession) => AccountRef | undefined;
  readonly settings: () => PartnerSettings;
  /** Whether recipients' and sub-accounts' e-mails and numbers may reach the model unmasked now. */
  readonly sharePersonalData: () => boolean;
  readonly log: PartnerLog;
}

/**
 * One language-model tool: its name (as in `contributes.languageModelTools`), its
 * input schema (the same object as the manifest's), the progress line, and the work.
 * `run` returns the answer as text, or throws: the registrar turns a failure into
 * the text the UI would show.
 */
export interface PartnerTool<I> {
  readonly name: string;
  readonly inputSchema: InputSchema;
  progressMessage(input: I): string;
  /** What the chat asks the user to confirm before the tool runs (tools that send). */
  confirmation?(input: I): { readonly title: string; readonly message: string };
  run(input: I, context: ToolContext, signal: AbortSignal): Promise<string>;
}

/** A tool of any input, for the registrar's list. */
export type AnyPartnerTool = PartnerTool<never>;
