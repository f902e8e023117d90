import * as vscode from 'vscode';
import type { UsageStrings } from '../../webview/usageProtocol';

/** The Usage webview's words, translated on the host: the webview has no l10n of its own. */
export function usageStrings(): UsageStrings {
  return {
    title: vscode.l10n.t('Usage'),
    lastMonth: vscode.l10n.t('Last month'),
    lastTwelveMonths: vscode.l10n.t('Last 12 months'),
    custom: vscode.l10n.t('Custom range'),
    from: vscode.l10n.t('From'),
    to: vscode.l10n.t('To'),
    show: vscode.l10n.t('Show'),
    refresh: vscode.l10n.t('Read Again'),
    month: vscode.l10n.t('Month'),
    sent: vscode.l10n.t('Messages sent'),
    cost: vscode.l10n.t('Cost'),
    total: vscode.l10n.t('Total'),
    empty: vscode.l10n.t('No messages were sent in this range.'),
    readAt: vscode.l10n.t('Read at {0}'),
    waiting: vscode.l10n.t('The provider allows 5 readings a minute: this one goes out in {0} s (at {1}).'),
    loading: vscode.l10n.t('Reading…'),
    badRange: vscode.l10n.t('Choose a start day on or before the end day.'),
    chartLabel: vscode.l10n.t('Messages sent per month, {0} months from {1} to {2}'),
  };
}
