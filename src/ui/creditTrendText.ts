import * as vscode from 'vscode';
import { creditTrend, thresholdEta, type CreditPoint } from '../accounts/creditHistory';
import { projectionWithinHorizon } from './creditProjection';
import { formatCount, formatDate } from './localeFormat';

/**
 * The status-bar tooltip's trend lines: how the count moved over the last days
 * and, at that burn rate, when it will fall below the low-credit threshold.
 */
export function trendLines(
  points: readonly CreditPoint[],
  current: number,
  threshold: number,
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
      ? vscode.l10n.t('{0} days', formatCount(Math.round(days), locale))
      : vscode.l10n.t('{0} h', formatCount(Math.max(1, Math.round(days * 24)), locale));
  const signed = `${trend.change > 0 ? '+' : trend.change < 0 ? '−' : '±'}${formatCount(Math.abs(trend.change), locale)}`;
  const lines = [
    vscode.l10n.t(
      'Trend over {0}: {1}, about {2} used per day',
      span,
      signed,
      formatCount(Math.round(trend.perDay), locale),
    ),
  ];
  const eta = projectionWithinHorizon(thresholdEta(current, threshold, trend, now), now);
  if (eta) {
    lines.push(
      vscode.l10n.t('At this rate, below {0} around {1}', formatCount(threshold, locale), formatDate(eta, locale)),
    );
  }
  return lines;
}
