import type { SmsCharChange } from '../../api/smsLength';

/**
 * What a fix writes: what the provider sends anyway, and for the characters it does
 * not document, the nearest plain one (typographic double quotes become straight).
 */
export function fixFor(change: SmsCharChange): string {
  if (!change.undocumented) {
    return change.replacement;
  }
  const nearest: Record<string, string> = {
    '”': '"',
    '„': '"',
    '‟': '"',
    '‚': "'",
    '‛': "'",
    '–': '-',
    '—': '-',
    '…': '...',
  };
  return nearest[change.original] ?? '';
}

/** Applies `fixes` (offsets in `text`) from the end, so earlier offsets stay valid. */
export function applyFixes(text: string, fixes: readonly SmsCharChange[]): string {
  let out = text;
  for (const c of [...fixes].sort((a, b) => b.offset - a.offset)) {
    out = out.slice(0, c.offset) + fixFor(c) + out.slice(c.offset + c.length);
  }
  return out;
}
