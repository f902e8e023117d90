import { classifyActionFailure, type ActionFailure } from '../api';
import type { PartnerLog } from '../log/partnerLog';
import { errorText } from '../ui/errorText';
import { showError, showWarning } from '../ui/notifications';

/*
 * What every action that spends, sends, deletes or cancels says when its one request
 * fails, by the one classification (`classifyActionFailure`): refused by the provider,
 * not sent at all, or unknown (the request may have been written: never sent again).
 * Each action gives its own words; the re-read after an unknown outcome is the caller's.
 */

export interface FailureWords {
  /** The provider said no; omitted when the caller explains the refusal itself. */
  readonly refused?: (reason: string) => string;
  /** Nothing left the machine; the refusal's words when omitted. */
  readonly notSent?: (reason: string) => string;
  /** No answer to trust: what may have happened, and what is read again. */
  readonly unknown: (reason: string) => string;
}

/** Logs the failure (never personal data: `where` names ids only), says it, and returns its class. */
export function sayFailure(
  log: PartnerLog | undefined,
  where: string,
  error: unknown,
  words: FailureWords,
): ActionFailure {
  log?.warn(`${where} failed: ${error instanceof Error ? error.message : String(error)}`);
  const failure = classifyActionFailure(error);
  const reason = errorText(error);
  const said =
    failure === 'unknown' ? undefined : failure === 'notSent' ? (words.notSent ?? words.refused) : words.refused;
  if (failure === 'unknown') {
    void showWarning(words.unknown(reason));
  } else if (said) {
    void showError(said(reason));
  }
  return failure;
}
