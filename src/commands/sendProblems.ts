import * as vscode from 'vscode';
import {
  checkEmails,
  checkHtmlContent,
  checkPhoneNumbers,
  checkSchedule,
  checkSender,
  checkSmsText,
  MAX_HTML_BYTES,
  MAX_SMS_PARTS,
  MAX_TEST_RECIPIENTS,
  SENDER_MAX,
  SENDER_MIN,
} from '../api';
import { phoneProblem } from '../ui/inputProblems';

// What the test-send prompts say of a typed (or given) value: their `validateInput` and
// the check of an answer given in advance, in the same words.

/** Why typed recipients are refused, or undefined when they are fine. */
export function phoneNumbersProblem(input: string): string | undefined {
  const check = checkPhoneNumbers(input);
  if (check.ok) {
    return undefined;
  }
  switch (check.reason) {
    case 'empty':
      return vscode.l10n.t('Enter at least one number in international format, such as +33612345678.');
    case 'tooMany':
      return vscode.l10n.t('A test goes to at most {0} numbers.', MAX_TEST_RECIPIENTS);
    case 'duplicate':
      return vscode.l10n.t('{0} is there twice.', check.value);
    case 'invalid': {
      // A number written with its + is explained as every phone-number check explains it
      // (digits, country code); one without is not international, whatever else it is.
      const why = check.value.startsWith('+') ? phoneProblem(check.value) : undefined;
      return why
        ? vscode.l10n.t('{0}: {1}', check.value, why)
        : vscode.l10n.t('{0} is not an international number: write it as +33612345678.', check.value);
    }
  }
}

export function senderProblem(input: string): string | undefined {
  const check = checkSender(input);
  if (check.ok) {
    return undefined;
  }
  return check.reason === 'characters'
    ? vscode.l10n.t('Letters, digits and spaces only.')
    : vscode.l10n.t('Between {0} and {1} characters.', SENDER_MIN, SENDER_MAX);
}

export function smsTextProblem(text: string, unicode = false, stopMention = false): string | undefined {
  const check = checkSmsText(text, { unicode, stopMention });
  if (check.ok) {
    return undefined;
  }
  return check.reason === 'empty'
    ? vscode.l10n.t('The message is empty.')
    : vscode.l10n.t('{0} SMS: the provider takes at most {1} per message.', check.parts, MAX_SMS_PARTS);
}

export function emailsProblem(input: string): string | undefined {
  const check = checkEmails(input);
  if (check.ok) {
    return undefined;
  }
  switch (check.reason) {
    case 'empty':
      return vscode.l10n.t('Enter at least one e-mail address.');
    case 'tooMany':
      return vscode.l10n.t('A test goes to at most {0} addresses.', MAX_TEST_RECIPIENTS);
    case 'duplicate':
      return vscode.l10n.t('{0} is there twice.', check.value);
    case 'invalid':
      return vscode.l10n.t('{0} is not an e-mail address.', check.value);
  }
}

export function htmlProblem(html: string): string | undefined {
  const check = checkHtmlContent(html);
  if (check.ok) {
    return undefined;
  }
  return check.reason === 'empty'
    ? vscode.l10n.t('Open an HTML document (or select HTML) to send it as the e-mail.')
    : vscode.l10n.t(
        'The HTML is {0} MB; the provider takes at most {1} MB.',
        (check.bytes / 2 ** 20).toFixed(1),
        MAX_HTML_BYTES / 2 ** 20,
      );
}

/** Why a typed schedule is refused, or undefined when it is fine. */
export function scheduleProblem(input: string): string | undefined {
  const check = checkSchedule(input);
  if (check.ok) {
    return undefined;
  }
  switch (check.reason) {
    case 'format':
      return vscode.l10n.t('Write the date and time as dd/mm/yyyy hh:mm, such as 24/12/2026 09:30.');
    case 'date':
      return vscode.l10n.t('That date or time does not exist.');
    case 'minute':
      return vscode.l10n.t('The provider takes minutes by fives: 00, 05, 10 … 55.');
    case 'past':
      return vscode.l10n.t('That time has passed (Paris time).');
  }
}

/** A subject is required. */
export function subjectProblem(input: string): string | undefined {
  return input.trim() === '' ? vscode.l10n.t('A subject is required.') : undefined;
}
