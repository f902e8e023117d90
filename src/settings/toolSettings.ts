import * as vscode from 'vscode';
import { SECTION } from './partnerSettings';

/**
 * `partnerExplorer.tools.sharePersonalData`: whether recipients' and sub-accounts'
 * e-mails and numbers may reach a chat model unmasked. Off by default, restricted in
 * untrusted workspaces (a workspace's own settings cannot turn it on there), read at
 * each tool call so turning it off applies at once.
 */
export function sharePersonalDataSetting(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<unknown>('tools.sharePersonalData', false) === true;
}
