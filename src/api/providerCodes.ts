/**
 * What the provider's error codes mean for the code that reacts to them. Their
 * user-facing wording lives outside `src/api` (`src/ui/errorMessages.ts`, l10n bundles).
 */

/**
 * Which operation failed: the credit-transfer, sub-account and send endpoints reuse small
 * codes with other meanings (see docs/api-decisions.md; on `/send`, 9 is a refused parameter).
 */
export type ErrorContext =
  'general' | 'transfer' | 'subaccountCreate' | 'subaccountRemove' | 'smsSend' | 'mailSend' | 'stopList' | 'lookup';

/** Codes that mean the key itself is the problem: the user should set it again. */
export function isKeyProblem(code: number | undefined, context: ErrorContext = 'general'): boolean {
  switch (context) {
    case 'subaccountCreate':
      // 9 is "the balance must be greater than 0" here.
      return code === 1 || code === 10;
    case 'subaccountRemove':
      // 1 is "token is required" here; 10 is the key.
      return code === 10;
    case 'smsSend':
    case 'mailSend':
      return code === 1 || code === 10;
    case 'stopList':
    case 'lookup':
      // 9 is "the phone number is invalid" on the STOP list and lookup pages.
      return code === 1 || code === 10;
    default:
      return code === 1 || code === 9 || code === 10;
  }
}

/** Send codes that mean the account has too little credit: the fix is buying some. */
export function isCreditProblem(code: number | undefined): boolean {
  return code === 11;
}

/** Send codes that mean a recipient unsubscribed (STOP SMS list, Mail unsubscribe list). */
export function isStopListed(code: number | undefined): boolean {
  return code === 14;
}

/** "The IP is not authorized": the account restricts which addresses may call the API. */
export function isIpRefused(code: number | undefined): boolean {
  return code === 96;
}
