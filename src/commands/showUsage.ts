import * as vscode from 'vscode';
import { SERVICES } from '../api';
import type { AccountSessions } from '../accounts/accountSessions';
import type { UsagePanels, UsageView } from '../panels/usage/usagePanel';
import { showInfo } from '../ui/notifications';
import type { UsageRange } from '../webview/usageProtocol';
import { resolveAccount } from './accountPick';

function rangeArg(arg: unknown): UsageRange | undefined {
  if (typeof arg !== 'object' || arg === null) {
    return undefined;
  }
  const a = arg as Record<string, unknown>;
  const kind = a.kind === 'lastMonth' || a.kind === 'lastTwelveMonths' || a.kind === 'custom' ? a.kind : undefined;
  return (
    kind && {
      kind,
      from: typeof a.from === 'string' ? a.from : undefined,
      to: typeof a.to === 'string' ? a.to : undefined,
    }
  );
}

/**
 * `Show Usage…`: the sending statistics of an SMS Partner account (Mail Partner
 * documents none), from the tree item or a pick among SMS accounts.
 */
export async function showUsage(
  sessions: AccountSessions,
  panels: UsagePanels,
  target: unknown,
  range?: unknown,
): Promise<UsageView | undefined> {
  const session = await resolveAccount(sessions, target ?? 'sms', { title: vscode.l10n.t('Show Usage'), usable: true });
  if (!session) {
    return undefined;
  }
  if (session.service !== 'sms') {
    void showInfo(
      vscode.l10n.t(
        '{0} documents no sending statistics: only SMS Partner accounts have them.',
        SERVICES[session.service].label,
      ),
    );
    return undefined;
  }
  return panels.show(session, rangeArg(range));
}
