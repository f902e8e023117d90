import * as vscode from 'vscode';
import { checkMessageId } from '../api';
import { messageIdProblem } from '../ui/inputProblems';
import { askText, givenOrAsk, required } from '../ui/prompt';

/** What a message-id box shows; `validate` is the id's rule, as typed or given. */
function messageIdPrompt(title: string) {
  return {
    title,
    prompt: vscode.l10n.t('The message id returned when the message was sent.'),
    placeHolder: '4242',
    validate: messageIdProblem,
  };
}

/** The id as the provider reads it (spaces dropped); a checked text always has one. */
function idOf(text: string): string {
  const check = checkMessageId(text.replace(/\s+/g, ''));
  return required(check.ok ? check.id : undefined);
}

/** An input box for a message id that validates as you type; Escape throws `UserCancelledError`. */
export async function askMessageIdInInputBox(title: string): Promise<string> {
  return idOf(await askText(messageIdPrompt(title)));
}

/** The message id given (checked, refused in words when it is not one), else asked. */
export async function givenOrAskMessageId(given: unknown, title: string): Promise<string> {
  return idOf(await givenOrAsk(given, messageIdPrompt(title)));
}
