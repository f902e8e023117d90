import * as vscode from 'vscode';
import { checkMessageId, MAX_MESSAGE_ID_LENGTH, SERVICE_IDS, SERVICES, type ServiceId } from '../api';
import type { ServiceSession } from '../accounts/serviceSession';
import type { MessageStatusPanel } from '../providers/messageStatus/messageStatusPanel';
import type { MessageStatusPanels } from '../providers/messageStatus/messageStatusPanels';
import { isServiceId, pickService } from './servicePick';

/** Why a typed message id is refused, or undefined when it is fine. */
export function messageIdProblem(input: string): string | undefined {
  const check = checkMessageId(input);
  if (check.ok) {return undefined;}
  switch (check.reason) {
    case 'empty':
      return vscode.l10n.t('Enter the message id.');
    case 'notDigits':
      return vscode.l10n.t('A message id has digits only.');
    case 'tooLong':
      return vscode.l10n.t('A message id has at most {0} digits.', MAX_MESSAGE_ID_LENGTH);
  }
}

/** `Show Message Status…`: which service (skipped when obvious), which message, then the panel. */
export async function showMessageStatus(
  sessions: Readonly<Record<ServiceId, ServiceSession>>,
  panels: MessageStatusPanels,
  serviceArg?: unknown,
  messageIdArg?: unknown,
): Promise<MessageStatusPanel | undefined> {
  const withKey = SERVICE_IDS.filter((s) => sessions[s].hasKey);
  let service: ServiceId | undefined = isServiceId(serviceArg) ? serviceArg : undefined;
  if (!service) {
    if (withKey.length === 0) {
      const set = vscode.l10n.t('Set API Key…');
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Set an API key first to look up a message.'), set);
      if (choice === set) {await vscode.commands.executeCommand('partnerExplorer.setApiKey');}
      return undefined;
    }
    service = withKey.length === 1 ? withKey[0] : await pickService(vscode.l10n.t('Show Message Status'), () => undefined, withKey);
  }
  if (!service) {return undefined;}
  let id: string | undefined;
  if (messageIdArg !== undefined) {
    const problem = messageIdProblem(String(messageIdArg));
    if (problem) {
      void vscode.window.showErrorMessage(problem);
      return undefined;
    }
    id = String(messageIdArg).replace(/\s+/g, '');
  } else {
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('{0}: Message Status', SERVICES[service].label),
      prompt: vscode.l10n.t('The message id returned when the message was sent.'),
      placeHolder: '4242',
      ignoreFocusOut: true,
      validateInput: messageIdProblem,
    });
    if (typed === undefined) {return undefined;}
    const check = checkMessageId(typed);
    if (!check.ok) {return undefined;}
    id = check.id;
  }
  return panels.show(service, id);
}
