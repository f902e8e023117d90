import * as vscode from 'vscode';
import { SERVICES, type ServiceId } from '../api';
import type { AccountSessions } from '../accounts/accountSessions';
import { accountRef } from '../accounts/creditHistory';
import { resolveAccount } from './accountPick';
import { isServiceId, pickService } from './servicePick';
import { showError, showInfo, showWarning } from '../ui/notifications';
import { askKey, checkKey, warnSessionOnly, type KeyCommandDeps } from './keyCheck';

export type { KeyCommandDeps } from './keyCheck';

function accountsDescription(sessions: AccountSessions) {
  return (service: ServiceId) => {
    const count = sessions.forService(service).length;
    return count === 0
      ? vscode.l10n.t('no account')
      : count === 1
        ? vscode.l10n.t('1 account')
        : vscode.l10n.t('{0} accounts', count);
  };
}

/**
 * `Add Account…` (also `Set API Key…`, the same entry point): choose the service,
 * type the key (hidden), check it with `GET /me`, and store it as an account of
 * its own only if the provider accepts it. The same key twice is one account.
 * `key` and `label` are for automation and tests.
 */
export async function addAccount(
  deps: KeyCommandDeps,
  serviceArg?: unknown,
  keyArg?: unknown,
  labelArg?: unknown,
): Promise<boolean> {
  const service = isServiceId(serviceArg)
    ? serviceArg
    : await pickService(vscode.l10n.t('Add Account'), accountsDescription(deps.sessions));
  if (!service) {
    return false;
  }
  const label = SERVICES[service].label;
  if (typeof keyArg === 'string' && !keyArg.trim()) {
    void showError(vscode.l10n.t('The {0} API key cannot be empty.', label));
    return false;
  }
  const key =
    typeof keyArg === 'string'
      ? keyArg.trim()
      : await askKey(
          vscode.l10n.t('{0} API Key', label),
          vscode.l10n.t(
            'Paste the API key of your {0} account. It is checked, then kept in VS Code secret storage.',
            label,
          ),
        );
  if (!key) {
    return false;
  }
  const existing = deps.store.findByKey(service, key);
  if (existing) {
    void showInfo(vscode.l10n.t('This key is already the account {0}.', deps.sessions.get(existing.id)?.name ?? label));
    return true;
  }
  const checked = await checkKey(deps, service, key, () => addAccount(deps, service));
  if (!checked) {
    return false;
  }
  const { persisted } = await deps.store.add(service, key, typeof labelArg === 'string' ? labelArg : undefined);
  await deps.sessions.sync();
  if (!persisted) {
    warnSessionOnly(service);
  } else {
    void showInfo(
      checked.username
        ? vscode.l10n.t('{0} key saved for {1}.', label, checked.username)
        : vscode.l10n.t('{0} key saved.', label),
    );
  }
  return true;
}

/** `Replace API Key…`: a new key for an account (same name, history and recent ids), checked first. */
export async function replaceApiKey(deps: KeyCommandDeps, target?: unknown, keyArg?: unknown): Promise<boolean> {
  const session = await resolveAccount(deps.sessions, target, { title: vscode.l10n.t('Replace API Key') });
  if (!session) {
    return false;
  }
  if (session.keySource === 'environment') {
    void showInfo(vscode.l10n.t('This account comes from {0}; change it there.', SERVICES[session.service].keyEnvVar));
    return false;
  }
  const key =
    typeof keyArg === 'string'
      ? keyArg.trim()
      : await askKey(
          vscode.l10n.t('New API Key for {0}', session.name),
          vscode.l10n.t('Paste the new API key. It is checked, then replaces the old one in VS Code secret storage.'),
        );
  if (!key) {
    return false;
  }
  if (!(await checkKey(deps, session.service, key, () => replaceApiKey(deps, session.id)))) {
    return false;
  }
  const result = await deps.store.replaceKey(session.id, key);
  await deps.sessions.sync();
  if (result && !result.persisted) {
    warnSessionOnly(session.service);
  } else {
    void showInfo(vscode.l10n.t('The API key of {0} was replaced.', session.name));
  }
  return result !== undefined;
}

/**
 * `Remove Account…` (also `Clear API Key…`): a modal that says what goes, then the
 * key, the name, the recent message ids and, when the user says so, the credit
 * readings are forgotten. `forgetHistory` (a boolean) answers the modal for
 * automation and tests.
 */
export async function removeAccount(
  deps: KeyCommandDeps,
  target?: unknown,
  forgetHistoryArg?: unknown,
): Promise<boolean> {
  const session = await resolveAccount(deps.sessions, target, { title: vscode.l10n.t('Remove Account') });
  if (!session) {
    return false;
  }
  if (session.keySource === 'environment') {
    void showInfo(
      vscode.l10n.t(
        'This account comes from {0}; remove it from the environment to remove it here.',
        SERVICES[session.service].keyEnvVar,
      ),
    );
    return false;
  }
  const name = session.name;
  // Whose readings: the account read before the key goes (afterwards nothing says).
  const username = session.account?.user.username;
  const readings = username ? accountRef(session.service, username) : undefined;
  let forget = false;
  if (typeof forgetHistoryArg === 'boolean') {
    forget = forgetHistoryArg;
  } else {
    const keyOnly = vscode.l10n.t('Remove Account');
    const both = vscode.l10n.t('Remove Account and History');
    const hasReadings = readings !== undefined && deps.history.points(readings).length > 0;
    const choice = await deps.confirm(
      vscode.l10n.t('Remove the account {0}?', name),
      hasReadings
        ? vscode.l10n.t(
            "Its API key is forgotten by VS Code. This account's credit readings are kept for the trend and the Credit History. Forget them as well?",
          )
        : vscode.l10n.t('Its API key is forgotten by VS Code. The account itself stays as it is at the provider.'),
      ...(hasReadings ? [keyOnly, both] : [keyOnly]),
    );
    if (choice === undefined) {
      return false;
    }
    forget = choice === both;
  }
  const removed = await deps.store.remove(session.id);
  await deps.recent.clear(session.id);
  if (forget && readings) {
    await deps.history.forget(readings);
  }
  await deps.sessions.sync();
  if (removed?.keyDeleted === false) {
    void showWarning(
      vscode.l10n.t(
        "{0} removed, but the system keyring refused to delete its API key: it is still stored there. Partner Explorer will delete it at the next start; to revoke the key now, regenerate it in the provider's dashboard.",
        name,
      ),
    );
    return true;
  }
  void showInfo(
    forget ? vscode.l10n.t('{0} and its credit history removed.', name) : vscode.l10n.t('{0} removed.', name),
  );
  return true;
}
