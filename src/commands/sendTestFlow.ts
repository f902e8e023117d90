import * as vscode from 'vscode';
import { money, SERVICES, type AnyClient, type Money, type SendResult, type ServiceId } from '../api';
import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';
import type { PartnerLog } from '../log/partnerLog';
import type { MessageStatusPanels } from '../panels/messageStatus/messageStatusPanels';
import { maskRecipient } from '../ui/personalData';
import { formatCount, formatMoney } from '../ui/localeFormat';
import { showError, showInfo, withNotificationProgress } from '../ui/notifications';
import { resolveAccount } from './accountPick';
import { sendFailed } from './sendFailure';
import { givenAccount, givenArgs } from './actionArgs';
import { prompted } from '../ui/prompt';
import type { CopyInputs } from './copyRequestKinds';

/**
 * What *Send Test SMS…* and *Send Test E-mail…* share: the account, the mode (sandbox
 * by default), the modal before a real send, one request guarded per account, and
 * what the answer (or its absence) means for the user.
 */

export type SendMode = 'sandbox' | 'real';

export type SendOutcome = 'sent' | 'cancelled' | 'refused' | 'unknown' | 'busy';

export interface SendFlowDeps {
  readonly sessions: AccountSessions;
  readonly panels: MessageStatusPanels;
  /** Where the sender is remembered per account (recipients never are: personal data). */
  readonly state: vscode.Memento;
  readonly log?: PartnerLog;
  /** Re-reads an account's credits (after a real send, or when the outcome is unknown). */
  readonly reload: (session: AccountSession) => Promise<void>;
  /** Asks the user to confirm a real send; the command uses a modal dialog. */
  readonly confirm: (message: string, detail: string, action: string) => Promise<boolean>;
}

/** The last price seen per SMS or mail, per account: the estimate in the next modal. */
const unitPrices = new Map<string, Money>();

/** The account a send command acts on: a tree item or account id of that service, else asked. */
export async function resolveSendAccount(
  sessions: AccountSessions,
  service: ServiceId,
  target: unknown,
  title: string,
): Promise<AccountSession | undefined> {
  // From the editor's context menu VS Code passes the document's URI: not an account. Only
  // an id or a tree item (something under an account) names one; anything else asks among
  // this service's accounts.
  const names = (v: unknown): boolean =>
    typeof v === 'string' ||
    (typeof v === 'object' && v !== null && ('accountId' in v || 'session' in v || ('parent' in v && names(v.parent))));
  const arg = names(target) ? target : service;
  const session = await resolveAccount(sessions, arg, { title, usable: true });
  if (!session) {
    if (!sessions.all.some((s) => s.service === service && s.hasKey)) {
      void showError(vscode.l10n.t('Set an API key for {0} first.', SERVICES[service].label));
    }
    return undefined;
  }
  if (session.service !== service) {
    void showError(vscode.l10n.t('{0} is not a {1} account.', session.name, SERVICES[service].label));
    return undefined;
  }
  return session;
}

/**
 * The start both send commands share: their arguments checked (`actionArgs.ts`), the
 * account resolved, then `flow` under the account's guard; Escape in any of its prompts
 * is `'cancelled'`, an answer given in advance that fails its check `'refused'`.
 */
export async function startSend<A, C extends AnyClient>(
  deps: SendFlowDeps,
  kind: SendKind<A, C>,
  target: unknown,
  given: unknown,
): Promise<SendOutcome> {
  const title = kind.title();
  const args = givenArgs<A>(kind.service === 'sms' ? 'sendTestSms' : 'sendTestMail', title, given);
  const account = givenAccount(deps.sessions, title, target);
  if (!args.ok || !account.ok) {
    return 'refused';
  }
  const session = await resolveSendAccount(deps.sessions, kind.service, account.value, title);
  if (!session) {
    return 'cancelled';
  }
  return guarded(session, async () => {
    const client = session.client;
    if (!kind.isClient(client)) {
      void showError(vscode.l10n.t('{0} has no API key set.', session.label));
      return 'cancelled';
    }
    return prompted(() => kind.run(deps, session, client, args.value ?? ({} as A)), 'cancelled', 'refused');
  });
}

/** A send command of one kind: `(deps, target?, given?)`, as the command table and tests call it. */
export function sendCommand<A, C extends AnyClient>(kind: SendKind<A, C>) {
  return (deps: SendFlowDeps, target?: unknown, given?: unknown): Promise<SendOutcome> =>
    startSend(deps, kind, target, given);
}

/** One kind of test send: its service and title, and its questions and request once the client is known. */
export interface SendKind<A, C extends AnyClient> {
  readonly service: ServiceId;
  readonly title: () => string;
  readonly isClient: (client: AnyClient | undefined) => client is C;
  readonly run: (deps: SendFlowDeps, session: AccountSession, client: C, args: A) => Promise<SendOutcome>;
}

/** The modal's lines on recipients and cost, after the payer's. */
export function recipientLines(session: AccountSession, recipients: readonly string[], units: number): string[] {
  const cost = estimatedCost(session, units);
  return [
    vscode.l10n.t('Recipients ({0}): {1}', recipients.length, maskedList(recipients)),
    cost
      ? vscode.l10n.t('Estimated cost: {0} (at the price of the last send)', formatMoney(cost, vscode.env.language))
      : vscode.l10n.t('Estimated cost: unknown until the provider answers'),
  ];
}

/**
 * Runs `flow` unless a send is already under way for this account, from a command or the
 * agent's tool (the session's guard, from the first question to the answer).
 */
export async function guarded(session: AccountSession, flow: () => Promise<SendOutcome>): Promise<SendOutcome> {
  const release = session.actions.enter('send');
  if (!release) {
    void showInfo(vscode.l10n.t('A test send for {0} is already in progress.', session.name));
    return 'busy';
  }
  try {
    return await flow();
  } finally {
    release();
  }
}

/** The modal's first lines: who pays, and who the recipients see as the sender. */
export function payerLines(session: AccountSession, sender?: string): string[] {
  const lines = [vscode.l10n.t('Account that pays: {0} ({1})', session.name, SERVICES[session.service].label)];
  if (sender !== undefined) {
    lines.push(sender === '' ? vscode.l10n.t('Sender: the operator short code') : vscode.l10n.t('Sender: {0}', sender));
  }
  return lines;
}

/** Recipients as the modal shows them: masked (enough to recognise them, not to contact anyone). */
export function maskedList(recipients: readonly string[]): string {
  return recipients.map(maskRecipient).join(', ');
}

/** The estimated cost of `units` SMS or mails from this account's last known unit price. */
export function estimatedCost(session: AccountSession, units: number): Money | undefined {
  const unit = unitPrices.get(session.id);
  if (!unit) {
    return undefined;
  }
  return money(((Math.round(unit.value * 1000) * units) / 1000).toFixed(3), unit.currency);
}

export interface SendPlan {
  readonly session: AccountSession;
  readonly mode: SendMode;
  readonly recipients: readonly string[];
  /** The modal's question and its lines (recipients, segments, cost); asked for real sends only. */
  readonly question: string;
  readonly lines: readonly string[];
  readonly progress: string;
  /** The planned time as the dialog and the outcome state it, for a scheduled send. */
  readonly scheduled?: string;
  readonly send: (signal: AbortSignal) => Promise<SendResult>;
  /** What *Copy as Code…* on the outcome writes as a send in sandbox (copyRequestKinds.ts). */
  readonly copyInputs?: CopyInputs;
}

/**
 * Confirms a real send, sends once, and says what happened: the answer's count and
 * cost, then the message in the status panel with live tracking. A failure after
 * sending is an unknown outcome: said as such, credits read again, never retried.
 */
export async function confirmAndSend(deps: SendFlowDeps, plan: SendPlan): Promise<SendOutcome> {
  const { session } = plan;
  const locale = vscode.env.language;
  // Anything but a sandbox send is confirmed: the modal is never skipped by a mode it does not know.
  if (plan.mode !== 'sandbox') {
    const action = vscode.l10n.t('Send for Real');
    if (!(await deps.confirm(plan.question, plan.lines.join('\n'), action))) {
      return 'cancelled';
    }
  }
  let result: SendResult;
  try {
    result = await withNotificationProgress({ title: plan.progress }, () => plan.send(session.accountSignal));
  } catch (error) {
    return sendFailed(deps, plan, error);
  }
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
    : plan.scheduled;
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
  return 'sent';
}
