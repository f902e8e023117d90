import type { MessageStatus, ServiceId } from '../../api';
import type { StatusChange, StatusRow, StatusSummaryEntry, StatusViewData } from '../../webview/messageStatusProtocol';
import { categorize } from '../../ui/statusCategory';
import { isValidTime } from './statusFormats';
import { maskRecipient } from '../../ui/personalData';

/**
 * The panel's data: rows plus counts per status, most frequent first. Given the
 * previous reading, rows whose status moved carry the old one and `changes`
 * counts each move (what live tracking shows).
 */
export function buildStatusView(
  service: ServiceId,
  serviceLabel: string,
  status: MessageStatus,
  fetchedAt = Date.now(),
  previous?: StatusViewData,
): StatusViewData {
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
      date: r.date && isValidTime(r.date.getTime()) ? r.date.getTime() : null,
      ...(r.dateText !== undefined ? { dateText: r.dateText } : {}),
    };
    return changed ? { ...row, previousStatus: old } : row;
  });
  const summary: StatusSummaryEntry[] = [...counts.entries()]
    .map(([s, count]) => ({ status: s, category: categorize(s), count }))
    .sort((a, b) => b.count - a.count || a.status.localeCompare(b.status));
  const changes = [...moves.values()].sort((a, b) => b.count - a.count || a.to.localeCompare(b.to));
  return {
    service,
    serviceLabel,
    messageId: status.messageId,
    fetchedAt,
    rows,
    summary,
    changes,
    previousFetchedAt: previous ? previous.fetchedAt : null,
  };
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
  for (const r of data.rows) {
    map.set(occurrenceKey(r.recipient, seen), r.status);
  }
  return map;
}

/** Whether every recipient has a final status (nothing left waiting). */
export function isFinal(data: StatusViewData): boolean {
  return data.rows.every((r) => r.category !== 'waiting');
}
