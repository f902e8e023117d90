import * as vscode from 'vscode';
import { checkMessageId, checkPhoneNumber, MAX_MESSAGE_ID_LENGTH, type PhoneReason } from '../api';

// What commands and chat tools say of a typed value, in the user's language.

/** Why a typed number is refused, in words; undefined when it is fine. */
export function phoneProblem(input: string): string | undefined {
  const checked = checkPhoneNumber(input);
  if (checked.ok) {
    return undefined;
  }
  const reasons: Record<PhoneReason, string> = {
    empty: vscode.l10n.t('Type a phone number.'),
    characters: vscode.l10n.t('Only digits, spaces, dots, dashes, brackets and a leading + are allowed.'),
    national: vscode.l10n.t(
      'Write it in international format (+33612345678) or as a French number, overseas departments included (0612345678, 0692123456).',
    ),
    length: vscode.l10n.t('This number has the wrong number of digits.'),
    countryCode: '',
  };
  if (checked.reason === 'countryCode') {
    return vscode.l10n.t(
      'This number is reached through +{0}, not through the code typed: write it with +{0}, or in French national format (0…).',
      checked.expected,
    );
  }
  return reasons[checked.reason];
}

/** Why a typed message id is refused, or undefined when it is fine. */
export function messageIdProblem(input: string): string | undefined {
  const check = checkMessageId(input);
  if (check.ok) {
    return undefined;
  }
  switch (check.reason) {
    case 'empty':
      return vscode.l10n.t('Enter the message id.');
    case 'notDigits':
      return vscode.l10n.t('A message id has digits only.');
    case 'tooLong':
      return vscode.l10n.t('A message id has at most {0} digits.', MAX_MESSAGE_ID_LENGTH);
  }
}
