import * as vscode from 'vscode';
import type { ServiceId } from '../api';
import { untilAborted } from './toolSignal';
import type { AccountSession } from '../accounts/accountSession';
import { errorText } from '../ui/errorText';
import { accountTitle, noKeyProblem } from './accountChoice';
import { creditsText, type CreditsEntry } from './creditsText';
import { CREDITS_SCHEMA } from './toolSchemas';
import { type PartnerTool, type ToolContext } from './partnerTool';
import { toolAccount, ToolInputProblem } from './toolAccount';

export interface CreditsInput {
  readonly account?: string;
  readonly service?: ServiceId;
}

/** A reading this recent answers without a request (the status bar's polls keep it fresh). */
const FRESH_MS = 30_000;

async function entryOf(session: AccountSession, context: ToolContext, signal: AbortSignal): Promise<CreditsEntry> {
  // The session's shared reading: the tree, the status bar and the history get it too.
  await untilAborted(session.refresh({ maxAgeMs: FRESH_MS }), signal);
  const state = session.state;
  const readings = context.readingsOf(session);
  const base = {
    title: accountTitle(session, context.sharePersonalData()),
    threshold: context.settings().lowCreditThreshold[session.service],
    points: readings ? context.creditHistory.points(readings) : [],
  };
  switch (state.kind) {
    case 'ready':
      return { ...base, reading: { kind: 'ready', account: state.account, readAt: state.updatedAt } };
    case 'error':
      return { ...base, reading: { kind: 'failed', message: errorText(state.error), previous: state.previous } };
    case 'invalidSettings':
      return { ...base, reading: { kind: 'failed', message: state.message } };
    default:
      return {
        ...base,
        reading: { kind: 'failed', message: vscode.l10n.t('The credits could not be read.') },
      };
  }
}

export const creditsTool: PartnerTool<CreditsInput> = {
  name: 'partnerExplorer_credits',
  inputSchema: CREDITS_SCHEMA,
  progressMessage: (input) =>
    input.account
      ? vscode.l10n.t('Reading the credits of {0}…', input.account)
      : vscode.l10n.t('Reading the credits of the Partner accounts…'),
  async run(input, context, signal) {
    let sessions: readonly AccountSession[];
    if (input.account !== undefined) {
      sessions = [toolAccount(context.sessions, input, context.sharePersonalData())];
    } else {
      sessions = context.sessions.all.filter((s) => s.hasKey && (!input.service || s.service === input.service));
      if (sessions.length === 0) {
        throw new ToolInputProblem(noKeyProblem(input.service, vscode.l10n.t));
      }
    }
    const entries = await Promise.all(sessions.map((s) => entryOf(s, context, signal)));
    return creditsText(entries, vscode.l10n.t, vscode.env.language);
  },
};
