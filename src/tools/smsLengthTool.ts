import * as vscode from 'vscode';
import { measureSms } from '../api/smsLength';
import { SMS_LENGTH_SCHEMA } from './toolSchemas';
import type { PartnerTool } from './partnerTool';
import { smsLengthText } from './smsLengthText';

export interface SmsLengthInput {
  readonly text: string;
  readonly unicode?: boolean;
  readonly stopMention?: boolean;
}

export const smsLengthTool: PartnerTool<SmsLengthInput> = {
  name: 'partnerExplorer_smsLength',
  inputSchema: SMS_LENGTH_SCHEMA,
  progressMessage: () => vscode.l10n.t('Counting the SMS parts…'),
  run(input) {
    // Offline: the provider's rules, no request and no account needed.
    const length = measureSms(input.text, { unicode: input.unicode, stopMention: input.stopMention });
    return Promise.resolve(smsLengthText(length, vscode.l10n.t, vscode.env.language));
  },
};
