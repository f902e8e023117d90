import type { MessageStatus, ServiceId } from '../../api';
import type { StatusCategory, StatusRow, StatusSummaryEntry, StatusViewData } from '../../webview/protocol';

const DELIVERED = new Set(['delivered', 'delivrd']);
const FAILED = new Set(['not delivered', 'undeliv', 'ko', 'expired', 'rejectd', 'rejected', 'unknown', 'failed', 'bounced']);
const WAITING = new Set(['waiting', 'pending', 'enroute', 'acceptd', 'accepted', 'sent']);

/** Groups a provider status for colours and the summary; the status itself is shown as it came. */
export function categorize(status: string): StatusCategory {
  const s = status.trim().toLowerCase();
  if (DELIVERED.has(s)) {return 'delivered';}
  if (FAILED.has(s)) {return 'failed';}
  if (WAITING.has(s)) {return 'waiting';}
  return 'other';
}

/** The panel's data: rows plus counts per status, most frequent first. */
export function buildStatusView(service: ServiceId, serviceLabel: string, status: MessageStatus, fetchedAt = Date.now()): StatusViewData {
  const counts = new Map<string, number>();
  const rows: StatusRow[] = status.recipients.map((r) => {
    counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    return {
      recipient: r.recipient,
      status: r.status,
      category: categorize(r.status),
      cost: r.cost ?? null,
      stop: r.stop,
      date: r.date ? r.date.getTime() : null,
    };
  });
  const summary: StatusSummaryEntry[] = [...counts.entries()]
    .map(([s, count]) => ({ status: s, category: categorize(s), count }))
    .sort((a, b) => b.count - a.count || a.status.localeCompare(b.status));
  return { service, serviceLabel, messageId: status.messageId, fetchedAt, rows, summary };
}

/** Whether every recipient has a final status (nothing left waiting). */
export function isFinal(data: StatusViewData): boolean {
  return data.rows.every((r) => r.category !== 'waiting');
}

export interface CsvHeaders {
  readonly recipient: string;
  readonly status: string;
  readonly cost: string;
  readonly stop: string;
  readonly date: string;
}

/**
 * CSV as Excel opens it right: `;` where the decimal separator is a comma
 * (French), quotes doubled, and cells that a spreadsheet would run as a formula
 * (`=`, `@`, `+`/`-` before anything but digits) defused with a leading apostrophe.
 */
export function toCsv(rows: readonly StatusRow[], headers: CsvHeaders, separator: ',' | ';'): string {
  const cell = (value: string): string => {
    // Phone numbers (`+336…`) are data, not formulas: keep them as they are.
    const formula = /^[=@\t\r]/.test(value) || (/^[+-]/.test(value) && !/^\+?\d+$/.test(value));
    const safe = formula ? `'${value}` : value;
    return /[",;\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const decimal = separator === ';' ? ',' : '.';
  const lines = [[headers.recipient, headers.status, headers.cost, headers.stop, headers.date].map(cell).join(separator)];
  for (const r of rows) {
    lines.push(
      [
        cell(r.recipient),
        cell(r.status),
        r.cost === null ? '' : String(r.cost).replace('.', decimal),
        r.stop ? '1' : '0',
        r.date === null ? '' : new Date(r.date).toISOString(),
      ].join(separator),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
