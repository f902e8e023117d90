import type { MessageStatus, RecipientStatus } from '../api';
import { categorize } from '../ui/statusCategory';
import { maskRecipient } from '../ui/personalData';
import type { Translate } from '../ui/translate';
import { formatCount, formatDateTime } from '../ui/localeFormat';
import type { StatusCategory } from '../webview/messageStatusProtocol';

/** Non-delivered recipients come first: they are what the question is usually about. */
const ORDER: Readonly<Record<StatusCategory, number>> = { failed: 0, waiting: 1, other: 2, delivered: 3 };

export const OPEN_PANEL_COMMAND = 'partnerExplorer.showMessageStatus';

export interface DeliveryStatusSource {
  readonly title: string;
  /** Set when the reading is every recipient of the messages sent with a tag. */
  readonly tag?: string;
  readonly accountId: string;
  readonly status: MessageStatus;
  /** Recipients shown in full only when the user allows sharing them (and does not hide them). */
  readonly sharePersonalData: boolean;
  readonly maxRows: number;
}

function rowText(r: RecipientStatus, share: boolean, t: Translate, locale: string): string {
  const who = share ? r.recipient : maskRecipient(r.recipient);
  const details = [
    r.stop ? t('unsubscribed (STOP)') : undefined,
    r.date || r.dateText ? formatDateTime(r.date, locale, r.dateText ?? '') : undefined,
    r.cost !== undefined ? t('cost {0}', formatCount(r.cost, locale)) : undefined,
  ].filter((d): d is string => !!d);
  return `- ${who}: ${r.status}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

/**
 * The delivery-status tool's answer: counts per status, then the recipients, the
 * not delivered first, capped at `maxRows` with the total said, and how to open the
 * full table (the command and its arguments).
 */
export function deliveryStatusText(source: DeliveryStatusSource, t: Translate, locale: string): string {
  const { status } = source;
  const total = status.recipients.length;
  const counts = new Map<string, number>();
  for (const r of status.recipients) {
    counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  }
  const summary = [...counts.entries()]
    .sort(([a, x], [b, y]) => ORDER[categorize(a)] - ORDER[categorize(b)] || y - x || a.localeCompare(b))
    .map(([s, n]) => `${s}: ${formatCount(n, locale)}`)
    .join(', ');
  const byCategory = new Map<StatusCategory, number>();
  for (const r of status.recipients) {
    const c = categorize(r.status);
    byCategory.set(c, (byCategory.get(c) ?? 0) + 1);
  }
  const lines = [
    source.tag !== undefined
      ? `${source.title}: ${t('tag {0}, {1} recipients.', source.tag, formatCount(total, locale))}`
      : `${source.title}: ${t('message {0}, {1} recipients.', status.messageId, formatCount(total, locale))}`,
    t(
      'Delivered {0}, not delivered {1}, waiting {2}, other {3}.',
      formatCount(byCategory.get('delivered') ?? 0, locale),
      formatCount(byCategory.get('failed') ?? 0, locale),
      formatCount(byCategory.get('waiting') ?? 0, locale),
      formatCount(byCategory.get('other') ?? 0, locale),
    ),
  ];
  if (total > 0) {
    lines.push(t('Per status (as the provider wrote it): {0}.', summary));
    // A stable sort keeps the provider's order within a category.
    const rows = [...status.recipients].sort((a, b) => ORDER[categorize(a.status)] - ORDER[categorize(b.status)]);
    const shown = rows.slice(0, source.maxRows);
    lines.push(
      shown.length < total
        ? t(
            'Recipients, not delivered first ({0} of {1}):',
            formatCount(shown.length, locale),
            formatCount(total, locale),
          )
        : t('Recipients, not delivered first:'),
    );
    lines.push(...shown.map((r) => rowText(r, source.sharePersonalData, t, locale)));
    if (!source.sharePersonalData) {
      lines.push(
        t(
          'Recipients are masked: the setting partnerExplorer.tools.sharePersonalData is off or personal data is hidden.',
        ),
      );
    }
  }
  lines.push(
    source.tag !== undefined
      ? t(
          'The full table opens with the command partnerExplorer.showStatusByTag and the arguments ["{0}", "{1}"] (Partner: Show Status by Tag…).',
          source.accountId,
          source.tag,
        )
      : t(
          'The full table opens with the command {0} and the arguments ["{1}", "{2}"] (Partner: Show Message Status…).',
          OPEN_PANEL_COMMAND,
          source.accountId,
          status.messageId,
        ),
  );
  return lines.join('\n');
}
