import type { StatusViewData, TrackingState } from '../../webview/messageStatusProtocol';
import { isFinal } from './statusView';

/** How often a panel refreshes itself while recipients are waiting. */
export interface TrackingPolicy {
  /** Delay before each automatic refresh; the last one repeats. A change starts over. */
  readonly delaysMs: readonly number[];
  /** No tracking once the message is older than this. */
  readonly maxAgeMs: number;
}

export const DEFAULT_TRACKING: TrackingPolicy = {
  delaysMs: [15_000, 30_000, 60_000, 120_000, 300_000],
  maxAgeMs: 48 * 60 * 60 * 1000,
};

/** When the message went out: its oldest recipient date, or when the panel first read it. */
export function sentAt(data: StatusViewData, firstReadAt: number): number {
  let oldest = firstReadAt;
  for (const r of data.rows) {
    if (r.date !== null && r.date < oldest) {
      oldest = r.date;
    }
  }
  return oldest;
}

/** The backoff step after a refresh: back to the start when something changed. */
export function nextStep(step: number, changed: boolean, policy: TrackingPolicy): number {
  return changed ? 0 : Math.min(step + 1, policy.delaysMs.length - 1);
}

export interface TrackingInput {
  readonly enabled: boolean;
  readonly visible: boolean;
  readonly now: number;
  readonly sentAt: number;
  readonly step: number;
}

/** What live tracking does after a reading: refresh again later, or why it stops. */
export function decideTracking(data: StatusViewData, input: TrackingInput, policy: TrackingPolicy): TrackingState {
  if (!input.enabled) {
    return { state: 'off' };
  }
  if (isFinal(data)) {
    return { state: 'final' };
  }
  if (input.now - input.sentAt > policy.maxAgeMs) {
    return { state: 'expired' };
  }
  if (!input.visible) {
    return { state: 'paused' };
  }
  const delay = policy.delaysMs[Math.min(Math.max(0, input.step), policy.delaysMs.length - 1)];
  return { state: 'live', nextAt: input.now + delay };
}
