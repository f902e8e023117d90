/**
 * What the provider's error codes mean for the code that reacts to them. Their
 * user-facing wording lives outside `src/api` (`src/ui/errorMessages.ts`, l10n bundles).
 */

/**
 * Which operation failed: the credit-transfer and send endpoints reuse small codes with
 * other meanings (on `/send`, 9 is a refused parameter, not a key).
 */
export type ErrorContext = 'general' | 'transfer' | 'smsSend' | 'mailSend';

/** Codes that mean the key itself is the problem: the user should set it again. */
export function isKeyProblem(code: number | undefined, context: ErrorContext = 'general'): boolean {
  if (context === 'smsSend' || context === 'mailSend') {
    return code === 1 || code === 10;
  }
  return code === 1 || code === 9 || code === 10;
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
