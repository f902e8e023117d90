import * as vscode from 'vscode';
import { SECTION } from './partnerSettings';

/** `partnerExplorer.hidePersonalData`: phone numbers masked in the tree and in answers (screen sharing, recordings). */
export function hidePersonalDataSetting(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<unknown>('hidePersonalData', false) === true;
}
