import * as vscode from 'vscode';
import type { ServiceId } from '../api';
import { accountTitle } from './accountChoice';
import { FIND_SUBACCOUNT_SCHEMA, DEFAULT_MAX_RESULTS } from './toolSchemas';
import { type PartnerTool } from './partnerTool';
import { subaccountMatchText } from './subaccountMatchText';
import { toolMatchesSubaccount } from './toolSubaccountMatch';
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
    const share = context.sharePersonalData();
    const matches = index.items.filter((s) => toolMatchesSubaccount(s, input.query, share));
    return subaccountMatchText(
      {
        title: accountTitle(session, share),
        matches,
        searched: index.items.length,
        maxResults: input.maxResults ?? DEFAULT_MAX_RESULTS,
        readAt: index.readAt,
        sharePersonalData: share,
      },
      vscode.l10n.t,
      vscode.env.language,
    );
  },
};
