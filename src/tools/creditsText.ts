import type { Account } from '../api';
import type { CreditPoint } from '../accounts/creditHistory';
import { mainCount } from '../accounts/mainCount';
import type { Translate } from '../ui/translate';
import { trendLines } from '../ui/creditTrendText';
import { formatCount, formatMoney, formatTime } from '../ui/localeFormat';

/** One account as the credits tool reports it. */
export interface CreditsEntry {
  /** From `accountTitle`. */
  readonly title: string;
  readonly reading:
    | { readonly kind: 'ready'; readonly account: Account; readonly readAt: Date }
    | { readonly kind: 'failed'; readonly message: string; readonly previous?: Account };
  readonly threshold: number;
  /** The account's credit history (empty when unknown). */
  readonly points: readonly CreditPoint[];
}

function countsText(account: Account, t: Translate, locale: string): string {
  const c = account.credits;
  const n = (v: number) => formatCount(v, locale);
  const parts =
    c.service === 'sms'
      ? [
          t('{0} SMS', n(c.sms)),
          c.smsEco !== undefined ? t('{0} low-cost SMS', n(c.smsEco)) : undefined,
          c.hlr !== undefined ? t('{0} number lookups (HLR)', n(c.hlr)) : undefined,
          c.toSend !== undefined ? t('{0} SMS queued', n(c.toSend)) : undefined,
        ]
      : [t('{0} e-mails', n(c.mails))];
  return t('{0}; balance {1}', parts.filter((p) => p !== undefined).join(', '), formatMoney(c.balance, locale));
}

/**
 * The credits tool's answer: per account its counts and balance, a low-credit
 * warning under the user's threshold, and the trend when the history has one.
 * A failed reading says why (the UI's text) and, when known, what was read before.
 */
export function creditsText(entries: readonly CreditsEntry[], t: Translate, locale: string, now = Date.now()): string {
  const blocks = entries.map((e) => {
    const r = e.reading;
    if (r.kind === 'failed') {
      const lines = [`${e.title}: ${r.message}`];
      if (r.previous) {
        lines.push(`  ${t('Last known: {0}.', countsText(r.previous, t, locale))}`);
      }
      return lines.join('\n');
    }
    const count = mainCount(r.account);
    const lines = [
      `${e.title}: ${countsText(r.account, t, locale)} (${t('read at {0}', formatTime(r.readAt, locale))}).`,
    ];
    if (count < e.threshold) {
      lines.push(
        `  ${t('Low credit: below the threshold of {0} set in partnerExplorer.lowCreditThreshold.', formatCount(e.threshold, locale))}`,
      );
    }
    lines.push(...trendLines(e.points, count, e.threshold, t, locale, now).map((l) => `  ${l}.`));
    return lines.join('\n');
  });
  return blocks.join('\n');
}
