import * as vscode from 'vscode';
import { showError, showInfo } from '../ui/notifications';
import { SERVICES, type ServiceId } from '../api';
import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';
import { formatCount } from '../ui/localeFormat';
import { SERVICE_ICON } from '../ui/serviceIcons';
import { mainCount } from '../accounts/mainCount';
import { isServiceId } from './servicePick';

export interface AccountPickOptions {
  readonly title: string;
  /** Only accounts that can make requests now (a key and valid settings). */
  readonly usable?: boolean;
}

/** The session behind a tree item: an account, or anything under one (a sub-account, a group). */
function sessionOfNode(sessions: AccountSessions, value: unknown): AccountSession | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const v = value as { session?: unknown; accountId?: unknown; parent?: unknown };
  if (typeof v.accountId === 'string') {
    return sessions.get(v.accountId);
  }
  if (typeof v.session === 'object' && v.session !== null && typeof (v.session as { id?: unknown }).id === 'string') {
    return sessions.get((v.session as { id: string }).id);
  }
  return v.parent ? sessionOfNode(sessions, v.parent) : undefined;
}

/**
 * The account a command acts on: the tree item it was run on (or anything under an
 * account), an account id, or a service id; otherwise, and when a service has
 * several accounts, asked with a QuickPick (skipped when only one fits).
 */
export async function resolveAccount(
  sessions: AccountSessions,
  arg: unknown,
  options: AccountPickOptions,
): Promise<AccountSession | undefined> {
  const fromNode = sessionOfNode(sessions, arg);
  if (fromNode) {
    return fromNode;
  }
  if (typeof arg === 'string' && sessions.get(arg)) {
    return sessions.get(arg);
  }
  const service: ServiceId | undefined = isServiceId(arg) ? arg : undefined;
  const candidates = sessions.all.filter(
    (s) => (!service || s.service === service) && s.hasKey && (!options.usable || s.client !== undefined),
  );
  if (candidates.length <= 1) {
    return candidates[0];
  }
  return pickAccount(candidates, options.title);
}

/** A QuickPick of accounts: name, service and count. */
export async function pickAccount(
  candidates: readonly AccountSession[],
  title: string,
): Promise<AccountSession | undefined> {
  const locale = vscode.env.language;
  const items = candidates.map((s) => {
    const account = s.account;
    return {
      label: s.name,
      iconPath: new vscode.ThemeIcon(SERVICE_ICON[s.service]),
      description: [SERVICES[s.service].label, s.info.label ? account?.user.username : undefined]
        .filter(Boolean)
        .join(' · '),
      detail: account ? vscode.l10n.t('{0} credits', formatCount(mainCount(account), locale)) : undefined,
      session: s,
    };
  });
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Choose an account') });
  return picked?.session;
}

/**
 * The SMS Partner account an SMS-only request runs on (`target`, or asked): `none` said
 * when there is none to use, `notSms` when the one named is a Mail Partner account.
 */
export async function resolveSmsAccount(
  sessions: AccountSessions,
  target: unknown,
  title: string,
  words: { readonly none: string; readonly notSms: string },
): Promise<AccountSession | undefined> {
  const session = await resolveAccount(sessions, target ?? 'sms', { title, usable: true });
  if (!session) {
    void showInfo(words.none);
    return undefined;
  }
  if (session.service !== 'sms') {
    void showError(words.notSms);
    return undefined;
  }
  return session;
}
