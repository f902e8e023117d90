import * as vscode from 'vscode';
import { meRequest, type ApiRequest } from '../api/apiRequest';
import { codeSnippet, isSnippetLanguage, SNIPPET_LANGUAGES, type SnippetLanguage } from '../api/codeSnippets';
import { SERVICES, type ServiceId } from '../api';
import type { AccountSessions } from '../accounts/accountSessions';
import { isSubaccountTarget } from '../accounts/commandTargets';
import type { PartnerSettings } from '../settings/partnerSettings';
import { showError, showInfo } from '../ui/notifications';
import { pickOne, prompted, refuseArgument } from '../ui/prompt';
import { resolveAccount } from './accountPick';
import { isRequestKind, kindsOf, REQUEST_KINDS, type CopyInputs, type RequestKindId } from './copyRequestKinds';

/*
 * Copy as Code: a request the extension makes, as code in the user's language, on the
 * clipboard. The snippet is written from the very `ApiRequest` the client sends, with the
 * API URL and response format the extension uses; the key is read from the service's
 * environment variable, never written. The extension never shows a snippet, so what the
 * user typed into it (recipients, a number) is not shown either: the notification names the
 * language and the kind of request only (docs/api-decisions.md, "Copy as Code").
 */

export interface CopyAsCodeDeps {
  readonly sessions: AccountSessions;
  readonly settings: () => PartnerSettings;
}

const title = () => vscode.l10n.t('Copy Request as Code');

/** The language given, or asked; a given one that is not offered is refused. */
async function language(given: unknown): Promise<SnippetLanguage> {
  if (given !== undefined) {
    return isSnippetLanguage(given)
      ? given
      : refuseArgument(vscode.l10n.t('{0} is not a language Copy as Code writes.', String(given)));
  }
  const items = (Object.keys(SNIPPET_LANGUAGES) as SnippetLanguage[]).map((id) => ({
    label: SNIPPET_LANGUAGES[id].label,
    id,
  }));
  return (await pickOne(items, { title: title(), placeHolder: vscode.l10n.t('Choose a language') })).id;
}

/**
 * Writes `request` as code to the clipboard and says what was copied (never the key, never
 * the request's values). Returns the language written, or undefined when nothing was.
 */
export async function copySnippet(
  deps: CopyAsCodeDeps,
  service: ServiceId,
  request: ApiRequest,
  what: string,
  givenLanguage: unknown,
  subaccountKey = false,
): Promise<SnippetLanguage | undefined> {
  const settings = deps.settings();
  const url = settings.apiUrl[service];
  if (!url.ok) {
    void showError(vscode.l10n.t('The {0} API URL setting is not valid: fix it first.', SERVICES[service].label));
    return undefined;
  }
  const lang = await language(givenLanguage);
  const input = { service, baseUrl: url.url, format: settings.format, request, subaccountKey };
  await vscode.env.clipboard.writeText(codeSnippet(lang, input));
  void showInfo(
    vscode.l10n.t(
      '{0} code for “{1}” copied to the clipboard. It reads the API key from {2}.',
      SNIPPET_LANGUAGES[lang].label,
      what,
      SERVICES[service].keyEnvVar,
    ),
  );
  return lang;
}

/**
 * *Partner: Copy Request as Code…*: an account (given or asked), a request (given or
 * picked among its service's), its inputs (given or asked), then a language.
 */
export async function copyRequestAsCode(
  deps: CopyAsCodeDeps,
  target?: unknown,
  kind?: unknown,
  givenLanguage?: unknown,
  inputs?: CopyInputs,
): Promise<SnippetLanguage | undefined> {
  return prompted(
    async () => {
      const session = await resolveAccount(deps.sessions, target, { title: title() });
      if (!session) {
        void showInfo(vscode.l10n.t('Add an account first: the request is written for its service.'));
        return undefined;
      }
      const offered = kindsOf(session.service);
      let id: RequestKindId;
      if (kind === undefined) {
        const items = offered.map((k) => ({ label: REQUEST_KINDS[k].label(), k }));
        id = (await pickOne(items, { title: title(), placeHolder: vscode.l10n.t('Choose a request') })).k;
      } else if (isRequestKind(kind) && offered.includes(kind)) {
        id = kind;
      } else {
        const service = SERVICES[session.service].label;
        return refuseArgument(vscode.l10n.t('{0} has no request “{1}” to copy.', service, String(kind)));
      }
      const request = await REQUEST_KINDS[id].build(session.service, inputs ?? {}, title());
      const what = REQUEST_KINDS[id].label();
      return copySnippet(deps, session.service, request, what, givenLanguage, inputs?.subaccount === true);
    },
    undefined,
    undefined,
  );
}

/** The tree's *Copy Credits Request as Code…*: an account's `/me`, or a sub-account's with its own key. */
export async function copyCreditsAsCode(
  deps: CopyAsCodeDeps,
  node?: unknown,
  givenLanguage?: unknown,
): Promise<SnippetLanguage | undefined> {
  if (!isSubaccountTarget(node)) {
    return copyRequestAsCode(deps, node, 'credits', givenLanguage);
  }
  // Not the sub-account's e-mail: the notification says no personal data.
  const what = vscode.l10n.t('Credits of a sub-account (/me with its own key)');
  return prompted(() => copySnippet(deps, node.service, meRequest(), what, givenLanguage, true), undefined, undefined);
}
