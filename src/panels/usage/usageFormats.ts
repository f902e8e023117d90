import { compareDays, money, parseIsoDay, type CostRange, type MonthUsage } from '../../api';
import { formatCount, formatMoney } from '../../ui/localeFormat';
import type { UsageMonth, UsageRange } from '../../webview/usageProtocol';

/** A range from the webview, checked; undefined when it is not one. */
export function toCostRange(range: UsageRange | undefined): CostRange | undefined {
  switch (range?.kind) {
    case 'lastMonth':
      return { kind: 'lastMonth' };
    case 'lastTwelveMonths':
      return { kind: 'lastTwelveMonths' };
    case 'custom': {
      const from = parseIsoDay(range.from ?? '');
      const to = parseIsoDay(range.to ?? '');
      return from && to && compareDays(from, to) <= 0 ? { kind: 'custom', from, to } : undefined;
    }
    default:
      return undefined;
  }
}

export function clock(date: Date, locale: string, seconds = false): string {
  try {
    return new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' } : {}),
    }).format(date);
  } catch {
    return date.toTimeString().slice(0, seconds ? 8 : 5);
  }
}

function monthLabel(m: MonthUsage, locale: string): string {
  const date = new Date(m.year, m.month - 1, 1);
  try {
    return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric' }).format(date);
  } catch {
    return `${m.year}-${String(m.month).padStart(2, '0')}`;
  }
}

/** Milli-euros, exact for the provider's three decimals. */
function milli(text: string): number {
  const [units, decimals = ''] = text.replace(/^-/, '').split('.');
  const value = Number(units) * 1000 + Number(decimals.padEnd(3, '0').slice(0, 3));
  return text.startsWith('-') ? -value : value;
}

/** The table and its totals as the webview shows them: numbers for the chart, texts in the user's locale. */
export function usageTable(
  months: readonly MonthUsage[],
  currency: string,
  locale: string,
): { months: UsageMonth[]; totalSentText: string; totalCostText: string } {
  const rows: UsageMonth[] = months.map((m) => ({
    key: `${m.year}-${String(m.month).padStart(2, '0')}`,
    label: monthLabel(m, locale),
    sent: m.sent,
    cost: Number(m.cost),
    sentText: formatCount(m.sent, locale),
    costText: formatMoney(money(m.cost, currency), locale),
  }));
  const totalMilli = months.reduce((sum, m) => sum + milli(m.cost), 0);
  return {
    months: rows,
    totalSentText: formatCount(
      months.reduce((sum, m) => sum + m.sent, 0),
      locale,
    ),
    totalCostText: formatMoney(money((totalMilli / 1000).toFixed(3), currency), locale),
  };
}
