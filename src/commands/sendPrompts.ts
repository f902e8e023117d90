import * as vscode from 'vscode';
import { checkSchedule, type Schedule } from '../api';
import type { AccountSession } from '../accounts/accountSession';
import { askText, pickOne, refuseArgument, required } from '../ui/prompt';
import { scheduleProblem } from './sendProblems';
import type { SendFlowDeps, SendMode } from './sendTestFlow';

// The questions both test sends ask (when, sandbox or real, the sender remembered per account)
// and where their text starts: the active editor.

const senderKey = (session: AccountSession) => `partnerExplorer.sendTest.sender.${session.id}`;

export function rememberedSender(deps: SendFlowDeps, session: AccountSession): string {
  return deps.state.get<string>(senderKey(session)) ?? '';
}

export function rememberSender(deps: SendFlowDeps, session: AccountSession, sender: string): Thenable<void> {
  return deps.state.update(senderKey(session), sender);
}

/** A time to send at, asked; Escape throws `UserCancelledError`. */
export async function askSchedule(title: string): Promise<Schedule> {
  const typed = await askText({
    title,
    prompt: vscode.l10n.t('When to send, Paris time (dd/mm/yyyy hh:mm, minutes by fives).'),
    placeHolder: '24/12/2026 09:30',
    validate: scheduleProblem,
  });
  const check = checkSchedule(typed);
  return required(check.ok ? check.schedule : undefined);
}

/** A schedule given in advance: checked, refused in words when it is not a time. */
export function givenSchedule(text: string): Schedule {
  const check = checkSchedule(text);
  return check.ok ? check.schedule : refuseArgument(vscode.l10n.t('Invalid schedule "{0}".', text));
}

/** `Scheduled: 24/12/2026 9:30 (Paris time)`. */
export function scheduleLine(schedule: Schedule): string {
  return vscode.l10n.t(
    'Scheduled: {0} {1}:{2} (Paris time)',
    schedule.date,
    schedule.hour,
    String(schedule.minute).padStart(2, '0'),
  );
}

/** Sandbox first and preselected: a real send is a deliberate choice. */
export async function pickMode(title: string, recipients: number): Promise<SendMode> {
  type Item = vscode.QuickPickItem & { readonly mode: SendMode };
  const items: Item[] = [
    {
      mode: 'sandbox',
      label: `$(beaker) ${vscode.l10n.t('Sandbox')}`,
      description: vscode.l10n.t('default'),
      detail: vscode.l10n.t('Nothing is sent, nothing is charged; the message still gets an id to follow.'),
    },
    {
      mode: 'real',
      label: `$(send) ${vscode.l10n.t('Real send')}`,
      detail: vscode.l10n.t('Sends to {0} recipient(s) and spends credit. You confirm first.', recipients),
    },
  ];
  const picked = await pickOne(items, {
    title,
    placeHolder: vscode.l10n.t('Sandbox or real send?'),
    ignoreFocusOut: true,
  });
  return picked.mode;
}

/** The active editor's selection when it holds text, else its whole document; undefined without an editor. */
export function editorContent():
  { readonly text: string; readonly selected: boolean; readonly document: vscode.TextDocument } | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    return undefined;
  }
  const selected = editor.document.getText(editor.selection);
  return selected.trim() !== ''
    ? { text: selected, selected: true, document: editor.document }
    : { text: editor.document.getText(), selected: false, document: editor.document };
}
