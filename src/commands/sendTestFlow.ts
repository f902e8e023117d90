import * as vscode from 'vscode';
import {
  checkSchedule,
  isCreditProblem,
  isIpRefused,
  isPartnerError,
  isStopListed,
  money,
  SERVICES,
  type Money,
  type PartnerError,
  type Schedule,
  type SendResult,
  type ServiceId,
} from '../api';
import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';
import type { PartnerLog } from '../log/partnerLog';
import type { MessageStatusPanels } from '../panels/messageStatus/messageStatusPanels';
import { maskRecipient } from '../ui/personalData';
import { errorText } from '../ui/errorText';
import { formatCount, formatMoney } from '../ui/localeFormat';
import { showError, showInfo, showWarning, withNotificationProgress } from '../ui/notifications';
import { resolveAccount } from './accountPick';

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

/** Accounts with a send under way (from the first question to the answer): never two at once. */
const inFlight = new Set<string>();

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

/** Runs `flow` unless a send is already under way for this account. */
export async function guarded(session: AccountSession, flow: () => Promise<SendOutcome>): Promise<SendOutcome> {
  if (inFlight.has(session.id)) {
    void showInfo(vscode.l10n.t('A test send for {0} is already in progress.', session.name));
    return 'busy';
  }
  inFlight.add(session.id);
  try {
    return await flow();
  } finally {
    inFlight.delete(session.id);
  }
}

const senderKey = (session: AccountSession) => `partnerExplorer.sendTest.sender.${session.id}`;

export function rememberedSender(deps: SendFlowDeps, session: AccountSession): string {
  return deps.state.get<string>(senderKey(session)) ?? '';
}

export function rememberSender(deps: SendFlowDeps, session: AccountSession, sender: string): Thenable<void> {
  return deps.state.update(senderKey(session), sender);
}

/** Why a typed schedule is refused, or undefined when it is fine. */
export function scheduleProblem(input: string): string | undefined {
  const check = checkSchedule(input);
  if (check.ok) {
    return undefined;
  }
  switch (check.reason) {
    case 'format':
      return vscode.l10n.t('Write the date and time as dd/mm/yyyy hh:mm, such as 24/12/2026 09:30.');
    case 'date':
      return vscode.l10n.t('That date or time does not exist.');
    case 'minute':
      return vscode.l10n.t('The provider takes minutes by fives: 00, 05, 10 … 55.');
    case 'past':
      return vscode.l10n.t('That time has passed (Paris time).');
  }
}

export async function askSchedule(title: string): Promise<Schedule | undefined> {
  const typed = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('When to send, Paris time (dd/mm/yyyy hh:mm, minutes by fives).'),
    placeHolder: '24/12/2026 09:30',
    ignoreFocusOut: true,
    validateInput: scheduleProblem,
  });
  if (typed === undefined) {
    return undefined;
  }
  const check = checkSchedule(typed);
  return check.ok ? check.schedule : undefined;
}

/** `Scheduled: 24/12/2026 9:30 (Paris time)`. */
export function scheduleLine(schedule: Schedule): string {
  return vscode.l10n.t(
    'Scheduled: {0} {1}:{2} (Paris time)',
    schedule.date,
    schedule.hour,
    String(schedule.minute).padStart(2, '0'),
  );
}

/** Sandbox first and preselected: a real send is a deliberate choice. */
export async function pickMode(title: string, recipients: number): Promise<SendMode | undefined> {
  type Item = vscode.QuickPickItem & { readonly mode: SendMode };
  const items: Item[] = [
    {
      mode: 'sandbox',
      label: `$(beaker) ${vscode.l10n.t('Sandbox')}`,
      description: vscode.l10n.t('default'),
      detail: vscode.l10n.t('Nothing is sent, nothing is charged; the message still gets an id to follow.'),
    },
    {
      mode: 'real',
      label: `$(send) ${vscode.l10n.t('Real send')}`,
      detail: vscode.l10n.t('Sends to {0} recipient(s) and spends credit. You confirm first.', recipients),
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: vscode.l10n.t('Sandbox or real send?'),
    ignoreFocusOut: true,
  });
  return picked?.mode;
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
}

/**
 * Confirms a real send, sends once, and says what happened: the answer's count and
 * cost, then the message in the status panel with live tracking. A failure after
 * sending is an unknown outcome: said as such, credits read again, never retried.
 */
export async function confirmAndSend(deps: SendFlowDeps, plan: SendPlan): Promise<SendOutcome> {
  const { session } = plan;
  const locale = vscode.env.language;
  if (plan.mode === 'real') {
    const action = vscode.l10n.t('Send for Real');
    if (!(await deps.confirm(plan.question, plan.lines.join('\n'), action))) {
      return 'cancelled';
    }
  }
  let result: SendResult;
  try {
    result = await withNotificationProgress({ title: plan.progress }, () => plan.send(session.accountSignal));
  } catch (error) {
    return failed(deps, plan, error);
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
  void showInfo(plan.scheduled ? `${text} ${plan.scheduled}` : text);
  if (plan.mode === 'real') {
    void deps.reload(session);
  }
  deps.panels.show(session, result.messageId);
  return 'sent';
}

async function failed(deps: SendFlowDeps, plan: SendPlan, error: unknown): Promise<SendOutcome> {
  const { session } = plan;
  deps.log?.warn(
    `${session.label} (${session.id}): test send (${plan.mode}) failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  if (!isPartnerError(error)) {
    throw error;
  }
  // Refused before anything was done: the provider said no, or nothing reached it.
  if (error.kind === 'api' || error.kind === 'rateLimited' || error.kind === 'certificate') {
    explainRefusal(plan, error);
    return 'refused';
  }
  void showWarning(
    vscode.l10n.t(
      'The outcome is unknown: the message may have been sent. {0} The credits are being read again; check the account before sending again.',
      errorText(error),
    ),
  );
  void deps.reload(session);
  return 'unknown';
}

/** A documented refusal in words, with the action that fixes it. */
function explainRefusal(plan: SendPlan, error: PartnerError): void {
  const { session } = plan;
  const text = errorText(error);
  const dashboard = vscode.l10n.t('Open Dashboard');
  const setKey = vscode.l10n.t('Replace API Key…');
  let message = vscode.l10n.t('The send was refused: {0}', text);
  const actions: string[] = [];
  if (error.kind === 'api' && isCreditProblem(error.code)) {
    message = vscode.l10n.t('The send was refused: {0} Buy credit in the dashboard, then send again.', text);
    actions.push(dashboard);
  } else if (error.kind === 'api' && isIpRefused(error.code)) {
    message = vscode.l10n.t(
      "The send was refused: {0} The account only accepts API calls from the IP addresses listed in its dashboard settings: add this machine's address there, or send from an allowed network.",
      text,
    );
    actions.push(dashboard);
  } else if (error.kind === 'api' && isStopListed(error.code)) {
    const which = stopListedRecipient(plan.recipients, error.providerMessage);
    if (which) {
      message =
        session.service === 'sms'
          ? vscode.l10n.t(
              'The send was refused: {0} is on the STOP SMS list (it unsubscribed). Remove it and send again.',
              which,
            )
          : vscode.l10n.t('The send was refused: {0} is on the unsubscribe list. Remove it and send again.', which);
    }
  } else if (error.isKeyProblem) {
    actions.push(setKey);
  }
  // Not awaited: a notification with buttons stays until dismissed, and the send is over.
  void showError(message, ...actions).then((choice) => {
    if (choice === dashboard) {
      void vscode.commands.executeCommand('partnerExplorer.openInDashboard', session.id);
    } else if (choice === setKey) {
      void vscode.commands.executeCommand('partnerExplorer.replaceApiKey', session.id);
    }
  });
}

/** Which of our recipients a STOP refusal names; the only one when there is one. */
function stopListedRecipient(recipients: readonly string[], providerMessage: string | undefined): string | undefined {
  if (recipients.length === 1) {
    return recipients[0];
  }
  const said = (providerMessage ?? '').toLowerCase();
  const digits = said.replace(/\D/g, '');
  return recipients.find((r) =>
    r.includes('@') ? said.includes(r.toLowerCase()) : digits.includes(r.replace(/\D/g, '').slice(-9)),
  );
}
