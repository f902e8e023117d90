/**
 * What the provider's error codes mean for the code that reacts to them. Their
 * user-facing wording lives outside `src/api` (`src/ui/errorMessages.ts`, l10n bundles).
 */

/**
 * Which operation failed: the credit-transfer and sub-account endpoints reuse small
 * codes with other meanings (see docs/api-decisions.md).
 */
export type ErrorContext = 'general' | 'transfer' | 'subaccountCreate' | 'subaccountRemove';

/** Codes that mean the key itself is the problem: the user should set it again. */
export function isKeyProblem(code: number | undefined, context: ErrorContext = 'general'): boolean {
  switch (context) {
    case 'subaccountCreate':
      // 9 is "the balance must be greater than 0" here.
      return code === 1 || code === 10;
    case 'subaccountRemove':
      // 1 is "token is required" here; 10 is the key.
      return code === 10;
    default:
      return code === 1 || code === 9 || code === 10;
  }
}
