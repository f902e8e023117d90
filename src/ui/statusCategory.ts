import type { StatusCategory } from '../webview/messageStatusProtocol';

const DELIVERED = new Set(['delivered', 'delivrd']);
const FAILED = new Set([
  'not delivered',
  'undeliv',
  'ko',
  'expired',
  'rejectd',
  'rejected',
  'unknown',
  'failed',
  'bounced',
]);
const WAITING = new Set(['waiting', 'pending', 'enroute', 'acceptd', 'accepted', 'sent']);

/** Groups a provider status for colours and the summary; the status itself is shown as it came. */
export function categorize(status: string): StatusCategory {
  const s = status.trim().toLowerCase();
  if (DELIVERED.has(s)) {
    return 'delivered';
  }
  if (FAILED.has(s)) {
    return 'failed';
  }
  if (WAITING.has(s)) {
    return 'waiting';
  }
  return 'other';
}
