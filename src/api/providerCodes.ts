/**
 * What the provider's error codes mean for the code that reacts to them. Their
 * user-facing wording lives outside `src/api` (`src/ui/errorMessages.ts`, l10n bundles).
 */

/** Which operation failed: the credit-transfer endpoints reuse small codes with other meanings. */
export type ErrorContext = 'general' | 'transfer' | 'stopList' | 'lookup';

/**
 * Codes that mean the key itself is the problem: the user should set it again.
 * The STOP list and lookup pages use 9 for an invalid phone number, not a key.
 */
export function isKeyProblem(code: number | undefined, context: ErrorContext = 'general'): boolean {
  if (code === 9 && (context === 'stopList' || context === 'lookup')) {
    return false;
  }
  return code === 1 || code === 9 || code === 10;
}
