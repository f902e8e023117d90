import * as vscode from 'vscode';
import { isPartnerError } from '../api';
import { describeError } from './errorMessages';

/** The message to show for any failure, in the UI language; never a stack or a key. */
export function errorText(error: unknown): string {
  if (isPartnerError(error)) {
    return describeError(error, vscode.l10n.t);
  }
  if (error instanceof Error && error.message) {
    return error.message;
  }
  return vscode.l10n.t('Something went wrong. See the Partner Explorer log for details.');
}
