/** Replaces the value of every `apiKey` query or JSON field with a mask. */
export function maskApiKeyParams(text: string): string {
  return text.replace(/([?&;]apiKey=)[^&#\s"']*/gi, '$1***').replace(/("apiKey"\s*:\s*")[^"]*(")/gi, '$1***$2');
}

/**
 * Removes every occurrence of the given secrets from a text. Used on anything that
 * may echo a request back (error pages, proxies) before it reaches a log or a message.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = maskApiKeyParams(text);
  for (const secret of secrets) {
    // Very short values would mask ordinary words; real keys are long.
    if (secret && secret.length >= 6) {
      out = out.split(secret).join('***');
    }
  }
  return out;
}

/** A short single-line excerpt of a body for the log, secrets removed. */
export function bodyExcerpt(body: string, secrets: readonly (string | undefined)[], max = 160): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max)}…` : flat;
  return maskPersonalData(redactSecrets(cut, secrets));
}

/**
 * E-mail addresses and phone numbers in provider text that goes to the log (answer
 * excerpts): recipients and sub-accounts are personal data, never logged.
 */
export function maskPersonalData(text: string): string {
  return (
    text
      .replace(/[^\s"'<>@,;:()[\]{}]+@[^\s"'<>@,;:()[\]{}]+/g, '***@***')
      // Phone numbers start with + or 0; Unix-second dates ("1763800000") stay.
      .replace(/(?:\+|\b0)\d[\d .-]{7,}\d/g, (m) => (m.replace(/\D/g, '').length >= 9 ? '+***' : m))
  );
}
