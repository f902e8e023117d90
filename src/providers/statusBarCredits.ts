import * as vscode from 'vscode';
import { SERVICES, type Account, type ServiceId } from '../api';
import type { ServiceSession } from '../accounts/serviceSession';
import type { PartnerSettings } from '../settings/partnerSettings';
import { errorText } from './errorText';
import { formatCount, formatMoney, formatTime } from './localeFormat';

const ICON: Record<ServiceId, string> = { sms: 'comment', mail: 'mail' };

/** Where the status bar learns whether the window has focus (vscode.window by default). */
export interface WindowFocus {
  readonly focused: boolean;
  readonly onDidChangeFocus: vscode.Event<boolean>;
}

const vscodeWindowFocus: WindowFocus = {
  get focused() {
    return vscode.window.state.focused;
  },
  onDidChangeFocus: (listener, thisArg, disposables) => vscode.window.onDidChangeWindowState((e) => listener.call(thisArg, e.focused), undefined, disposables),
};

/** The credit count the status bar shows and the low-credit threshold applies to. */
export function mainCount(account: Account): number {
  return account.credits.service === 'sms' ? account.credits.sms : account.credits.mails;
}

export interface StatusBarView {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: vscode.MarkdownString;
  readonly accessibleLabel: string;
  readonly warning: boolean;
  readonly failed: boolean;
}

/**
 * One status-bar item with the SMS and Mail credit counts. It reads the same
 * session state as the tree, so a tree refresh updates it without a request;
 * its own polling runs only while the window is focused.
 */
export class StatusBarCredits implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private focusTimer: NodeJS.Timeout | undefined;
  /** Services whose failure streak has already been announced. */
  private readonly announced = new Set<ServiceId>();
  private view: StatusBarView | undefined;

  constructor(
    private readonly sessions: readonly ServiceSession[],
    private settings: PartnerSettings,
    private readonly notify: (message: string, service: ServiceId) => void,
    private readonly focus: WindowFocus = vscodeWindowFocus,
    /** Extra tooltip lines for a service (the credit trend), given its current count. */
    private readonly describeTrend: (service: ServiceId, count: number) => readonly string[] = () => [],
  ) {
    this.item = vscode.window.createStatusBarItem('partnerExplorer.credits', vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('Partner Credits');
    this.item.command = { command: 'partnerExplorer.accounts.focus', title: vscode.l10n.t('Show Partner Accounts') };
    for (const s of sessions) {
      this.subscriptions.push(s.onDidChange(() => this.onSessionChange(s)));
    }
    this.subscriptions.push(focus.onDidChangeFocus((focused) => this.onFocusChange(focused)));
    this.render();
    this.schedule();
  }

  /** What the item shows now (for tests and screen readers alike). */
  get current(): StatusBarView | undefined {
    return this.view;
  }

  /** Draws again (the credit history changed). */
  refreshView(): void {
    this.render();
  }

  update(settings: PartnerSettings): void {
    this.settings = settings;
    if (settings.statusBarEnabled) {
      for (const s of this.sessions) {
        if (s.state.kind === 'idle') {void s.ensureLoaded();}
      }
    }
    this.render();
    this.schedule();
  }

  /** Reads credits for the status bar, sharing any request in flight or a fresh reading. */
  poll(): Promise<void> {
    // Half an interval: a reading the tree just made counts, no second request.
    const maxAgeMs = Math.min(Math.max(2000, (this.settings.refreshIntervalMin * 60_000) / 2), this.settings.refreshIntervalMin * 60_000 * 0.9);
    return Promise.all(this.sessions.filter((s) => s.client).map((s) => s.refresh({ maxAgeMs }))).then(() => undefined);
  }

  dispose(): void {
    clearInterval(this.timer);
    clearTimeout(this.focusTimer);
    this.subscriptions.forEach((d) => d.dispose());
    this.item.dispose();
  }

  private onSessionChange(session: ServiceSession): void {
    const state = session.state;
    if (state.kind === 'idle' && this.settings.statusBarEnabled) {
      // A new key or URL: the status bar needs credits even when the tree is closed.
      void session.ensureLoaded();
    }
    if (state.kind === 'error' && !this.announced.has(session.service)) {
      // One notification per failure streak, not one per poll.
      this.announced.add(session.service);
      this.notify(errorText(state.error), session.service);
    } else if (state.kind === 'ready' || state.kind === 'noKey') {
      this.announced.delete(session.service);
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
    const view = this.compute();
    this.view = view;
    if (!view.visible) {
      this.item.hide();
      return;
    }
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.accessibilityInformation = { label: view.accessibleLabel, role: 'button' };
    this.item.backgroundColor = view.failed
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : view.warning
        ? new vscode.ThemeColor('statusBarItem.warningBackground')
        : undefined;
    this.item.show();
  }

  private compute(): StatusBarView {
    const locale = vscode.env.language;
    const withKey = this.sessions.filter((s) => s.hasKey);
    const tooltip = new vscode.MarkdownString('', true);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    if (!this.settings.statusBarEnabled || withKey.length === 0) {
      return { visible: false, text: '', tooltip, accessibleLabel: '', warning: false, failed: false };
    }
    const parts: string[] = [];
    const spoken: string[] = [];
    let warning = false;
    let failed = false;
    tooltip.appendMarkdown(`**${vscode.l10n.t('Partner credits')}**\n\n`);
    for (const s of withKey) {
      const state = s.state;
      const account = s.account;
      const label = SERVICES[s.service].label;
      if (state.kind === 'error' || state.kind === 'invalidSettings') {
        failed = true;
      }
      if (account) {
        const count = mainCount(account);
        const low = count < this.settings.lowCreditThreshold[s.service];
        warning ||= low;
        parts.push(`$(${ICON[s.service]}) ${formatCount(count, locale)}`);
        spoken.push(vscode.l10n.t('{0}: {1} credits', label, formatCount(count, locale)) + (low ? `, ${vscode.l10n.t('low')}` : ''));
        tooltip.appendMarkdown(`$(${ICON[s.service]}) **`);
        tooltip.appendText(label);
        tooltip.appendMarkdown('**  \n');
        tooltip.appendText(`${vscode.l10n.t('Credits')}: ${formatCount(count, locale)}${low ? ` (${vscode.l10n.t('below {0}', formatCount(this.settings.lowCreditThreshold[s.service], locale))})` : ''}`);
        tooltip.appendMarkdown('  \n');
        tooltip.appendText(`${vscode.l10n.t('Balance')}: ${formatMoney(account.credits.balance, locale)}`);
        tooltip.appendMarkdown('  \n');
        if (account.credits.service === 'sms' && account.credits.toSend !== undefined) {
          tooltip.appendText(`${vscode.l10n.t('Waiting to send')}: ${formatCount(account.credits.toSend, locale)}`);
          tooltip.appendMarkdown('  \n');
        }
        for (const line of this.describeTrend(s.service, count)) {
          tooltip.appendMarkdown('$(graph-line) ');
          tooltip.appendText(line);
          tooltip.appendMarkdown('  \n');
        }
      } else if (state.kind === 'error' || state.kind === 'invalidSettings') {
        parts.push(`$(${ICON[s.service]}) $(error)`);
        spoken.push(vscode.l10n.t('{0}: unavailable', label));
      } else {
        parts.push(`$(${ICON[s.service]}) $(loading~spin)`);
        spoken.push(vscode.l10n.t('{0}: loading', label));
      }
      if (state.kind === 'ready') {
        tooltip.appendText(vscode.l10n.t('Updated at {0}', formatTime(state.updatedAt, locale)));
        tooltip.appendMarkdown('\n\n');
      } else if (state.kind === 'error') {
        tooltip.appendMarkdown('$(error) ');
        tooltip.appendText(errorText(state.error));
        tooltip.appendMarkdown('\n\n');
      } else if (state.kind === 'invalidSettings') {
        tooltip.appendMarkdown('$(error) ');
        tooltip.appendText(state.message);
        tooltip.appendMarkdown('\n\n');
      } else {
        tooltip.appendMarkdown('\n\n');
      }
    }
    const text = (failed ? '$(error) ' : warning ? '$(warning) ' : '') + parts.join('  ');
    return { visible: true, text, tooltip, accessibleLabel: spoken.join('; '), warning, failed };
  }
}
