import type { SmsCharChange, SmsLength } from '../api/smsLength';
import type { Translate } from './translate';

/** "2 SMS · 214/306 · GSM": what the status bar shows. */
export function smsLengthLabel(length: SmsLength, t: Translate): string {
  return t(
    '{0} SMS · {1}/{2} · {3}',
    length.parts,
    length.units,
    length.capacity,
    length.encoding === 'gsm' ? 'GSM' : 'Unicode',
  );
}

/** What happens to one character, for a diagnostic. */
export function changeMessage(change: SmsCharChange, t: Translate): string {
  if (change.undocumented) {
    return t(
      '{0} is outside the GSM alphabet: the provider does not say what it does with it; it is counted as removed.',
      change.original,
    );
  }
  return change.replacement === ''
    ? t('{0} is removed when sent (without Unicode).', change.original)
    : t('{0} is sent as {1} (without Unicode).', change.original, change.replacement);
}

/** The effect of a fix on the count: "3 SMS → 2 SMS", or "sent as written" when the count stays. */
export function fixEffect(before: SmsLength, after: SmsLength, t: Translate): string {
  return before.parts === after.parts
    ? t('{0} SMS, sent as written', after.parts)
    : t('{0} SMS → {1} SMS', before.parts, after.parts);
}
