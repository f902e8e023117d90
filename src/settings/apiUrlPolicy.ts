/**
 * Which API base URLs the extension will send a key to. The key travels in the
 * query string, so plain http is only allowed to this machine (a local emulator).
 */
export type ApiUrlCheck =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly reason: 'notUrl' | 'scheme' | 'insecure' | 'credentials' };

export function checkApiUrl(input: string): ApiUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'notUrl' };
  }
  if (url.username || url.password) {
    return { ok: false, reason: 'credentials' };
  }
  if (url.protocol === 'https:') {
    return { ok: true, url: stripTrailingSlash(url) };
  }
  if (url.protocol !== 'http:') {
    return { ok: false, reason: 'scheme' };
  }
  return isLoopback(url.hostname) ? { ok: true, url: stripTrailingSlash(url) } : { ok: false, reason: 'insecure' };
}

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function stripTrailingSlash(url: URL): string {
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}
