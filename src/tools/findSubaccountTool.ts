import * as vscode from 'vscode';
import type { ServiceId } from '../api';
import { matchesSubaccount } from '../commands/findSubaccount';
import { accountTitle } from './accountChoice';
import { FIND_SUBACCOUNT_SCHEMA, DEFAULT_MAX_RESULTS } from './toolSchemas';
import { type PartnerTool } from './partnerTool';
import { subaccountMatchText } from './subaccountMatchText';
import { toolAccount } from './toolAccount';
import { assertUsable } from './assertUsable';

export interface FindSubaccountInput {
  readonly query: string;
  readonly account?: string;
  readonly service?: ServiceId;
  readonly maxResults?: number;
}

export const findSubaccountTool: PartnerTool<FindSubaccountInput> = {
  name: 'partnerExplorer_findSubaccount',
  inputSchema: FIND_SUBACCOUNT_SCHEMA,
  progressMessage: () => vscode.l10n.t('Searching the sub-accounts…'),
  async run(input, context, signal) {
    const session = toolAccount(context.sessions, input, context.sharePersonalData());
    assertUsable(session);
    const index = session.subaccountIndex;
    // The account's Find index: no request while it is fresh, else one reading shared with Find.
    await index.load(signal);
    if (signal.aborted) {
      throw new vscode.CancellationError();
    }
    if (index.error !== undefined) {
      throw index.error;
    }
    const matches = index.items.filter((s) => matchesSubaccount(s, input.query));
    return subaccountMatchText(
      {
        title: accountTitle(session, context.sharePersonalData()),
        matches,
        searched: index.items.length,
        maxResults: input.maxResults ?? DEFAULT_MAX_RESULTS,
        readAt: index.readAt,
        sharePersonalData: context.sharePersonalData(),
      },
      vscode.l10n.t,
      vscode.env.language,
    );
  },
};
