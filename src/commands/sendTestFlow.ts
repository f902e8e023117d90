import * as vscode from 'vscode';
import { SERVICES, type AnyClient, type ServiceId } from '../api';
import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';
import type { PartnerLog } from '../log/partnerLog';
import type { MessageStatusPanels } from '../panels/messageStatus/messageStatusPanels';
import { showError } from '../ui/notifications';
import { resolveAccount } from './accountPick';
import { givenAccount, givenArgs } from './actionArgs';
import { commandHost, type Confirm } from './commandHost';
import { sendBusyWords } from './sendPlan';
import { prompted } from '../ui/prompt';

/**
 * What *Send Test SMS…* and *Send Test E-mail…* share before their questions: the
 * arguments checked, the account, its client; then each kind asks its questions and
 * hands a plan to the account's action path (`sendPlan.ts`).
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
  readonly confirm: Confirm;
}

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
 * account resolved, "already in progress" said before any question, then the kind's
 * questions and send; Escape in any of its prompts is `'cancelled'`, an answer given in
 * advance that fails its check `'refused'`.
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
  if (session.actions.refuseIfBusy(sendBusyWords(session), commandHost(deps.confirm))) {
    return 'busy';
  }
  const client = session.client;
  if (!kind.isClient(client)) {
    void showError(vscode.l10n.t('{0} has no API key set.', session.label));
    return 'cancelled';
  }
  return prompted(() => kind.run(deps, session, client, args.value ?? ({} as A)), 'cancelled', 'refused');
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
