import * as vscode from 'vscode';
import type { AccountSession } from '../../accounts/accountSession';
import type { AccountSessions } from '../../accounts/accountSessions';
import type { AccountRef, CreditHistory } from '../../accounts/creditHistory';
import type { PartnerSettings } from '../../settings/partnerSettings';
import { trendLines } from '../../ui/creditTrendText';
import { showWarning } from '../../ui/notifications';
import { StatusBarCredits } from './statusBarCredits';

export type { StatusBarCredits };

export interface StatusBarSetup {
  readonly sessions: AccountSessions;
  readonly settings: { readonly current: PartnerSettings };
  readonly creditHistory: CreditHistory;
  readonly readingsOf: (session: AccountSession) => AccountRef | undefined;
  readonly channel: vscode.OutputChannel;
}

/** The credit items, with their failure notice (Retry, Show Log) and the credit trend in the tooltip. */
export function createStatusBarCredits(setup: StatusBarSetup): StatusBarCredits {
  const { sessions, settings, creditHistory, readingsOf, channel } = setup;
  return new StatusBarCredits(
    sessions,
    settings.current,
    (message) => {
      const retry = vscode.l10n.t('Retry');
      const showLog = vscode.l10n.t('Show Log');
      void showWarning(message, retry, showLog).then((choice) => {
        if (choice === retry) {
          void vscode.commands.executeCommand('partnerExplorer.refresh');
        }
        if (choice === showLog) {
          channel.show();
        }
      });
    },
    undefined,
    (session, count) => {
      const readings = readingsOf(session);
      const threshold = settings.current.lowCreditThreshold[session.service];
      return readings
        ? trendLines(creditHistory.points(readings), count, threshold, vscode.l10n.t, vscode.env.language)
        : [];
    },
  );
}
