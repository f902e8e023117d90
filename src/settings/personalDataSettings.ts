import * as vscode from 'vscode';
import { SECTION } from './partnerSettings';

/**
 * `partnerExplorer.hidePersonalData`: phone numbers and e-mails masked in the tree,
 * the message panels and the answers (screen sharing, recordings). One switch for
 * all. It is an application setting, and on top of that true at any level wins: a
 * folder's `.vscode/settings.json` can never show what the user chose to hide.
 */
export function hidePersonalDataSetting(): boolean {
  const values = vscode.workspace.getConfiguration(SECTION).inspect<unknown>('hidePersonalData');
  return [values?.globalValue, values?.workspaceValue, values?.workspaceFolderValue].some((v) => v === true);
}

/** What a panel's *Hide personal data* button does: changes the user's setting, so every view follows. */
export async function setHidePersonalData(hidden: boolean): Promise<void> {
  await vscode.workspace
    .getConfiguration(SECTION)
    .update('hidePersonalData', hidden ? true : undefined, vscode.ConfigurationTarget.Global);
}
