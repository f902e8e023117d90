import type { StatusViewData, TrackingState } from '../../webview/messageStatusProtocol';
import { decideTracking, nextStep, sentAt, type TrackingPolicy } from './liveTracking';

/** What the loop asks of its panel. */
export interface TrackingHost {
  readonly enabled: () => boolean;
  readonly policy: () => TrackingPolicy;
  readonly visible: () => boolean;
  /** Tells the webview where tracking stands. */
  readonly show: (tracking: TrackingState) => void;
  /** Reads again in the background. */
  readonly refresh: () => void;
  /** The reading the panel holds now (none once disposed or its account changed). */
  readonly held: () => StatusViewData | undefined;
  /** A reading is under way. */
  readonly busy: () => boolean;
}

/**
 * Live tracking of one panel: where it stands, the backoff step and the pending
 * refresh. The decisions are liveTracking.ts's; this holds the state and the timer
 * between readings, so the panel only says when it read, failed or forgot.
 */
export class TrackingLoop {
  private current: TrackingState = { state: 'off' };
  private step = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstReadAt: number | undefined;

  constructor(private readonly host: TrackingHost) {}

  get state(): TrackingState {
    return this.current;
  }

  /** A reading arrived: a live refresh that changed nothing backs off further, any other starts over. */
  read(data: StatusViewData, auto: boolean): void {
    this.firstReadAt ??= data.fetchedAt;
    this.step = auto ? nextStep(this.step, data.changes.length > 0, this.host.policy()) : 0;
  }

  /** A live refresh failed: the table stays and the next try waits longer. */
  failed(): void {
    this.step = nextStep(this.step, false, this.host.policy());
  }

  /** Decides whether to refresh again by itself, tells the webview, and sets the timer. */
  track(): void {
    this.clear();
    const data = this.host.held();
    if (!data) {
      return;
    }
    const now = Date.now();
    const tracking = decideTracking(
      data,
      {
        enabled: this.host.enabled(),
        visible: this.host.visible(),
        now,
        sentAt: sentAt(data, this.firstReadAt ?? now),
        step: this.step,
      },
      this.host.policy(),
    );
    this.current = tracking;
    this.host.show(tracking);
    if (tracking.state === 'live') {
      this.timer = setTimeout(() => this.host.refresh(), Math.max(0, tracking.nextAt - now));
    }
  }

  /** The panel was hidden or shown again. */
  visibilityChanged(): void {
    if (!this.host.held()) {
      return;
    }
    if (!this.host.visible()) {
      if (this.current.state === 'live') {
        this.track();
      }
      return;
    }
    // Back in view after a pause: catch up at once, then carry on tracking.
    if (this.current.state === 'paused' && !this.host.busy()) {
      this.host.refresh();
    }
  }

  /** The reading was dropped: tracking starts again from nothing with the next one. */
  reset(): void {
    this.firstReadAt = undefined;
    this.step = 0;
    this.clear();
    this.current = { state: 'off' };
  }

  clear(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }
}
