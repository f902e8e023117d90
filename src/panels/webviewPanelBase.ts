import * as vscode from 'vscode';
import { webviewHtml, type WebviewPage } from './webviewHtml';

/**
 * The messages one kind of panel and its webview exchange. Every webview says
 * `ready` once its script runs, and reports what it drew with `rendered`.
 */
export interface PanelProtocol {
  /** What the host sends (the panel's HostMessage union). */
  readonly host: { readonly type: string };
  /** What the webview sends, `{ type: 'ready' }` and `{ type: 'rendered', report }` included. */
  readonly webview: { readonly type: string };
  /** The webview's report of what it drew. */
  readonly report: unknown;
}

/** What a panel's own code handles: everything its webview sends but the handshake and the render report. */
export type PanelRequest<P extends PanelProtocol> = Exclude<
  P['webview'],
  { readonly type: 'ready' } | { readonly type: 'rendered' }
>;

/**
 * Sees what every panel sends its webview and what the webview reports drawing.
 * Production wires none; the integration tests' recorder is one (see panelRecorder.ts).
 */
export interface PanelObserver {
  onPost<P extends PanelProtocol>(panel: WebviewPanelBase<P>, message: P['host']): void;
  onRendered<P extends PanelProtocol>(panel: WebviewPanelBase<P>, report: P['report']): void;
}

export interface PanelShape {
  readonly extensionUri: vscode.Uri;
  readonly title: string;
  /** The HTML shell's styles, script and initial state. */
  readonly page: WebviewPage;
  readonly observer?: PanelObserver;
}

/** Options a panel is created with: scripts and styles come from media/ only, nothing else is reachable. */
export function panelOptions(
  extensionUri: vscode.Uri,
  extra: Pick<vscode.WebviewPanelOptions, 'enableFindWidget' | 'retainContextWhenHidden'> = {},
): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { ...webviewOptions(extensionUri), ...extra };
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [
      vscode.Uri.joinPath(extensionUri, 'media'),
      vscode.Uri.joinPath(extensionUri, 'dist', 'media'),
    ],
  };
}

/**
 * One webview panel: its options, its HTML shell (strict CSP, nonce), the `ready`
 * handshake, typed messages both ways, and its disposal. Messages posted before the
 * webview said `ready` wait for it, in order. A webview that is hidden (none of ours
 * is kept while hidden) is built afresh when shown and says `ready` again: the
 * subclass then sends its whole page again (`onReady(false)`).
 */
export abstract class WebviewPanelBase<P extends PanelProtocol> implements vscode.Disposable {
  /** Types only (never set): lets a panel's protocol be inferred from the panel. */
  declare readonly protocol?: P;
  private readonly queue: P['host'][] = [];
  private readyOnce = false;
  private disposed = false;
  private readonly observer: PanelObserver | undefined;
  /** Disposed with the panel. */
  protected readonly subscriptions: vscode.Disposable[] = [];
  private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDisposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    shape: PanelShape,
  ) {
    this.observer = shape.observer;
    panel.title = shape.title;
    panel.iconPath = vscode.Uri.joinPath(shape.extensionUri, 'media', 'partner.svg');
    // A restored panel comes with no options: set them again.
    panel.webview.options = webviewOptions(shape.extensionUri);
    panel.webview.html = webviewHtml(panel.webview, shape.extensionUri, shape.page);
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: P['webview']) => void this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Sends to the webview, or keeps the message until it says `ready`. */
  protected post(message: P['host']): void {
    if (this.disposed) {
      return;
    }
    if (!this.readyOnce) {
      this.queue.push(message);
      return;
    }
    this.deliver(message);
  }

  /** Drops waiting messages that are no longer true (a reading that must not be shown). */
  protected dropQueued(stale: (message: P['host']) => boolean): void {
    const kept = this.queue.filter((m) => !stale(m));
    this.queue.splice(0, this.queue.length, ...kept);
  }

  /** What the webview gets first each time it says `ready`: its language and strings. */
  protected abstract init(): P['host'];

  /**
   * The webview said `ready` and got `init()`. The first time, what was posted
   * meanwhile has just followed; after that (`first` false) the webview was built
   * afresh and has nothing but `init()`: send the page again.
   */
  protected abstract onReady(first: boolean): void | Promise<void>;

  /** A request from the webview (a button, a copy). */
  protected abstract onMessage(message: PanelRequest<P>): void | Promise<void>;

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.queue.length = 0;
    this.subscriptions.forEach((d) => d.dispose());
    this.panel.dispose();
    this.onDisposeEmitter.fire();
    this.onDisposeEmitter.dispose();
  }

  private deliver(message: P['host']): void {
    if (__PARTNER_TEST_BUILD__) {
      this.observer?.onPost(this, message);
    }
    void this.panel.webview.postMessage(message);
  }

  private async receive(message: P['webview']): Promise<void> {
    if (this.disposed) {
      return;
    }
    if (message.type === 'ready') {
      const first = !this.readyOnce;
      this.readyOnce = true;
      this.deliver(this.init());
      for (const m of this.queue.splice(0)) {
        this.deliver(m);
      }
      return this.onReady(first);
    }
    if (__PARTNER_TEST_BUILD__ && message.type === 'rendered') {
      // The protocol's `rendered` message carries its report (PanelProtocol); only the test build sends it.
      this.observer?.onRendered(this, (message as { readonly report?: P['report'] }).report);
      return;
    }
    return this.onMessage(message as PanelRequest<P>);
  }
}
