import * as vscode from 'vscode';
import { createClient, isPartnerError, SERVICES, type ServiceId } from '../api';
import type { AccountRef, CreditHistory } from '../accounts/creditHistory';
import type { ApiKeyStore } from '../keys/apiKeyStore';
import { errorText } from '../providers/errorText';
import type { PartnerLog } from '../log/partnerLog';
import { describeApiUrlProblem, type PartnerSettings } from '../settings/partnerSettings';
import { isServiceId, pickService } from './servicePick';
import { showError, showInfo, showWarning, withNotificationProgress } from '../providers/notifications';

export interface KeyCommandDeps {
  readonly keys: ApiKeyStore;
  readonly log: PartnerLog;
  readonly settings: () => PartnerSettings;
  readonly history: CreditHistory;
  /** The account a service's key has read, whose credit readings are kept. */
  readonly currentAccount: (service: ServiceId) => AccountRef | undefined;
  /** A modal question; the action chosen, or undefined when dismissed. */
  readonly confirm: (message: string, detail: string, ...actions: string[]) => Thenable<string | undefined>;
}

function keyDescription(keys: ApiKeyStore) {
  return (service: ServiceId) => (keys.peek(service) ? vscode.l10n.t('key set') : vscode.l10n.t('no key'));
}

/**
 * `Set API Key…`: choose the service, type the key (hidden), check it with `GET /me`,
 * and store it only if the provider accepts it. `key` is for automation and tests.
 */
export async function setApiKey(deps: KeyCommandDeps, serviceArg?: unknown, keyArg?: unknown): Promise<boolean> {
  const service = isServiceId(serviceArg) ? serviceArg : await pickService(vscode.l10n.t('Set API Key'), keyDescription(deps.keys));
  if (!service) {return false;}
  const label = SERVICES[service].label;
  let key = typeof keyArg === 'string' ? keyArg.trim() : undefined;
  if (typeof keyArg === 'string' && !key) {
    void showError(vscode.l10n.t('The {0} API key cannot be empty.', label));
    return false;
  }
  key ??= (
    await vscode.window.showInputBox({
      title: vscode.l10n.t('{0} API Key', label),
      prompt: vscode.l10n.t('Paste the API key of your {0} account. It is checked, then kept in VS Code secret storage.', label),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('The key cannot be empty.')),
    })
  )?.trim();
  if (!key) {return false;}

  const settings = deps.settings();
  const url = settings.apiUrl[service];
  if (!url.ok) {
    void showError(describeApiUrlProblem(service, url));
    return false;
  }
  const client = createClient(service, { baseUrl: url.url, apiKey: key, format: settings.format, timeoutMs: settings.timeoutMs, logger: deps.log, retry: { retries: 1 } });
  deps.log.rememberSecret(key);
  let username: string | undefined;
  try {
    const account = await withNotificationProgress(
      { title: vscode.l10n.t('Checking the {0} key…', label), cancellable: true },
      (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return client.getCredits({ signal: abort.signal });
      },
    );
    username = account.user.username;
  } catch (error) {
    if (isPartnerError(error) && error.kind === 'cancelled') {return false;}
    if (isPartnerError(error) && error.isKeyProblem) {
      const again = vscode.l10n.t('Try Again');
      // Not awaited: the command is done (nothing saved) whether or not the user answers.
      void showError(vscode.l10n.t('{0} rejected this API key, so it was not saved. {1}', label, errorText(error)), again).then((choice) => {
        if (choice === again) {void setApiKey(deps, service);}
      });
      return false;
    }
    const save = vscode.l10n.t('Save Anyway');
    const choice = await showWarning(vscode.l10n.t('The key could not be checked: {0}', errorText(error)), { modal: true, detail: vscode.l10n.t('Save it without checking?') }, save);
    if (choice !== save) {return false;}
  }
  const { persisted } = await deps.keys.set(service, key);
  if (!persisted) {
    void showWarning(
      vscode.l10n.t('The system keyring is not available, so the {0} key is kept for this session only. Set {1} in the environment to keep it across sessions.', label, service === 'sms' ? 'SMSPARTNER_API_KEY' : 'MAILPARTNER_API_KEY'),
    );
  } else {
    void showInfo(username ? vscode.l10n.t('{0} key saved for {1}.', label, username) : vscode.l10n.t('{0} key saved.', label));
  }
  return true;
}

/**
 * `Clear API Key…`: forgets the stored key of one service and, when the user
 * says so, the credit readings of the account it read. `forgetHistory` (a
 * boolean) answers that question for automation and tests.
 */
export async function clearApiKey(deps: KeyCommandDeps, serviceArg?: unknown, forgetHistoryArg?: unknown): Promise<boolean> {
  const service = isServiceId(serviceArg) ? serviceArg : await pickService(vscode.l10n.t('Clear API Key'), keyDescription(deps.keys));
  if (!service) {return false;}
  const label = SERVICES[service].label;
  // Whose readings: the account read before the key goes (afterwards nothing says).
  const account = deps.currentAccount(service);
  let forget = false;
  if (typeof forgetHistoryArg === 'boolean') {
    forget = forgetHistoryArg;
  } else if (account && deps.history.points(account).length > 0) {
    const keyOnly = vscode.l10n.t('Clear Key');
    const both = vscode.l10n.t('Clear Key and History');
    const choice = await deps.confirm(
      vscode.l10n.t('Clear the {0} API key?', label),
      vscode.l10n.t("This account's credit readings are kept for the trend and the Credit History. Forget them as well?"),
      keyOnly,
      both,
    );
    if (choice === undefined) {return false;}
    forget = choice === both;
  }
  const remaining = await deps.keys.clear(service);
  if (forget && account) {
    await deps.history.forget(account);
  }
  if (remaining?.source === 'environment') {
    void showInfo(
      vscode.l10n.t('The stored {0} key was cleared; the key from {1} is still in use.', label, service === 'sms' ? 'SMSPARTNER_API_KEY' : 'MAILPARTNER_API_KEY'),
    );
  } else {
    void showInfo(forget ? vscode.l10n.t('{0} key and its credit history cleared.', label) : vscode.l10n.t('{0} key cleared.', label));
  }
  return true;
}
