import * as vscode from 'vscode';
import type { EmulatorHandle } from '../helpers/harness';

export const TOOL_NAMES = [
  'partnerExplorer_credits',
  'partnerExplorer_deliveryStatus',
  'partnerExplorer_findSubaccount',
  'partnerExplorer_smsLength',
  'partnerExplorer_sendTest',
  'partnerExplorer_checkNumber',
] as const;

/** Invokes a tool the way a chat participant would, without Copilot (no invocation token): its text. */
export async function invoke(name: string, input: object, token?: vscode.CancellationToken): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }, token);
  return result.content
    .map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : JSON.stringify(part)))
    .join('');
}

/** Phone numbers and e-mail addresses left whole in a result (masked ones carry "•"). */
export function unmaskedPersonalData(text: string): string[] {
  return [
    ...(text.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g) ?? []),
    ...(text.match(/\+\d{9,}|\b0\d{9}\b/g) ?? []),
  ];
}

/** Every API key the emulator knows (main accounts and sub-accounts) found in a result. */
export function keysIn(text: string, emu: EmulatorHandle): string[] {
  const keys = [emu.apiKey('sms'), emu.apiKey('mail')];
  return [...keys.filter((k) => text.includes(k)), ...(text.match(/(?:sms|mail)-subkey-\d+-9c4e/g) ?? [])];
}

/** Requests the emulator received to the API (not its control endpoints). */
export async function apiRequests(emu: EmulatorHandle): Promise<number> {
  return (await emu.requests()).length;
}
