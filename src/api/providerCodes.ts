/**
 * What the provider's error codes mean for the code that reacts to them. Their
 * user-facing wording lives outside `src/api` (`src/ui/errorMessages.ts`, l10n bundles).
 */

/**
 * Which operation failed: the credit-transfer endpoints reuse small codes with other
 * meanings, and so do `message-cancel` (5–7), `message-status` (2, 5, 6, 9) and
 * `bulk-status-by-tag` (3 for the missing tag). See docs/api-decisions.md.
 */
export type ErrorContext = 'general' | 'transfer' | 'cancel' | 'recipientStatus' | 'tagStatus';

/** Codes that mean the key itself is the problem: the user should set it again. */
export function isKeyProblem(code: number | undefined, context: ErrorContext = 'general'): boolean {
  // message-status's 9 is "does not appear to be a mobile number".
  return code === 1 || code === 10 || (code === 9 && context !== 'recipientStatus');
}

/** `message-cancel` refused because the send is too close (code 6): the docs say within 5 minutes. */
export const CANCEL_TOO_LATE_CODE = 6;
/** The docs' bound: a scheduled send cannot be cancelled less than this before its time. */
export const CANCEL_MIN_LEAD_MINUTES = 5;
