/**
 * `vscode.l10n.t` outside VS Code: tests and the fault run read what the user would
 * read, in English (the key itself) and French (`l10n/bundle.l10n.fr.json`).
 */
import frenchBundle from '../../../l10n/bundle.l10n.fr.json';
import { describeError, type Translate } from '../../../src/ui/errorMessages';
import type { PartnerError } from '../../../src/api';

/** `{0}`, `{1}`… replaced in one pass, as `vscode.l10n.t` does: an argument is never read for placeholders. */
function format(template: string, args: ReadonlyArray<string | number | boolean>): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[+i]) : whole));
}

function translator(bundle: Readonly<Record<string, string>> | undefined): Translate {
  return (message, ...args) => {
    const text = bundle === undefined ? message : bundle[message];
    if (text === undefined) {
      // VS Code would show the English key; a test should hear of the missing translation.
      throw new Error(`no translation for ${JSON.stringify(message)}`);
    }
    return format(text, args);
  };
}

export const english: Translate = translator(undefined);
export const french: Translate = translator(frenchBundle as Record<string, string>);

/** What the user reads for `error`, in English and in French. */
export function userText(error: PartnerError): { en: string; fr: string } {
  return { en: describeError(error, english), fr: describeError(error, french) };
}
