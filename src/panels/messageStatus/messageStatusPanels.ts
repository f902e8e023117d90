import * as vscode from 'vscode';
import { checkMessageId, checkTag, type PartnerLogger } from '../../api';
import type { AccountSession } from '../../accounts/accountSession';
import type { AccountSessions } from '../../accounts/accountSessions';
import type { RecentMessages } from '../../accounts/recentMessages';
import { readTagStatus, type TagProgress } from '../../accounts/tagStatus';
import type { PanelPersistedState } from '../../webview/messageStatusProtocol';
import type { PanelObserver } from '../webviewPanelBase';
import { DEFAULT_TRACKING, type TrackingPolicy } from './liveTracking';
import { MESSAGE_STATUS_VIEW_TYPE } from '../viewTypes';
import { hidePersonalDataSetting, setHidePersonalData } from '../../settings/personalDataSettings';
import {
  messagePanelOptions,
  MessageStatusPanel,
  type PanelContext,
  type PersonalDataSwitch,
  type StatusSource,
} from './messageStatusPanel';

/** What the panels share besides the accounts and the recent ids. */
export interface MessagePanelsOptions {
  readonly extensionUri: vscode.Uri;
  /** The `messageStatus.liveTracking` setting. */
  readonly liveTracking: () => boolean;
  /** Live-tracking delays: the defaults unless Test mode sets shorter ones. */
  readonly policy?: () => TrackingPolicy;
  readonly log?: PartnerLogger;
  /** Sees what each panel sends and draws (Test mode only). */
  readonly observer?: PanelObserver;
  /** Hide personal data: the setting unless given. */
  readonly personalData?: PersonalDataSwitch;
}

/** One panel per account (or sub-account) and message id; restores panels after a reload. */
export class MessageStatusPanels implements vscode.Disposable, vscode.WebviewPanelSerializer<PanelPersistedState> {
  private readonly panels = new Map<string, MessageStatusPanel>();
  private readonly context: PanelContext;

  constructor(
    private readonly sessions: AccountSessions,
    private readonly recent: RecentMessages,
    options: MessagePanelsOptions,
  ) {
    this.context = {
      extensionUri: options.extensionUri,
      liveTracking: options.liveTracking,
      log: options.log,
      observer: options.observer,
      policy: options.policy ?? (() => DEFAULT_TRACKING),
      personalData: options.personalData ?? { hidden: hidePersonalDataSetting, setHidden: setHidePersonalData },
      // Only the main account's lookups are offered again: a sub-account's key is gone once its panel closes.
      onLoaded: (panel) => {
        if (!panel.subaccount && panel.subject === 'message') {
          void this.recent.remember(panel.accountId, panel.messageId);
        }
      },
    };
  }

  get(accountId: string, messageId: string, subaccount?: string): MessageStatusPanel | undefined {
    return this.panels.get(panelKey(accountId, messageId, subaccount));
  }

  /** The open panel of a tag read with an account's key, if any. */
  getTag(accountId: string, tag: string): MessageStatusPanel | undefined {
    return this.panels.get(panelKey(accountId, tag, undefined, 'tag'));
  }

  /**
   * Opens (or reveals and refreshes) the panel of every recipient of the messages sent
   * with `tag` (SMS Partner): all pages read one after the other, with progress.
   */
  showTag(session: AccountSession, tag: string, progress?: TagReadProgress): MessageStatusPanel {
    return this.showFrom(this.tagSource(session, progress), tag);
  }

  /** An SMS account reading tags: every page, no cancel, no row action. */
  private tagSource(session: AccountSession, progress?: TagReadProgress): StatusSource {
    const base = this.sourceOf(session);
    return {
      ...base,
      get hasKey() {
        return session.hasKey;
      },
      get accountSignal() {
        return session.accountSignal;
      },
      subject: 'tag',
      canCancel: false,
      canLookUpRecipient: false,
      getMessageStatus: (tag, signal) =>
        progress
          ? progress(tag, (report) => readTagStatus(session, tag, signal, report))
          : readTagStatus(session, tag, signal),
    };
  }

  /** Opens (or reveals and refreshes) the panel for a message read with an account's key. */
  show(session: AccountSession, messageId: string): MessageStatusPanel {
    return this.showFrom(this.sourceOf(session), messageId);
  }

  /** An account as a panel's source; named in titles when its service has several accounts. */
  sourceOf(session: AccountSession): StatusSource {
    const several = this.sessions.forService(session.service).length > 1;
    return {
      service: session.service,
      accountId: session.id,
      accountName: several ? session.name : undefined,
      get hasKey() {
        return session.hasKey;
      },
      get accountSignal() {
        return session.accountSignal;
      },
      onDidChangeClient: session.onDidChangeClient,
      getMessageStatus: (id, signal) => session.getMessageStatus(id, signal),
      canCancel: true,
      canLookUpRecipient: session.service === 'sms',
    };
  }

  /** Opens (or reveals and refreshes) the panel for a message read from `source`. */
  showFrom(source: StatusSource, messageId: string): MessageStatusPanel {
    const existing = this.panels.get(panelKey(source.accountId, messageId, source.subaccount, source.subject));
    if (existing && !existing.ended) {
      existing.reveal();
      void existing.load();
      return existing;
    }
    // Browsing as a sub-account again after the main account changed: the new source reads.
    existing?.dispose();
    const options = messagePanelOptions(this.context.extensionUri);
    const panel = vscode.window.createWebviewPanel(
      MESSAGE_STATUS_VIEW_TYPE,
      messageId,
      vscode.ViewColumn.Active,
      options,
    );
    return this.track(new MessageStatusPanel(panel, source, messageId, this.context));
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PanelPersistedState | undefined): Promise<void> {
    const service = state?.service;
    if (state?.subject === 'tag') {
      return this.restoreTag(panel, state);
    }
    const id = state?.messageId !== undefined ? checkMessageId(String(state.messageId)) : undefined;
    await this.sessions.sync();
    // Its account, else (a panel saved before accounts existed) the service's pinned one.
    const session =
      (state?.accountId ? this.sessions.get(state.accountId) : undefined) ??
      (service === 'sms' || service === 'mail' ? this.sessions.pinned(service) : undefined);
    // A sub-account's key was never stored, so its panels cannot come back.
    if (!session || !id?.ok || state?.subaccount || this.get(session.id, id.id)) {
      panel.dispose();
      return;
    }
    this.track(new MessageStatusPanel(panel, this.sourceOf(session), id.id, this.context, state));
  }

  /** The Hide personal data setting changed: every open panel follows it. */
  personalDataChanged(): void {
    for (const panel of this.panels.values()) {
      panel.personalDataChanged();
    }
  }

  /** A tag panel after a reload: its SMS account reads every page again. */
  private async restoreTag(panel: vscode.WebviewPanel, state: PanelPersistedState): Promise<void> {
    await this.sessions.sync();
    const tag = checkTag(String(state.messageId));
    const session = state.accountId ? this.sessions.get(state.accountId) : this.sessions.pinned('sms');
    if (!session || session.service !== 'sms' || !tag.ok || state.subaccount || this.getTag(session.id, tag.tag)) {
      panel.dispose();
      return;
    }
    this.track(new MessageStatusPanel(panel, this.tagSource(session), tag.tag, this.context, state));
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) {
      p.dispose();
    }
    this.panels.clear();
  }

  private track(panel: MessageStatusPanel): MessageStatusPanel {
    const key = panelKey(panel.accountId, panel.messageId, panel.subaccount, panel.subject);
    this.panels.set(key, panel);
    panel.onDidDispose(() => {
      if (this.panels.get(key) === panel) {
        this.panels.delete(key);
      }
    });
    return panel;
  }
}

function panelKey(accountId: string, messageId: string, subaccount?: string, subject?: 'message' | 'tag'): string {
  return subject === 'tag'
    ? `${accountId}:${subaccount ?? ''}:tag:${messageId}`
    : `${accountId}:${subaccount ?? ''}:${messageId}`;
}

/** Shows a tag's reading progress (the command wraps it in VS Code's progress). */
export type TagReadProgress = <T>(
  tag: string,
  read: (report: (progress: TagProgress) => void) => Promise<T>,
) => Promise<T>;
