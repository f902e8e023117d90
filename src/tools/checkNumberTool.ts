import * as vscode from 'vscode';
import { checkPhoneNumber } from '../api';
import { readNumberCheck } from '../accounts/numberCheck';
import { numberCheckText } from '../ui/numberCheckText';
import { phoneProblem } from '../ui/inputProblems';
import { maskRecipient } from '../ui/personalData';
import { accountTitle } from './accountChoice';
import { assertUsable } from './assertUsable';
import type { PartnerTool } from './partnerTool';
import { toolAccount, ToolInputProblem } from './toolAccount';
import { CHECK_NUMBER_SCHEMA } from './toolSchemas';

export interface CheckNumberInput {
  readonly phoneNumber: string;
  readonly account?: string;
}

/**
 * The provider's free format check (`lookup`) and the SMS account's STOP list, as
 * *Check Phone Number…* answers. The number is masked unless sharing is allowed.
 */
export const checkNumberTool: PartnerTool<CheckNumberInput> = {
  name: 'partnerExplorer_checkNumber',
  inputSchema: CHECK_NUMBER_SCHEMA,
  progressMessage: () => vscode.l10n.t('Checking the number and the STOP list…'),
  async run(input, context) {
    const checked = checkPhoneNumber(input.phoneNumber);
    if (!checked.ok) {
      throw new ToolInputProblem(phoneProblem(input.phoneNumber) ?? checked.reason);
    }
    const share = context.sharePersonalData();
    const session = toolAccount(context.sessions, { account: input.account, service: 'sms' }, share);
    assertUsable(session);
    const result = await readNumberCheck(session, checked.e164);
    const { message, detail } = numberCheckText(result, vscode.env.language);
    const text = `${accountTitle(session, share)}: ${message}\n${detail}`;
    if (share) {
      return text;
    }
    // The answer's formats all spell the number: mask each whole number and its formats.
    const formats = [result.lookup.e164, result.lookup.national, result.lookup.international, checked.e164];
    return formats.reduce<string>((t, f) => (f ? t.split(f).join(maskRecipient(f)) : t), text);
  },
};
