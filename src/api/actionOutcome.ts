import { isPartnerError } from './partnerError';

/**
 * What a failed action (a send, a transfer, a creation, a removal, a STOP list change,
 * a cancellation) means for the account:
 * - `refused`: the provider answered no (a code, a 4xx, a 429): nothing happened;
 * - `notSent`: nothing left the machine (cancelled while waiting for its turn, a value
 *   refused before the request was built): nothing happened;
 * - `unknown`: the request may have reached the provider (a timeout, a lost connection, a
 *   5xx, a cancellation after it was written): it may have happened; said, and re-read.
 */
export type ActionFailure = 'refused' | 'notSent' | 'unknown';

export function classifyActionFailure(error: unknown): ActionFailure {
  if (!isPartnerError(error)) {
    // A value the client refuses to send (its own range checks) throws a RangeError first.
    return error instanceof RangeError ? 'notSent' : 'unknown';
  }
  switch (error.kind) {
    case 'api':
    case 'rateLimited':
      return 'refused';
    case 'certificate':
      // The TLS handshake failed: the request was never written.
      return 'notSent';
    case 'cancelled':
      // Only an explicit "not written" counts as nothing sent; an unknown flag is unknown.
      return error.written === false ? 'notSent' : 'unknown';
    case 'http':
      return error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 408
        ? 'refused'
        : 'unknown';
    default:
      return 'unknown';
  }
}
