import * as vscode from 'vscode';
import { checkCreditAmount, money, SERVICES, type Money } from '../api';
import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';
import type { PartnerLog } from '../log/partnerLog';
import { formatMoney } from '../ui/localeFormat';
import { givenSubaccount, givenText } from './actionArgs';
import type { ActionWords } from '../accounts/actionPath';
import { commandHost, type Confirm } from './commandHost';
import { showError, showInfo } from '../ui/notifications';
import { ambiguousNote, amountReasonText, readTypedAmount } from './amountInput';
import { askText, prompted, required } from '../ui/prompt';

export type TransferDirection = 'add' | 'remove';

export interface TransferDeps {
  readonly sessions: AccountSessions;
  readonly log?: PartnerLog;
  /** Re-reads an account's credits and sub-accounts (after a transfer, or when its outcome is unknown). */
  readonly tree: { reload(session: AccountSession): Promise<void> };
  /** Asks the user to confirm; the command uses a modal dialog. */
  readonly confirm: Confirm;
}

export type TransferOutcome = 'done' | 'cancelled' | 'refused' | 'unknown' | 'busy';

/** Why an amount is refused, or undefined when it is fine (or reads two ways: the user is asked next). */
export function amountProblem(
  input: string,
  direction: TransferDirection,
  subBalance: Money,
  mainBalance: Money | undefined,
  locale: string,
): string | undefined {
  const check = checkCreditAmount(input, locale);
  if (!check.ok) {
    return check.reason === 'ambiguous' ? undefined : amountReasonText(check.reason, locale);
  }
  return balanceProblem(check.amount, direction, subBalance, mainBalance, locale);
}

/** Why a canonical amount cannot move between these balances, or undefined. */
export function balanceProblem(
  amount: string,
  direction: TransferDirection,
  subBalance: Money,
  mainBalance: Money | undefined,
  locale: string,
): string | undefined {
  const value = Number(amount);
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
  const title = direction === 'add' ? vscode.l10n.t('Add Credit') : vscode.l10n.t('Remove Credit');
  const target = givenSubaccount(deps.sessions, title, node);
  if (!target) {
    void showError(vscode.l10n.t('Choose a sub-account in the Partner Accounts view.'));
    return 'cancelled';
  }
  const given = givenText('transferCredit', 'amount', title, amountArg);
  if (!target.ok || !given.ok) {
    return 'refused';
  }
  // The sub-account as its account listed it: never the balance or e-mail a caller made up.
  const { session, sub } = target.value;
  const label = SERVICES[session.service].label;
  const locale = vscode.env.language;
  if (!sub.token) {
    void showError(
      vscode.l10n.t('The provider did not send a token for {0}, so its credit cannot be managed.', sub.email),
    );
    return 'refused';
  }
  const token = sub.token;
  const words = transferWords(sub.email);
  const host = commandHost(deps.confirm);
  if (session.actions.refuseIfBusy({ kind: 'transfer', subject: token, words }, host)) {
    return 'busy';
  }
  const mainBalance = session.account?.credits.balance;
  const read = await prompted(
    async () => {
      // A given amount is read as typed below (its reading asked when ambiguous), not by the box's rule.
      const input =
        given.value ??
        (await askText({
          title:
            direction === 'add'
              ? vscode.l10n.t('Add Credit to {0}', sub.email)
              : vscode.l10n.t('Remove Credit from {0}', sub.email),
          prompt: vscode.l10n.t('Amount in euros (sub-account balance: {0}).', formatMoney(sub.balance, locale)),
          placeHolder: '10',
          validate: (v) => amountProblem(v, direction, sub.balance, mainBalance, locale) ?? ambiguousNote(v, locale),
        }));
      // `1.000` in German: a thousand, or one euro typed the English way? Asked, never guessed.
      return required(await readTypedAmount(input, sub.balance.currency, locale));
    },
    undefined,
    undefined,
  );
  if (!read) {
    return 'cancelled';
  }
  if ('refused' in read) {
    void showError(read.refused);
    return 'refused';
  }
  const problem = balanceProblem(read.amount, direction, sub.balance, mainBalance, locale);
  if (problem) {
    void showError(problem);
    return 'refused';
  }
  const amount = Number(read.amount);
  const shown = formatMoney(money(read.amount, sub.balance.currency), locale);
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
  const done = await session.actions.perform(
    {
      kind: 'transfer',
      subject: token,
      words,
      confirm: { question: message, lines, button: action },
      progress:
        direction === 'add'
          ? vscode.l10n.t('Adding {0} to {1}…', shown, sub.email)
          : vscode.l10n.t('Removing {0} from {1}…', shown, sub.email),
      logAs: `${label}: transfer ${direction} ${read.amount} for sub-account ${sub.id}`,
      run: () => session.transferCredit(direction, token, read.amount),
      after: {
        done: (result) => {
          session.subaccounts.updateBalance(sub.id, result.subaccountCredit);
          session.applyBalance(result.credit);
        },
        unknown: () => void deps.tree.reload(session),
      },
    },
    host,
  );
  if (done.outcome !== 'done') {
    return done.outcome === 'notSent' ? 'refused' : done.outcome;
  }
  void showInfo(
    vscode.l10n.t(
      'Done. {0} now has {1}; the main account has {2}.',
      sub.email,
      formatMoney(done.value.subaccountCredit, locale),
      formatMoney(done.value.credit, locale),
    ),
  );
  return 'done';
}

/** What a transfer says when it cannot go on. */
function transferWords(email: string): ActionWords {
  return {
    busy: vscode.l10n.t('A transfer for {0} is already in progress.', email),
    refused: (reason) => vscode.l10n.t('The transfer was refused: {0}', reason),
    notSent: (reason) => vscode.l10n.t('No credit was moved: {0}', reason),
    // Sent, but no answer we can trust (a timeout, the key replaced mid-request): it may or may not have happened.
    unknown: (reason) =>
      vscode.l10n.t(
        'The outcome of the transfer is unknown: {0} The balances are being read again; check them before trying again.',
        reason,
      ),
  };
}
