import * as vscode from 'vscode';
import type { ServiceId } from '../api';
import { SERVICES } from '../api';
import type { AccountSession } from '../accounts/accountSession';
import { isSubaccountTarget } from '../accounts/commandTargets';
import { showInfo } from '../ui/notifications';
import { askText, givenOrAsk, prompted } from '../ui/prompt';
import { resolveAccount } from './accountPick';
import { warnSessionOnly, type KeyCommandDeps } from './keyCheck';

/** `Rename Account…`: the name shown in the tree, the status bar and panel titles. */
export async function renameAccount(deps: KeyCommandDeps, target?: unknown, nameArg?: unknown): Promise<boolean> {
  const session = await resolveAccount(deps.sessions, target, { title: vscode.l10n.t('Rename Account') });
  if (!session) {
    return false;
  }
  if (session.keySource === 'environment') {
    void showInfo(
      vscode.l10n.t('This account comes from {0}; it cannot be renamed.', SERVICES[session.service].keyEnvVar),
    );
    return false;
  }
  // A given name is cut to 80 characters below rather than refused.
  const name =
    typeof nameArg === 'string'
      ? nameArg
      : await prompted(
          () =>
            askText({
              title: vscode.l10n.t('Rename Account'),
              prompt: vscode.l10n.t('A name for this account; leave empty to show the provider’s username.'),
              value: session.info.label ?? '',
              ignoreFocusOut: false,
              validate: (v) => (v.length > 80 ? vscode.l10n.t('At most {0} characters.', 80) : undefined),
            }),
          undefined,
          undefined,
        );
  if (name === undefined) {
    return false;
  }
  await deps.store.rename(session.id, name.slice(0, 80));
  await deps.sessions.sync();
  return true;
}

/** `Show in Status Bar`: the account the service's status-bar item shows. */
export async function pinAccount(deps: KeyCommandDeps, target?: unknown): Promise<boolean> {
  const session = await resolveAccount(deps.sessions, target, { title: vscode.l10n.t('Show in Status Bar') });
  if (!session) {
    return false;
  }
  await deps.store.pin(session.id);
  await deps.sessions.sync();
  return true;
}

/** `Save as Account…` (Browse as Sub-account): the sub-account's key kept as an account of its own, on request only. */
export async function saveKeyAsAccount(
  deps: KeyCommandDeps,
  service: ServiceId,
  key: string,
  name: string,
): Promise<AccountSession | undefined> {
  const existing = deps.store.findByKey(service, key);
  if (existing) {
    void showInfo(vscode.l10n.t('This key is already the account {0}.', deps.sessions.get(existing.id)?.name ?? name));
    return deps.sessions.get(existing.id);
  }
  const { account, persisted } = await deps.store.add(service, key, name);
  await deps.sessions.sync();
  if (!persisted) {
    warnSessionOnly(service);
  } else {
    void showInfo(vscode.l10n.t('{0} saved as an account.', name));
  }
  return deps.sessions.get(account.id);
}

/**
 * `Save as Account…` on a sub-account item: a name (its e-mail by default), then its key
 * kept as an account of its own. Undefined when the item has no key or the name was not given.
 */
export async function saveSubaccountAsAccount(
  deps: KeyCommandDeps,
  node: unknown,
  nameArg?: unknown,
): Promise<AccountSession | undefined> {
  if (!isSubaccountTarget(node) || !node.subaccount.apiKey) {
    return undefined;
  }
  const { email, apiKey } = node.subaccount;
  const name = await prompted(
    () =>
      givenOrAsk(typeof nameArg === 'string' ? nameArg : undefined, {
        title: vscode.l10n.t('Save as Account'),
        prompt: vscode.l10n.t('A name for the new account.'),
        value: email,
        ignoreFocusOut: false,
      }),
    undefined,
    undefined,
  );
  return name === undefined ? undefined : saveKeyAsAccount(deps, node.service, apiKey, name.trim() || email);
}
