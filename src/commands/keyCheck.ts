import * as vscode from 'vscode';
import { createClient, isPartnerError, SERVICES, type ServiceId } from '../api';
import type { AccountSessions } from '../accounts/accountSessions';
import type { AccountStore } from '../accounts/accountStore';
import type { CreditHistory } from '../accounts/creditHistory';
import type { RecentMessages } from '../accounts/recentMessages';
import type { PartnerLog } from '../log/partnerLog';
import { errorText } from '../ui/errorText';
import { showError, showWarning, withNotificationProgress } from '../ui/notifications';
import { askText, prompted } from '../ui/prompt';
import { describeApiUrlProblem, type PartnerSettings } from '../settings/partnerSettings';

// What the key commands share: their dependencies, the hidden key box, the check of a key
// before it is stored, and the warning when the keyring cannot keep it.

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

/** A key, typed hidden; undefined on Escape. */
export async function askKey(title: string, prompt: string): Promise<string | undefined> {
  const typed = await prompted(
    () =>
      askText({
        title,
        prompt,
        password: true,
        validate: (v) => (v.trim() ? undefined : vscode.l10n.t('The key cannot be empty.')),
      }),
    undefined,
    undefined,
  );
  return typed?.trim();
}

/**
 * Checks a key with `GET /me` before anything is stored: the username it reads, or
 * undefined when the user gave up (a rejected key, a cancelled check, or an
 * unreachable provider they chose not to save anyway).
 */
export async function checkKey(
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

export function warnSessionOnly(service: ServiceId): void {
  void showWarning(
    vscode.l10n.t(
      'The system keyring is not available, so the {0} key is kept for this session only. Set {1} in the environment to keep it across sessions.',
      SERVICES[service].label,
      SERVICES[service].keyEnvVar,
    ),
  );
}
