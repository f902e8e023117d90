import { creditTrend, thresholdEta, type CreditPoint } from '../accounts/creditHistory';
import { projectionWithinHorizon } from './creditProjection';
import { formatCount, formatDate } from './localeFormat';
import type { Translate } from './translate';

/**
 * The trend lines the status-bar tooltip, the credit-history panel and the credits tool
 * share: how the count moved over the last days and, at that burn rate, when it will fall
 * below the low-credit threshold. `t` is `vscode.l10n.t` (a bundle's in unit tests).
 */
export function trendLines(
  points: readonly CreditPoint[],
  current: number,
  threshold: number,
  t: Translate,
  locale: string,
  now = Date.now(),
): string[] {
  const trend = creditTrend(points, now);
  if (!trend) {
    return [];
  }
  const days = trend.spanMs / 86_400_000;
  const span =
    days >= 1
      ? t('{0} days', formatCount(Math.round(days), locale))
      : t('{0} h', formatCount(Math.max(1, Math.round(days * 24)), locale));
  const signed = `${trend.change > 0 ? '+' : trend.change < 0 ? '−' : '±'}${formatCount(Math.abs(trend.change), locale)}`;
  const lines = [
    t('Trend over {0}: {1}, about {2} used per day', span, signed, formatCount(Math.round(trend.perDay), locale)),
  ];
  const eta = projectionWithinHorizon(thresholdEta(current, threshold, trend, now), now);
  if (eta) {
    lines.push(t('At this rate, below {0} around {1}', formatCount(threshold, locale), formatDate(eta, locale)));
  }
  return lines;
}
