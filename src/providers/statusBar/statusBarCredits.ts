import * as vscode from 'vscode';
import { SERVICE_IDS, SERVICES, type ServiceId } from '../../api';
import type { AccountSession } from '../../accounts/accountSession';
import type { AccountSessions } from '../../accounts/accountSessions';
import type { PartnerSettings } from '../../settings/partnerSettings';
import { errorText } from '../../ui/errorText';
import { creditsView, HIDDEN, type DescribeTrend, type StatusBarView } from './creditsView';

export type { StatusBarView };

/** Where the status bar learns whether the window has focus (vscode.window by default). */
export interface WindowFocus {
  readonly focused: boolean;
  readonly onDidChangeFocus: vscode.Event<boolean>;
}

const vscodeWindowFocus: WindowFocus = {
  get focused() {
    return vscode.window.state.focused;
  },
  onDidChangeFocus: (listener, thisArg, disposables) =>
    vscode.window.onDidChangeWindowState((e) => listener.call(thisArg, e.focused), undefined, disposables),
};

/**
 * One status-bar item per service, showing the account the user pinned (else the
 * first); its tooltip lists every account of the service with its count and
 * low-credit warning. It reads the same session state as the tree, so a tree
 * refresh updates it without a request; its own polling runs only while the
 * window is focused.
 */
export class StatusBarCredits implements vscode.Disposable {
  private readonly items: Record<ServiceId, vscode.StatusBarItem>;
  private readonly views: Record<ServiceId, StatusBarView> = { sms: HIDDEN(), mail: HIDDEN() };
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly sessionSubscriptions = new Map<AccountSession, vscode.Disposable>();
  private timer: NodeJS.Timeout | undefined;
  private focusTimer: NodeJS.Timeout | undefined;
  /** Accounts whose failure streak has already been announced. */
  private readonly announced = new Set<string>();

  constructor(
    private readonly sessions: AccountSessions,
    private settings: PartnerSettings,
    private readonly notify: (message: string, session: AccountSession) => void,
    private readonly focus: WindowFocus = vscodeWindowFocus,
    /** Extra tooltip lines for an account (the credit trend), given its current count. */
    private readonly describeTrend: DescribeTrend = () => [],
  ) {
    const item = (service: ServiceId, priority: number) => {
      const it = vscode.window.createStatusBarItem(
        `partnerExplorer.credits.${service}`,
        vscode.StatusBarAlignment.Right,
        priority,
      );
      it.name = vscode.l10n.t('{0} Credits', SERVICES[service].label);
      it.command = { command: 'partnerExplorer.accounts.focus', title: vscode.l10n.t('Show Partner Accounts') };
      return it;
    };
    this.items = { sms: item('sms', 101), mail: item('mail', 100) };
    this.subscriptions.push(
      sessions.onDidChange(() => this.watchSessions()),
      focus.onDidChangeFocus((focused) => this.onFocusChange(focused)),
    );
    this.watchSessions();
    this.schedule();
  }

  /** What the item of a service shows now (for tests and screen readers alike). */
  view(service: ServiceId): StatusBarView {
    return this.views[service];
  }

  /** Draws again (the credit history changed). */
  refreshView(): void {
    this.render();
  }

  update(settings: PartnerSettings): void {
    this.settings = settings;
    if (settings.statusBarEnabled) {
      for (const s of this.shown()) {
        if (s.state.kind === 'idle') {
          void s.ensureLoaded();
        }
      }
    }
    this.render();
    this.schedule();
  }

  /** Reads credits for the status bar, sharing any request in flight or a fresh reading. */
  poll(): Promise<void> {
    // Half an interval: a reading the tree just made counts, no second request.
    const interval = this.settings.refreshIntervalMin * 60_000;
    const maxAgeMs = Math.min(Math.max(2000, interval / 2), interval * 0.9);
    return Promise.all(this.sessions.all.filter((s) => s.client).map((s) => s.refresh({ maxAgeMs }))).then(
      () => undefined,
    );
  }

  dispose(): void {
    clearInterval(this.timer);
    clearTimeout(this.focusTimer);
    this.subscriptions.forEach((d) => d.dispose());
    this.sessionSubscriptions.forEach((d) => d.dispose());
    SERVICE_IDS.forEach((s) => this.items[s].dispose());
  }

  /** The pinned account of each service: what the items show and poll for. */
  private shown(): AccountSession[] {
    return SERVICE_IDS.map((s) => this.sessions.pinned(s)).filter((s): s is AccountSession => s !== undefined);
  }

  private watchSessions(): void {
    const live = new Set(this.sessions.all);
    for (const [session, subscription] of this.sessionSubscriptions) {
      if (!live.has(session)) {
        subscription.dispose();
        this.sessionSubscriptions.delete(session);
        this.announced.delete(session.id);
      }
    }
    for (const session of live) {
      if (!this.sessionSubscriptions.has(session)) {
        this.sessionSubscriptions.set(
          session,
          session.onDidChange(() => this.onSessionChange(session)),
        );
        this.onSessionChange(session);
      }
    }
    this.render();
  }

  private onSessionChange(session: AccountSession): void {
    const state = session.state;
    if (state.kind === 'idle' && this.settings.statusBarEnabled) {
      // A new key or URL: the status bar needs credits even when the tree is closed.
      void session.ensureLoaded();
    }
    if (state.kind === 'error' && !this.announced.has(session.id)) {
      // One notification per failure streak, not one per poll.
      this.announced.add(session.id);
      this.notify(errorText(state.error), session);
    } else if (state.kind === 'ready' || state.kind === 'noKey') {
      this.announced.delete(session.id);
    }
    this.render();
  }

  private onFocusChange(focused: boolean): void {
    clearTimeout(this.focusTimer);
    if (focused && this.settings.statusBarEnabled && this.settings.refreshIntervalMin > 0) {
      // Many windows regain focus together after a lock screen: spread their requests.
      this.focusTimer = setTimeout(() => void this.poll(), 500 + Math.random() * 2500);
    }
  }

  private schedule(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    const minutes = this.settings.refreshIntervalMin;
    if (this.settings.statusBarEnabled && minutes > 0) {
      this.timer = setInterval(() => {
        // An unfocused window spends nothing: it catches up when focus returns.
        if (this.focus.focused) {
          void this.poll();
        }
      }, minutes * 60_000);
    }
  }

  private render(): void {
    for (const service of SERVICE_IDS) {
      const view = creditsView(service, this.sessions, this.settings, this.describeTrend);
      this.views[service] = view;
      const item = this.items[service];
      if (!view.visible) {
        item.hide();
        continue;
      }
      item.text = view.text;
      item.tooltip = view.tooltip;
      item.accessibilityInformation = { label: view.accessibleLabel, role: 'button' };
      item.backgroundColor = view.failed
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : view.warning
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
      item.show();
    }
  }
}
