import * as vscode from 'vscode';
import { createClient, isPartnerError, SERVICES, type ServiceId } from '../api';
import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';
import type { AccountStore } from '../accounts/accountStore';
import { accountRef, type CreditHistory } from '../accounts/creditHistory';
import type { RecentMessages } from '../accounts/recentMessages';
import { errorText } from '../ui/errorText';
import type { PartnerLog } from '../log/partnerLog';
import { describeApiUrlProblem, type PartnerSettings } from '../settings/partnerSettings';
import { resolveAccount } from './accountPick';
import { isServiceId, pickService } from './servicePick';
import { showError, showInfo, showWarning, withNotificationProgress } from '../ui/notifications';

export interface KeyCommandDeps {
  readonly store: AccountStore;
  readonly sessions: AccountSessions;
  readonly log: PartnerLog;
  readonly settings: () => PartnerSettings;
  readonly history: CreditHistory;
  readonly recent: RecentMessages;
  /** A modal question; the action chosen, or undefined when dismissed. */
  readonly confirm: (message: string, detail: string, ...actions: string[]) => Thenable<string | undefined>;
}

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

async function askKey(title: string, prompt: string): Promise<string | undefined> {
  return (
    await vscode.window.showInputBox({
      title,
      prompt,
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('The key cannot be empty.')),
    })
  )?.trim();
}

/**
 * Checks a key with `GET /me` before anything is stored: the username it reads, or
 * undefined when the user gave up (a rejected key, a cancelled check, or an
 * unreachable provider they chose not to save anyway).
 */
async function checkKey(
  deps: KeyCommandDeps,
  service: ServiceId,
  key: string,
  retry: () => unknown,
): Promise<{ readonly username?: string } | undefined> {
  const label = SERVICES[service].label;
  const settings = deps.settings();
  const url = settings.apiUrl[service];
  if (!url.ok) {
    void showError(describeApiUrlProblem(service, url));
    return undefined;
  }
  const client = createClient(service, {
    baseUrl: url.url,
    apiKey: key,
    format: settings.format,
    timeoutMs: settings.timeoutMs,
    logger: deps.log,
    retry: { retries: 1 },
  });
  deps.log.rememberSecret(key);
  try {
    const account = await withNotificationProgress(
      { title: vscode.l10n.t('Checking the {0} key…', label), cancellable: true },
      (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return client.getCredits({ signal: abort.signal });
      },
    );
    return { username: account.user.username };
  } catch (error) {
    if (isPartnerError(error) && error.kind === 'cancelled') {
      return undefined;
    }
    if (isPartnerError(error) && error.isKeyProblem) {
      const again = vscode.l10n.t('Try Again');
      // Not awaited: the command is done (nothing saved) whether or not the user answers.
      void showError(
        vscode.l10n.t('{0} rejected this API key, so it was not saved. {1}', label, errorText(error)),
        again,
      ).then((choice) => {
        if (choice === again) {
          void retry();
        }
      });
      return undefined;
    }
    const save = vscode.l10n.t('Save Anyway');
    const choice = await showWarning(
      vscode.l10n.t('The key could not be checked: {0}', errorText(error)),
      { modal: true, detail: vscode.l10n.t('Save it without checking?') },
      save,
    );
    return choice === save ? {} : undefined;
  }
}

function warnSessionOnly(service: ServiceId): void {
  void showWarning(
    vscode.l10n.t(
      'The system keyring is not available, so the {0} key is kept for this session only. Set {1} in the environment to keep it across sessions.',
      SERVICES[service].label,
      SERVICES[service].keyEnvVar,
    ),
  );
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
  const name =
    typeof nameArg === 'string'
      ? nameArg
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Rename Account'),
          prompt: vscode.l10n.t('A name for this account; leave empty to show the provider’s username.'),
          value: session.info.label ?? '',
          validateInput: (v) => (v.length > 80 ? vscode.l10n.t('At most {0} characters.', 80) : undefined),
        });
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
