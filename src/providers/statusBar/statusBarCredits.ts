import * as vscode from 'vscode';
import { SERVICE_IDS, SERVICES, type ServiceId } from '../../api';
import { mainCount } from '../../accounts/mainCount';
import type { AccountSession } from '../../accounts/accountSession';
import type { AccountSessions } from '../../accounts/accountSessions';
import type { PartnerSettings } from '../../settings/partnerSettings';
import { errorText } from '../../ui/errorText';
import { formatCount, formatMoney, formatTime } from '../../ui/localeFormat';
import { SERVICE_ICON } from '../../ui/serviceIcons';

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

export interface StatusBarView {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: vscode.MarkdownString;
  readonly accessibleLabel: string;
  readonly warning: boolean;
  readonly failed: boolean;
}

const HIDDEN = (): StatusBarView => ({
  visible: false,
  text: '',
  tooltip: new vscode.MarkdownString(''),
  accessibleLabel: '',
  warning: false,
  failed: false,
});

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
    private readonly describeTrend: (session: AccountSession, count: number) => readonly string[] = () => [],
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
      const view = this.compute(service);
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

  private compute(service: ServiceId): StatusBarView {
    const locale = vscode.env.language;
    const accounts = this.sessions.forService(service).filter((s) => s.hasKey);
    const pinned = this.sessions.pinned(service);
    if (!this.settings.statusBarEnabled || accounts.length === 0 || !pinned?.hasKey) {
      return HIDDEN();
    }
    const label = SERVICES[service].label;
    const icon = SERVICE_ICON[service];
    const threshold = this.settings.lowCreditThreshold[service];
    const tooltip = new vscode.MarkdownString('', true);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    tooltip.appendMarkdown(`**${vscode.l10n.t('Credits · {0}', label)}**\n\n`);
    let warning = false;
    let failed = false;
    const several = accounts.length > 1;
    for (const s of accounts) {
      const state = s.state;
      const account = s.account;
      const low = account !== undefined && mainCount(account) < threshold;
      const broken = state.kind === 'error' || state.kind === 'invalidSettings';
      if (s === pinned) {
        warning = low;
        failed = broken;
      } else {
        // Another account in trouble still colours the item: the tooltip says which.
        warning ||= low;
      }
      tooltip.appendMarkdown(`$(${s === pinned && several ? 'pinned' : icon}) **`);
      tooltip.appendText(s.name);
      tooltip.appendMarkdown('**  \n');
      if (account) {
        const count = mainCount(account);
        tooltip.appendText(
          `${vscode.l10n.t('Credits')}: ${formatCount(count, locale)}${low ? ` (${vscode.l10n.t('below {0}', formatCount(threshold, locale))})` : ''}`,
        );
        tooltip.appendMarkdown('  \n');
        tooltip.appendText(`${vscode.l10n.t('Balance')}: ${formatMoney(account.credits.balance, locale)}`);
        tooltip.appendMarkdown('  \n');
        if (account.credits.service === 'sms' && account.credits.toSend !== undefined) {
          tooltip.appendText(`${vscode.l10n.t('Waiting to send')}: ${formatCount(account.credits.toSend, locale)}`);
          tooltip.appendMarkdown('  \n');
        }
        for (const line of this.describeTrend(s, count)) {
          tooltip.appendMarkdown('$(graph-line) ');
          tooltip.appendText(line);
          tooltip.appendMarkdown('  \n');
        }
      }
      if (state.kind === 'ready') {
        tooltip.appendText(vscode.l10n.t('Updated at {0}', formatTime(state.updatedAt, locale)));
      } else if (state.kind === 'error') {
        tooltip.appendMarkdown('$(error) ');
        tooltip.appendText(errorText(state.error));
      } else if (state.kind === 'invalidSettings') {
        tooltip.appendMarkdown('$(error) ');
        tooltip.appendText(state.message);
      }
      tooltip.appendMarkdown('\n\n');
    }
    const account = pinned.account;
    let text: string;
    let spoken: string;
    if (account) {
      const count = formatCount(mainCount(account), locale);
      text = `$(${icon}) ${count}`;
      spoken = vscode.l10n.t('{0}: {1} credits', label, count) + (warning ? `, ${vscode.l10n.t('low')}` : '');
    } else if (failed) {
      text = `$(${icon}) $(error)`;
      spoken = vscode.l10n.t('{0}: unavailable', label);
    } else {
      text = `$(${icon}) $(loading~spin)`;
      spoken = vscode.l10n.t('{0}: loading', label);
    }
    if (several) {
      spoken += ` (${pinned.name})`;
    }
    text = (failed ? '$(error) ' : warning ? '$(warning) ' : '') + text;
    return { visible: true, text, tooltip, accessibleLabel: spoken, warning, failed };
  }
}
