import type { PanelObserver, PanelProtocol, WebviewPanelBase } from './webviewPanelBase';

/** How many messages are kept per panel, newest last. */
const KEPT = 50;

interface PanelRecord {
  readonly sent: unknown[];
  rendered: unknown;
}

/**
 * A panel observer that remembers, per panel, what was posted to its webview and
 * what the webview last reported drawing: what the integration tests read. The
 * extension creates one in Test mode only (it holds recipients in memory).
 */
export class PanelRecorder implements PanelObserver {
  private readonly records = new WeakMap<object, PanelRecord>();

  onPost<P extends PanelProtocol>(panel: WebviewPanelBase<P>, message: P['host']): void {
    const { sent } = this.record(panel);
    sent.push(message);
    if (sent.length > KEPT) {
      sent.shift();
    }
  }

  onRendered<P extends PanelProtocol>(panel: WebviewPanelBase<P>, report: P['report']): void {
    this.record(panel).rendered = report;
  }

  /** What the panel posted to its webview since it opened (or `clear`), oldest first. */
  sent<P extends PanelProtocol>(panel: WebviewPanelBase<P>): readonly P['host'][] {
    // Only `onPost` for this very panel stores here, with its own message type.
    return [...((this.records.get(panel)?.sent ?? []) as P['host'][])];
  }

  /** The webview's last report of what it drew, if any since it opened (or `clear`). */
  rendered<P extends PanelProtocol>(panel: WebviewPanelBase<P>): P['report'] | undefined {
    return this.records.get(panel)?.rendered as P['report'] | undefined;
  }

  /** Forgets what the panel sent and drew so far. */
  clear<P extends PanelProtocol>(panel: WebviewPanelBase<P>): void {
    this.records.delete(panel);
  }

  private record(panel: object): PanelRecord {
    let record = this.records.get(panel);
    if (!record) {
      record = { sent: [], rendered: undefined };
      this.records.set(panel, record);
    }
    return record;
  }
}
