import * as vscode from 'vscode';
import { SERVICES, type ServiceId } from '../../api';
import { mainCount } from '../../accounts/mainCount';
import type { AccountSession } from '../../accounts/accountSession';
import type { AccountSessions } from '../../accounts/accountSessions';
import type { PartnerSettings } from '../../settings/partnerSettings';
import { errorText } from '../../ui/errorText';
import { formatCount, formatMoney, formatTime } from '../../ui/localeFormat';
import { SERVICE_ICON } from '../../ui/serviceIcons';

export interface StatusBarView {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: vscode.MarkdownString;
  readonly accessibleLabel: string;
  readonly warning: boolean;
  readonly failed: boolean;
}

export const HIDDEN = (): StatusBarView => ({
  visible: false,
  text: '',
  tooltip: new vscode.MarkdownString(''),
  accessibleLabel: '',
  warning: false,
  failed: false,
});

/** Extra tooltip lines for an account (the credit trend), given its current count. */
export type DescribeTrend = (session: AccountSession, count: number) => readonly string[];

/**
 * What one service's item shows: the pinned account's count (coloured by its own failure and
 * any account's low credit), and a tooltip listing every account. Apart from the item's
 * lifecycle (statusBarCredits.ts) so that what is shown reads in one place.
 */
export function creditsView(
  service: ServiceId,
  sessions: AccountSessions,
  settings: PartnerSettings,
  describeTrend: DescribeTrend,
): StatusBarView {
  const locale = vscode.env.language;
  const accounts = sessions.forService(service).filter((s) => s.hasKey);
  const pinned = sessions.pinned(service);
  if (!settings.statusBarEnabled || accounts.length === 0 || !pinned?.hasKey) {
    return HIDDEN();
  }
  const label = SERVICES[service].label;
  const icon = SERVICE_ICON[service];
  const threshold = settings.lowCreditThreshold[service];
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
      for (const line of describeTrend(s, count)) {
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
