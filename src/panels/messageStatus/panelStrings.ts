import * as vscode from 'vscode';
import { SERVICES, type ServiceId } from '../../api';
import type { PanelStrings } from '../../webview/messageStatusProtocol';

/** The webview's strings, localized here: the webview has no access to `vscode.l10n`. */
export function panelStrings(): PanelStrings {
  return {
    title: vscode.l10n.t('Message {0} · {1}'),
    refresh: vscode.l10n.t('Refresh'),
    copyCsv: vscode.l10n.t('Copy as CSV'),
    exportCsv: vscode.l10n.t('Export CSV…'),
    setKey: vscode.l10n.t('Set API Key…'),
    retry: vscode.l10n.t('Retry'),
    loading: vscode.l10n.t('Loading delivery status…'),
    filterPlaceholder: vscode.l10n.t('Filter recipients and statuses'),
    filterLabel: vscode.l10n.t('Filter'),
    allStatuses: vscode.l10n.t('All statuses'),
    statusFilterLabel: vscode.l10n.t('Status'),
    recipient: vscode.l10n.t('Recipient'),
    status: vscode.l10n.t('Status'),
    cost: vscode.l10n.t('Cost'),
    stop: vscode.l10n.t('Unsubscribed'),
    date: vscode.l10n.t('Date'),
    yes: vscode.l10n.t('Yes'),
    no: vscode.l10n.t('No'),
    summary: vscode.l10n.t('Summary'),
    recipientsCount: vscode.l10n.t('{0} recipients'),
    shownCount: vscode.l10n.t('{0} of {1} shown'),
    updatedAt: vscode.l10n.t('Updated {0}'),
    noRows: vscode.l10n.t('No recipient matches the filter.'),
    categoryDelivered: vscode.l10n.t('Delivered'),
    categoryFailed: vscode.l10n.t('Failed'),
    categoryWaiting: vscode.l10n.t('Waiting'),
    categoryOther: vscode.l10n.t('Other'),
    copyMarkdown: vscode.l10n.t('Copy as Markdown'),
    copyJson: vscode.l10n.t('Copy as JSON'),
    copyMessageId: vscode.l10n.t('Copy Message Id'),
    copyAsCode: vscode.l10n.t('Copy as Code…'),
    hidePersonal: vscode.l10n.t('Hide personal data'),
    changesSince: vscode.l10n.t('{0} changed since {1}'),
    changeEntry: vscode.l10n.t('{0} → {1}: {2}'),
    noChanges: vscode.l10n.t('No change since {0}'),
    changedFrom: vscode.l10n.t('was {0}'),
    trackingLive: vscode.l10n.t('Live: next refresh at {0}'),
    trackingPaused: vscode.l10n.t('Live tracking paused while the panel is hidden'),
    trackingFinal: vscode.l10n.t('Every status is final: tracking stopped'),
    trackingExpired: vscode.l10n.t('Sent more than 48 hours ago: tracking stopped'),
    tagTitle: vscode.l10n.t('Tag {0} · {1}'),
    cancelSend: vscode.l10n.t('Cancel Scheduled Send…'),
    recipientAction: vscode.l10n.t('Status of {0}'),
  };
}

/** A message panel's title, also the heading of its Markdown copy. */
export function panelTitle(service: ServiceId, messageId: string, subaccount?: string): string {
  return subaccount
    ? vscode.l10n.t('Message {0} · {1} · {2}', messageId, SERVICES[service].label, subaccount)
    : vscode.l10n.t('Message {0} · {1}', messageId, SERVICES[service].label);
}

/** A tag panel's title: every message sent with the tag. */
export function tagPanelTitle(service: ServiceId, tag: string, account?: string): string {
  return account
    ? vscode.l10n.t('Tag {0} · {1} · {2}', tag, SERVICES[service].label, account)
    : vscode.l10n.t('Tag {0} · {1}', tag, SERVICES[service].label);
}
