import * as vscode from 'vscode';
import { checkTag, MAX_TAG_LENGTH } from '../api';
import type { AccountSessions } from '../accounts/accountSessions';
import { formatCount } from '../ui/localeFormat';
import type { MessageStatusPanel } from '../panels/messageStatus/messageStatusPanel';
import type { MessageStatusPanels, TagReadProgress } from '../panels/messageStatus/messageStatusPanels';
import { resolveSmsAccount } from './accountPick';
import { givenOrAsk, prompted } from '../ui/prompt';

export interface StatusByTagDeps {
  readonly sessions: AccountSessions;
  readonly panels: MessageStatusPanels;
}

/** Why a typed tag is refused, or undefined when it is fine. */
export function tagProblem(input: string): string | undefined {
  const check = checkTag(input);
  if (check.ok) {
    return undefined;
  }
  switch (check.reason) {
    case 'empty':
      return vscode.l10n.t('Enter the tag the messages were sent with.');
    case 'tooLong':
      return vscode.l10n.t('A tag has at most {0} characters.', MAX_TAG_LENGTH);
    case 'characters':
      return vscode.l10n.t('A tag is one line of text.');
  }
}

/** Every page of a tag is read with a progress line in the status bar (it may take a while). */
const windowProgress: TagReadProgress = (tag, read) =>
  Promise.resolve(
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Tag {0}', tag) },
      (progress) =>
        read(({ page, loaded, total }) =>
          progress.report({
            message:
              total === undefined
                ? vscode.l10n.t('page {0}: {1} recipients', page, formatCount(loaded, vscode.env.language))
                : vscode.l10n.t(
                    'page {0}: {1} of {2} recipients',
                    page,
                    formatCount(loaded, vscode.env.language),
                    formatCount(total, vscode.env.language),
                  ),
          }),
        ),
    ),
  );

/**
 * `Show Status by Tag…`: the recipients of every message sent with a tag
 * (`bulk-status-by-tag`, SMS Partner, all pages), in the message-status panel with its
 * counts, table, export and live tracking.
 */
export async function showStatusByTag(
  deps: StatusByTagDeps,
  target?: unknown,
  tagArg?: unknown,
): Promise<MessageStatusPanel | undefined> {
  const title = vscode.l10n.t('Show Status by Tag');
  const session = await resolveSmsAccount(deps.sessions, target, title, {
    none: vscode.l10n.t('Status by tag needs an SMS Partner account with an API key.'),
    notSms: vscode.l10n.t('Status by tag is an SMS Partner request: choose an SMS Partner account.'),
  });
  if (!session) {
    return undefined;
  }
  return prompted(
    async () => {
      const tag = await givenOrAsk(tagArg, {
        title: `${title} · ${session.label}`,
        prompt: vscode.l10n.t('The tag given when the messages were sent.'),
        placeHolder: 'promo-nov',
        validate: tagProblem,
      });
      const checked = checkTag(tag);
      return checked.ok ? deps.panels.showTag(session, checked.tag, windowProgress) : undefined;
    },
    undefined,
    undefined,
  );
}
