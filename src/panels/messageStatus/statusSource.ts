import type * as vscode from 'vscode';
import { isPartnerError, SERVICES, type MessageStatus, type PartnerLogger, type ServiceId } from '../../api';
import type { HostMessage, StatusViewData } from '../../webview/messageStatusProtocol';
import { errorText } from '../../ui/errorText';
import type { PanelObserver } from '../webviewPanelBase';
import type { TrackingPolicy } from './liveTracking';
import type { MessageStatusPanel } from './messageStatusPanel';
import type { PersonalDataSwitch } from './personalData';
import { buildStatusView } from './statusView';

/**
 * Where a panel reads its message: a service session (the main account's key) or
 * a sub-account browsed with its own key, held in memory only.
 */
export interface StatusSource {
  readonly service: ServiceId;
  /** The account that reads (a sub-account is read through its main account's). */
  readonly accountId: string;
  /** The account's name, shown in the title when the service has several accounts. */
  readonly accountName?: string;
  /** The sub-account's e-mail when reading with a sub-account's key. */
  readonly subaccount?: string;
  readonly hasKey: boolean;
  /**
   * Aborts when the account that reads changes (key or API URL) or goes away.
   * What a panel read belongs to the account of that moment: once this signal
   * has aborted, it is neither shown again nor copied nor exported.
   */
  readonly accountSignal: AbortSignal;
  getMessageStatus(messageId: string, signal?: AbortSignal): Promise<MessageStatus>;
  /** `tag`: `messageId` is a tag and the reading covers every message sent with it. */
  readonly subject?: 'message' | 'tag';
  /** The account's own key reads: it may cancel the message's scheduled send. */
  readonly canCancel?: boolean;
  /** An SMS Partner account's own key reads: one recipient can be looked up by number. */
  readonly canLookUpRecipient?: boolean;
  /** Fires when the key or the connection settings changed. */
  readonly onDidChangeClient?: vscode.Event<unknown>;
}

/** What a panel needs from the rest of the extension besides its source. */
export interface PanelContext {
  readonly extensionUri: vscode.Uri;
  readonly liveTracking: () => boolean;
  readonly policy: () => TrackingPolicy;
  /** Called after each successful reading (recent ids). */
  readonly onLoaded?: (panel: MessageStatusPanel) => void;
  /** Where a failed export is logged. */
  readonly log?: PartnerLogger;
  /** Sees what the panel sends and what its webview draws (Test mode only). */
  readonly observer?: PanelObserver;
  /** The Hide personal data setting, which the panel's button changes. */
  readonly personalData: PersonalDataSwitch;
}

/** A reading as the panel shows it: the table, plus what this source lets the user do with it. */
export function sourceView(
  source: StatusSource,
  status: MessageStatus,
  previous: StatusViewData | undefined,
): StatusViewData {
  const who = source.subaccount ?? source.accountName;
  const label = who ? `${SERVICES[source.service].label} · ${who}` : SERVICES[source.service].label;
  const built = buildStatusView(source.service, label, status, Date.now(), previous);
  const subject = source.subject ?? 'message';
  const tag = subject === 'tag';
  return {
    ...built,
    subject,
    // The docs give no "scheduled" flag: a message some recipient still waits for may be one.
    canCancel: !tag && source.canCancel === true && built.summary.some((e) => e.category === 'waiting'),
    canLookUpRecipient: !tag && source.canLookUpRecipient === true,
  };
}

/**
 * A failed reading as the panel shows it: Retry only when trying again can help (not
 * once the browsing ended, nor for a key problem or an unknown message), Set key only
 * for the main account's own key.
 */
export function sourceError(source: StatusSource, error: unknown, ended: boolean): HostMessage {
  const keyProblem = isPartnerError(error) && error.isKeyProblem;
  const noKey = !source.hasKey;
  const mainAccount = !source.subaccount;
  const notFound = isPartnerError(error) && error.kind === 'api' && error.code === 4;
  return {
    type: 'error',
    message: errorText(error),
    canRetry: !ended && !keyProblem && !noKey && !notFound,
    canSetKey: mainAccount && (keyProblem || noKey),
  };
}
