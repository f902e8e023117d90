/**
 * What the provider's error codes mean for the code that reacts to them. Their
 * user-facing wording lives outside `src/api` (`src/ui/errorMessages.ts`, l10n bundles).
 */

/** Which operation failed: the credit-transfer endpoints reuse small codes with other meanings. */
export type ErrorContext = 'general' | 'transfer';

/** Codes that mean the key itself is the problem: the user should set it again. */
export function isKeyProblem(code: number | undefined): boolean {
  return code === 1 || code === 9 || code === 10;
}
