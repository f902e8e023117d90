import type { SmsLength } from '../api/smsLength';
import type { Translate } from '../ui/translate';
import { formatCount } from '../ui/localeFormat';

/** How many replaced or removed characters the answer lists one by one. */
const MAX_CHANGES = 30;

/** The SMS length tool's answer: encoding, units, parts, and what the provider changes. */
export function smsLengthText(length: SmsLength, t: Translate, locale: string): string {
  const n = (v: number) => formatCount(v, locale);
  const lines = [
    t(
      '{0} SMS part(s): {1} of {2} units used, encoding {3}.',
      n(length.parts),
      n(length.units),
      n(length.capacity),
      length.encoding === 'gsm' ? 'GSM 03.38' : 'Unicode (UCS-2)',
    ),
  ];
  if (length.changes.length === 0) {
    lines.push(t('No character is replaced or removed.'));
  } else {
    lines.push(t('{0} character(s) replaced or removed when sent:', n(length.changes.length)));
    for (const c of length.changes.slice(0, MAX_CHANGES)) {
      lines.push(
        c.replacement === ''
          ? `- ${t('offset {0}: {1} removed', n(c.offset), JSON.stringify(c.original))}`
          : `- ${t('offset {0}: {1} becomes {2}', n(c.offset), JSON.stringify(c.original), JSON.stringify(c.replacement))}`,
      );
    }
    if (length.changes.length > MAX_CHANGES) {
      lines.push(t('{0} more not listed.', n(length.changes.length - MAX_CHANGES)));
    }
    lines.push(t('Send it with Unicode on to keep every character (70 units per part, 67 when split).'));
  }
  return lines.join('\n');
}
