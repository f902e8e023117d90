import * as vscode from 'vscode';
import { money, type Money, type Schedule, type SendResult } from '../api';
import type { AccountSession } from '../accounts/accountSession';
import type { Action, ActionWords } from '../accounts/actionPath';
import { maskRecipient } from '../ui/personalData';
import { formatCount, formatMoney } from '../ui/localeFormat';
import { showInfo } from '../ui/notifications';
import { commandHost } from './commandHost';
import { explainRefusal } from './sendFailure';
import { scheduleLine } from './sendPrompts';
import type { SendFlowDeps, SendMode, SendOutcome } from './sendTestFlow';
import type { CopyInputs } from './copyRequestKinds';

/** A test send, its questions answered: what the modal states and the one request. */
export interface SendPlan {
  readonly session: AccountSession;
  readonly mode: SendMode;
  readonly recipients: readonly string[];
  /** SMS or e-mails in all: what the estimated cost counts. */
  readonly units: number;
  /** An SMS's sender as its recipients see it ('' for the operator short code). */
  readonly sender?: string;
  /** The modal's lines between the recipients and the cost (segments, subject). */
  readonly details: readonly string[];
  readonly schedule?: Schedule;
  readonly question: string;
  readonly progress: string;
  readonly send: (signal: AbortSignal) => Promise<SendResult>;
  /** What *Copy as Code…* on the outcome writes as a send in sandbox (copyRequestKinds.ts). */
  readonly copyInputs?: CopyInputs;
}

/** The last price seen per SMS or mail, per account: the estimate in the next modal. */
const unitPrices = new Map<string, Money>();

/** What a test send says when it cannot go on, from a command or the agent's tool alike. */
export function sendBusyWords(session: AccountSession): Pick<Action<unknown>, 'kind' | 'words'> {
  return { kind: 'send', words: sendWords(session) };
}

function sendWords(session: AccountSession): ActionWords {
  return {
    busy: vscode.l10n.t('A test send for {0} is already in progress.', session.name),
    // A refusal is explained with the action that fixes it (`explainRefusal`).
    // Nothing left the machine (cancelled while waiting for its turn, a certificate refused).
    notSent: (reason) => vscode.l10n.t('Nothing was sent: {0}', reason),
    // The request may have reached the provider, whatever stopped the wait for its answer
    // (a timeout, the account's key replaced or the account removed mid-request).
    unknown: (reason) =>
      vscode.l10n.t(
        'The outcome is unknown: the message may have been sent. {0} The credits are being read again; check the account before sending again.',
        reason,
      ),
  };
}

/** The modal's lines: sender, recipients (masked), the plan's details, cost, schedule. */
function planLines(plan: SendPlan): string[] {
  const { sender, recipients } = plan;
  const lines: string[] = [];
  if (sender !== undefined) {
    lines.push(sender === '' ? vscode.l10n.t('Sender: the operator short code') : vscode.l10n.t('Sender: {0}', sender));
  }
  const cost = estimatedCost(plan.session, plan.units);
  lines.push(
    vscode.l10n.t('Recipients ({0}): {1}', recipients.length, recipients.map(maskRecipient).join(', ')),
    ...plan.details,
    cost
      ? vscode.l10n.t('Estimated cost: {0} (at the price of the last send)', formatMoney(cost, vscode.env.language))
      : vscode.l10n.t('Estimated cost: unknown until the provider answers'),
  );
  if (plan.schedule) {
    lines.push(scheduleLine(plan.schedule));
  }
  return lines;
}

/** The estimated cost of `units` SMS or mails from this account's last known unit price. */
function estimatedCost(session: AccountSession, units: number): Money | undefined {
  const unit = unitPrices.get(session.id);
  if (!unit) {
    return undefined;
  }
  return money(((Math.round(unit.value * 1000) * units) / 1000).toFixed(3), unit.currency);
}

/**
 * The send on the account's action path (a modal for anything but a sandbox send), then
 * what happened: the answer's count and cost, the message in the status panel with live
 * tracking. A failure after sending is an unknown outcome: said, credits read again.
 */
export async function performSend(deps: SendFlowDeps, plan: SendPlan): Promise<SendOutcome> {
  const { session } = plan;
  const done = await session.actions.perform(
    {
      ...sendBusyWords(session),
      // Anything but a sandbox send is confirmed: the modal is never skipped by a mode it does not know.
      confirm:
        plan.mode === 'sandbox'
          ? undefined
          : { question: plan.question, lines: planLines(plan), button: vscode.l10n.t('Send for Real'), pays: true },
      progress: plan.progress,
      logAs: `${session.label} (${session.id}): test send (${plan.mode})`,
      run: plan.send,
      after: {
        refused: (error, failure) => {
          if (failure === 'refused') {
            explainRefusal(session, plan.recipients, error);
          }
        },
        unknown: () => void deps.reload(session),
      },
    },
    commandHost(deps.confirm),
  );
  if (done.outcome !== 'done') {
    return done.outcome === 'notSent' ? 'refused' : done.outcome;
  }
  sent(deps, plan, done.value);
  return 'sent';
}

function sent(deps: SendFlowDeps, plan: SendPlan, result: SendResult): void {
  const { session } = plan;
  const locale = vscode.env.language;
  if (result.cost && result.count) {
    unitPrices.set(session.id, money((result.cost.value / result.count).toFixed(3), result.cost.currency));
  }
  const unit = session.service === 'sms' ? 'SMS' : vscode.l10n.t('e-mail(s)');
  const count = result.count === undefined ? '' : `${formatCount(result.count, locale)} ${unit}`;
  const cost = result.cost ? formatMoney(result.cost, locale) : vscode.l10n.t('not given');
  const text =
    plan.mode === 'sandbox'
      ? vscode.l10n.t(
          'Sandbox send accepted: message {0}, {1}, cost {2} (nothing charged).',
          result.messageId,
          count,
          cost,
        )
      : vscode.l10n.t('Sent: message {0}, {1}, cost {2}.', result.messageId, count, cost);
  // The time the provider accepted, when it says it (SMS and Mail), rather than the one asked.
  const scheduled = result.scheduledText
    ? vscode.l10n.t('The provider scheduled it for {0} (Paris time).', result.scheduledText)
    : plan.schedule && scheduleLine(plan.schedule);
  const copy = vscode.l10n.t('Copy as Code…');
  void showInfo(scheduled ? `${text} ${scheduled}` : text, ...(plan.copyInputs ? [copy] : [])).then((picked) =>
    picked === copy
      ? vscode.commands.executeCommand(
          'partnerExplorer.copyRequestAsCode',
          session.id,
          'testSend',
          undefined,
          plan.copyInputs,
        )
      : undefined,
  );
  if (plan.mode === 'real') {
    void deps.reload(session);
  }
  deps.panels.show(session, result.messageId);
}
