import * as vscode from 'vscode';
import {
  amountConvention,
  amountInputText,
  checkCreditAmount,
  isPartnerError,
  money,
  SERVICES,
  type Money,
} from '../api';
import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';
import type { PartnerLog } from '../log/partnerLog';
import { errorText } from '../ui/errorText';
import { formatMoney } from '../ui/localeFormat';
import { isSubaccountTarget } from '../accounts/commandTargets';
import { showError, showInfo, showWarning, withNotificationProgress } from '../ui/notifications';

export type TransferDirection = 'add' | 'remove';

export interface TransferDeps {
  readonly sessions: AccountSessions;
  readonly log?: PartnerLog;
  /** Re-reads an account's credits and sub-accounts (after a transfer, or when its outcome is unknown). */
  readonly tree: { reload(session: AccountSession): Promise<void> };
  /** Asks the user to confirm; the command uses a modal dialog. */
  readonly confirm: (message: string, detail: string, action: string) => Promise<boolean>;
}

export type TransferOutcome = 'done' | 'cancelled' | 'refused' | 'unknown' | 'busy';

/** Sub-accounts with a transfer in flight: a second click never sends twice. */
const inFlight = new Set<string>();

/** Why an amount is refused, or undefined when it is fine. */
export function amountProblem(
  input: string,
  direction: TransferDirection,
  subBalance: Money,
  mainBalance: Money | undefined,
  locale: string,
): string | undefined {
  const check = checkCreditAmount(input, locale);
  if (!check.ok) {
    switch (check.reason) {
      case 'ambiguous': {
        const [asDecimal, asThousands] = check.readings;
        const shown = (amount: string) => formatMoney(money(amount, subBalance.currency), locale);
        return vscode.l10n.t(
          '"{0}" could mean {1} or {2}: type {3} or {4}.',
          input.trim(),
          shown(asDecimal),
          shown(asThousands),
          amountInputText(asDecimal, locale),
          amountInputText(asThousands, locale),
        );
      }
      case 'commaDecimal':
        return vscode.l10n.t('A comma separates thousands, as in 1,000: write decimals with a point, such as 1.5.');
      case 'separators':
        return amountConvention(locale) === 'fr'
          ? vscode.l10n.t('Write thousands with a space and decimals with a comma, such as 1 000,50.')
          : vscode.l10n.t('Write thousands with a comma and decimals with a point, such as 1,000.50.');
      case 'empty':
        return vscode.l10n.t('Enter an amount in euros.');
      case 'format':
        return vscode.l10n.t('Enter a positive amount, such as 10 or 12.5.');
      case 'zero':
        return vscode.l10n.t('The amount must be greater than 0.');
      case 'decimals':
        return vscode.l10n.t('At most 3 decimals.');
      case 'tooLarge':
        return vscode.l10n.t('That amount is too large.');
    }
  }
  const value = Number(check.amount);
  if (direction === 'remove' && value > subBalance.value) {
    return vscode.l10n.t('The sub-account has only {0}.', formatMoney(subBalance, locale));
  }
  if (direction === 'add' && mainBalance && value > mainBalance.value) {
    return vscode.l10n.t('The main account has only {0}.', formatMoney(mainBalance, locale));
  }
  return undefined;
}

function shifted(balance: Money, delta: number): Money {
  // Thousandths of a euro: exact for the provider's three decimals.
  const milli = Math.round(balance.value * 1000) + Math.round(delta * 1000);
  return money((milli / 1000).toFixed(3), balance.currency);
}

/**
 * `Add Credit…` / `Remove Credit…` on a sub-account: amount, modal confirmation
 * with both balances before and after, one POST (never retried), then the tree
 * and the status bar updated from the answer. When the outcome is unknown
 * (timeout, network), the user is told so and the balances are read again.
 */
export async function transferCredit(
  deps: TransferDeps,
  direction: TransferDirection,
  node: unknown,
  amountArg?: unknown,
): Promise<TransferOutcome> {
  if (!isSubaccountTarget(node)) {
    void showError(vscode.l10n.t('Choose a sub-account in the Partner Accounts view.'));
    return 'cancelled';
  }
  const sub = node.subaccount;
  const session = deps.sessions.get(node.accountId);
  if (!session) {
    return 'cancelled';
  }
  const label = SERVICES[node.service].label;
  const locale = vscode.env.language;
  if (!sub.token) {
    void showError(
      vscode.l10n.t('The provider did not send a token for {0}, so its credit cannot be managed.', sub.email),
    );
    return 'refused';
  }
  const key = `${node.accountId}:${sub.token}`;
  if (inFlight.has(key)) {
    void showInfo(vscode.l10n.t('A transfer for {0} is already in progress.', sub.email));
    return 'busy';
  }
  const mainBalance = session.account?.credits.balance;
  let input = typeof amountArg === 'string' ? amountArg : undefined;
  if (input !== undefined) {
    const problem = amountProblem(input, direction, sub.balance, mainBalance, locale);
    if (problem) {
      void showError(problem);
      return 'refused';
    }
  } else {
    input = await vscode.window.showInputBox({
      title:
        direction === 'add'
          ? vscode.l10n.t('Add Credit to {0}', sub.email)
          : vscode.l10n.t('Remove Credit from {0}', sub.email),
      prompt: vscode.l10n.t('Amount in euros (sub-account balance: {0}).', formatMoney(sub.balance, locale)),
      placeHolder: '10',
      ignoreFocusOut: true,
      validateInput: (v) => amountProblem(v, direction, sub.balance, mainBalance, locale),
    });
    if (input === undefined) {
      return 'cancelled';
    }
  }
  const check = checkCreditAmount(input, locale);
  if (!check.ok) {
    return 'refused';
  }
  const amount = Number(check.amount);
  const shown = formatMoney(money(check.amount, sub.balance.currency), locale);
  const sign = direction === 'add' ? 1 : -1;
  const subAfter = shifted(sub.balance, sign * amount);
  const lines = [
    vscode.l10n.t(
      'Sub-account {0}: {1} → {2}',
      sub.email,
      formatMoney(sub.balance, locale),
      formatMoney(subAfter, locale),
    ),
  ];
  if (mainBalance) {
    lines.unshift(
      vscode.l10n.t(
        'Main {0} account: {1} → {2}',
        label,
        formatMoney(mainBalance, locale),
        formatMoney(shifted(mainBalance, -sign * amount), locale),
      ),
    );
  }
  const message =
    direction === 'add'
      ? vscode.l10n.t('Add {0} to {1}?', shown, sub.email)
      : vscode.l10n.t('Remove {0} from {1}?', shown, sub.email);
  const action = direction === 'add' ? vscode.l10n.t('Add {0}', shown) : vscode.l10n.t('Remove {0}', shown);
  if (inFlight.has(key)) {
    return 'busy';
  }
  inFlight.add(key);
  try {
    if (!(await deps.confirm(message, lines.join('\n'), action))) {
      return 'cancelled';
    }
    const progressTitle =
      direction === 'add'
        ? vscode.l10n.t('Adding {0} to {1}…', shown, sub.email)
        : vscode.l10n.t('Removing {0} from {1}…', shown, sub.email);
    const result = await withNotificationProgress({ title: progressTitle }, () =>
      session.transferCredit(direction, sub.token!, check.amount),
    );
    session.subaccounts.updateBalance(sub.id, result.subaccountCredit);
    session.applyBalance(result.credit);
    void showInfo(
      vscode.l10n.t(
        'Done. {0} now has {1}; the main account has {2}.',
        sub.email,
        formatMoney(result.subaccountCredit, locale),
        formatMoney(result.credit, locale),
      ),
    );
    return 'done';
  } catch (error) {
    deps.log?.warn(
      `${label}: transfer ${direction} ${check.amount} for sub-account ${sub.id} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    if (isPartnerError(error) && error.kind === 'api') {
      void showError(vscode.l10n.t('The transfer was refused: {0}', errorText(error)));
      return 'refused';
    }
    // Sent, but no answer we can trust: it may or may not have happened.
    void showWarning(
      vscode.l10n.t(
        'The outcome of the transfer is unknown: {0} The balances are being read again; check them before trying again.',
        errorText(error),
      ),
    );
    void deps.tree.reload(session);
    return 'unknown';
  } finally {
    inFlight.delete(key);
  }
}
