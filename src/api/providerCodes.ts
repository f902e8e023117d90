/**
 * What the provider's error codes mean for the code that reacts to them. Their
 * user-facing wording lives outside `src/api` (`src/ui/errorMessages.ts`, l10n bundles).
 */

/**
 * Which operation failed: the credit-transfer, sub-account, send and message endpoints reuse
 * small codes with other meanings (`/send`'s 9 is a refused parameter; `message-cancel` 5–7,
 * `message-status` 2, 5, 6, 9, `bulk-status-by-tag` 3). See docs/api-decisions.md.
 */
export type ErrorContext =
  | 'general'
  | 'transfer'
  | 'subaccountCreate'
  | 'subaccountRemove'
  | 'smsSend'
  | 'mailSend'
  | 'cancel'
  | 'recipientStatus'
  | 'tagStatus'
  | 'stopList'
  | 'lookup';

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
    case 'recipientStatus':
      // A refused parameter on /send; "does not appear to be a mobile number" on message-status.
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

/** `message-cancel` refused because the send is too close (code 6): the docs say within 5 minutes. */
export const CANCEL_TOO_LATE_CODE = 6;
/** The docs' bound: a scheduled send cannot be cancelled less than this before its time. */
export const CANCEL_MIN_LEAD_MINUTES = 5;
