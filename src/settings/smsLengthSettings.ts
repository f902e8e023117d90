import * as vscode from 'vscode';
import type { SmsLengthOptions } from '../api/smsLength';
import { SECTION } from './partnerSettings';

/** How the editor counts SMS: the send options the text will go out with. Only `true` turns one on. */
export function smsLengthOptions(scope?: vscode.ConfigurationScope): SmsLengthOptions {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    unicode: config.get<unknown>('smsLength.unicode', false) === true,
    stopMention: config.get<unknown>('smsLength.stopMention', false) === true,
  };
}
