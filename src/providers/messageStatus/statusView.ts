import type { MessageStatus, ServiceId } from '../../api';
import type { StatusCategory, StatusChange, StatusRow, StatusSummaryEntry, StatusViewData } from '../../webview/messageStatusProtocol';
import { maskRecipient } from './personalData';

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

/**
 * The panel's data: rows plus counts per status, most frequent first. Given the
 * previous reading, rows whose status moved carry the old one and `changes`
 * counts each move (what live tracking shows).
 */
export function buildStatusView(service: ServiceId, serviceLabel: string, status: MessageStatus, fetchedAt = Date.now(), previous?: StatusViewData): StatusViewData {
  const counts = new Map<string, number>();
  const before = previous ? previousStatuses(previous) : undefined;
  const seen = new Map<string, number>();
  const moves = new Map<string, StatusChange>();
  const rows: StatusRow[] = status.recipients.map((r) => {
    counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    const key = occurrenceKey(r.recipient, seen);
    const old = before?.get(key);
    const changed = old !== undefined && old !== r.status;
    if (changed) {
      const id = `${old}\u0000${r.status}`;
      const move = moves.get(id);
      moves.set(id, { from: old, to: r.status, count: (move?.count ?? 0) + 1 });
    }
    const row: StatusRow = {
      recipient: r.recipient,
      masked: maskRecipient(r.recipient),
      status: r.status,
      category: categorize(r.status),
      cost: r.cost ?? null,
      stop: r.stop,
      date: r.date ? r.date.getTime() : null,
    };
    return changed ? { ...row, previousStatus: old } : row;
  });
  const summary: StatusSummaryEntry[] = [...counts.entries()]
    .map(([s, count]) => ({ status: s, category: categorize(s), count }))
    .sort((a, b) => b.count - a.count || a.status.localeCompare(b.status));
  const changes = [...moves.values()].sort((a, b) => b.count - a.count || a.to.localeCompare(b.to));
  return { service, serviceLabel, messageId: status.messageId, fetchedAt, rows, summary, changes, previousFetchedAt: previous ? previous.fetchedAt : null };
}

/** A recipient can appear more than once in a message: the n-th occurrence pairs with the n-th. */
function occurrenceKey(recipient: string, seen: Map<string, number>): string {
  const n = seen.get(recipient) ?? 0;
  seen.set(recipient, n + 1);
  return `${recipient}\u0000${n}`;
}

function previousStatuses(data: StatusViewData): Map<string, string> {
  const seen = new Map<string, number>();
  const map = new Map<string, string>();
  for (const r of data.rows) {map.set(occurrenceKey(r.recipient, seen), r.status);}
  return map;
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
export function toCsv(rows: readonly StatusRow[], headers: CsvHeaders, separator: ',' | ';', hidePersonal = false): string {
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
        cell(hidePersonal ? r.masked : r.recipient),
        cell(r.status),
        r.cost === null ? '' : String(r.cost).replace('.', decimal),
        r.stop ? '1' : '0',
        r.date === null ? '' : new Date(r.date).toISOString(),
      ].join(separator),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export interface MarkdownLabels extends CsvHeaders {
  readonly title: string;
  readonly yes: string;
  readonly no: string;
}

/**
 * A Markdown table for an issue, a chat or a pull request. Every character that
 * Markdown or HTML would interpret is escaped, so API text stays text wherever it
 * is pasted.
 */
export function toMarkdown(rows: readonly StatusRow[], labels: MarkdownLabels, locale: string, hidePersonal = false): string {
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const out = [
    `### ${escapeMarkdown(labels.title)}`,
    '',
    line([labels.recipient, labels.status, labels.cost, labels.stop, labels.date].map(escapeMarkdown)),
    line(['---', '---', '---:', '---', '---:']),
  ];
  for (const r of rows) {
    out.push(
      line([
        escapeMarkdown(hidePersonal ? r.masked : r.recipient),
        escapeMarkdown(r.status),
        r.cost === null ? '' : escapeMarkdown(numbers.format(r.cost)),
        r.stop ? labels.yes : labels.no,
        r.date === null ? '' : escapeMarkdown(dates.format(new Date(r.date))),
      ]),
    );
  }
  return `${out.join('\n')}\n`;
}

/** Backslash-escapes Markdown punctuation and HTML brackets; newlines become spaces (one row per line). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** The message as JSON, for scripts and bug reports: ISO dates, statuses as the provider wrote them. */
export function toJson(data: StatusViewData, rows: readonly StatusRow[], hidePersonal = false): string {
  return `${JSON.stringify(
    {
      service: data.service,
      messageId: data.messageId,
      fetchedAt: new Date(data.fetchedAt).toISOString(),
      recipients: rows.map((r) => ({
        recipient: hidePersonal ? r.masked : r.recipient,
        status: r.status,
        category: r.category,
        cost: r.cost,
        unsubscribed: r.stop,
        date: r.date === null ? null : new Date(r.date).toISOString(),
      })),
    },
    null,
    2,
  )}\n`;
}
