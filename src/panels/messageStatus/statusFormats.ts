import type { StatusRow, StatusViewData } from '../../webview/messageStatusProtocol';

/*
 * The message's table as text: CSV, Markdown and JSON, for Copy and Export. Each
 * hides recipients (their masked form instead) when personal data is hidden.
 * No vscode here: the unit tests check the formats directly.
 */

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
export function toCsv(
  rows: readonly StatusRow[],
  headers: CsvHeaders,
  separator: ',' | ';',
  hidePersonal = false,
): string {
  const cell = (value: string): string => {
    // Phone numbers (`+336…`) are data, not formulas: keep them as they are.
    const formula = /^[=@\t\r]/.test(value) || (/^[+-]/.test(value) && !/^\+?\d+$/.test(value));
    const safe = formula ? `'${value}` : value;
    return /[",;\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const decimal = separator === ';' ? ',' : '.';
  const lines = [
    [headers.recipient, headers.status, headers.cost, headers.stop, headers.date].map(cell).join(separator),
  ];
  for (const r of rows) {
    lines.push(
      [
        cell(hidePersonal ? r.masked : r.recipient),
        cell(r.status),
        r.cost === null ? '' : String(r.cost).replace('.', decimal),
        r.stop ? '1' : '0',
        cell(dateCell(r, (d) => d.toISOString())),
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
export function toMarkdown(
  rows: readonly StatusRow[],
  labels: MarkdownLabels,
  locale: string,
  hidePersonal = false,
): string {
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
        escapeMarkdown(dateCell(r, (d) => dates.format(d))),
      ]),
    );
  }
  return `${out.join('\n')}\n`;
}

/** Backslash-escapes Markdown punctuation and HTML brackets; newlines become spaces (one row per line). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (c) =>
      c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`,
    );
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
        // ISO 8601, or the provider's own text for a date it sent that is not usable.
        date: dateCell(r, (d) => d.toISOString()) || null,
      })),
    },
    null,
    2,
  )}\n`;
}

/**
 * A row's date as text: formatted when it is a valid time, else the provider's raw text
 * (or ''), so no value ever makes an export throw. (The decoder already keeps only
 * dates from 2000 to 2100; this guards what reaches an export by any other way.)
 */
function dateCell(r: StatusRow, format: (date: Date) => string): string {
  return r.date !== null && isValidTime(r.date) ? format(new Date(r.date)) : (r.dateText ?? '');
}

/** A time a Date can hold (Intl and toISOString throw on any other). */
export function isValidTime(ms: number): boolean {
  return Number.isFinite(new Date(ms).getTime());
}
