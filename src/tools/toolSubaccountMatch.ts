import type { Subaccount } from '../api';

/**
 * Whether a sub-account matches the agent's query. With personal data shared: any part of
 * the e-mail or token, or the id, as *Find Sub-account…* matches. Without: the e-mail only
 * whole. A fragment would make every call a yes/no question about a masked address ("does
 * it start with `ja`?"), which rebuilds it a character at a time. Tokens and ids are no
 * personal data and the answer shows them in full, so their matching is the same either way.
 */
export function toolMatchesSubaccount(s: Subaccount, query: string, sharePersonalData: boolean): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') {
    return false;
  }
  const email = s.email.trim().toLowerCase();
  return (
    (sharePersonalData ? email.includes(q) : email === q) ||
    (s.token ?? '').toLowerCase().includes(q) ||
    String(s.id) === q
  );
}
