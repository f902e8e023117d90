/** Same-origin redirects a GET may follow in a row before we call it a loop. */
export const MAX_REDIRECT_HOPS = 3;

export type RedirectDecision =
  | { readonly follow: URL }
  /** `target` is the origin asked for (never a path or query: they may hold anything), when there is one. */
  | { readonly refuse: 'otherOrigin' | 'notGet' | 'tooManyHops' | 'badLocation'; readonly target?: string };

/**
 * What to do with a 3xx answer. The key travels in the query (GET) or the body
 * (POST), so a redirect is only followed for a GET, to the very same origin
 * (scheme, host, port: never https → http), a few hops at most. A POST moves money
 * and is never sent a second time, wherever the redirect points.
 */
export function decideRedirect(
  from: URL,
  location: string | null,
  method: string,
  hopsSoFar: number,
): RedirectDecision {
  let target: URL;
  try {
    target = new URL(location ?? '', from);
  } catch {
    return { refuse: 'badLocation' };
  }
  if (!location || (target.protocol !== 'https:' && target.protocol !== 'http:')) {
    return { refuse: 'badLocation' };
  }
  if (target.origin !== from.origin) {
    return { refuse: 'otherOrigin', target: target.origin };
  }
  if (target.username || target.password) {
    return { refuse: 'badLocation' };
  }
  if (method !== 'GET') {
    return { refuse: 'notGet', target: target.origin };
  }
  if (hopsSoFar >= MAX_REDIRECT_HOPS) {
    return { refuse: 'tooManyHops', target: target.origin };
  }
  return { follow: target };
}
