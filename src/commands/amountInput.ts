import * as vscode from 'vscode';
import { amountInputText, checkCreditAmount, money, type AmountReason } from '../api';
import { formatMoney } from '../ui/localeFormat';

/**
 * Amounts typed in the display language (`src/api/creditAmount.ts` reads them): the reason a
 * text is refused, and the question asked when it reads two ways there (`1.000` in German).
 */

/** Why a typed amount is refused, in words. */
export function amountReasonText(reason: AmountReason, locale: string): string {
  switch (reason) {
    case 'commaDecimal':
      return vscode.l10n.t('A comma separates thousands, as in 1,000: write decimals with a point, such as 1.5.');
    case 'pointDecimal':
      return vscode.l10n.t('A point separates thousands, as in 1.000: write decimals with a comma, such as 1,5.');
    case 'separators':
      return vscode.l10n.t('Write the amount as in {0} or {1}.', amountInputText('1000.5', locale) + '0', '1000');
    case 'empty':
      return vscode.l10n.t('Enter an amount in euros.');
    case 'format':
      return vscode.l10n.t('Enter a positive amount, such as 10 or {0}.', amountInputText('12.5', locale));
    case 'zero':
      return vscode.l10n.t('The amount must be greater than 0.');
    case 'decimals':
      return vscode.l10n.t('At most 3 decimals.');
    case 'tooLarge':
      return vscode.l10n.t('That amount is too large.');
  }
}

/** The input box's note for a text that reads two ways: not an error, the user is asked next. */
export function ambiguousNote(input: string, locale: string): vscode.InputBoxValidationMessage | undefined {
  const check = checkCreditAmount(input, locale);
  if (check.ok || check.reason !== 'ambiguous') {
    return undefined;
  }
  return {
    message: vscode.l10n.t('"{0}" reads two ways: you will be asked which amount you mean.', input.trim()),
    severity: vscode.InputBoxValidationSeverity.Info,
  };
}

export interface AmountReadingItem extends vscode.QuickPickItem {
  readonly amount: string;
}

/** The two readings, as amounts in the display language, each saying how the mark was read. */
export function amountReadingItems(
  input: string,
  readings: readonly [string, string],
  currency: string,
  locale: string,
): AmountReadingItem[] {
  const mark = input.includes(',') ? ',' : '.';
  const [asDecimal, asThousands] = readings;
  return [
    {
      label: formatMoney(money(asDecimal, currency), locale),
      description: vscode.l10n.t('"{0}" read as the decimal mark', mark),
      amount: asDecimal,
    },
    {
      label: formatMoney(money(asThousands, currency), locale),
      description: vscode.l10n.t('"{0}" read as a thousands separator', mark),
      amount: asThousands,
    },
  ];
}

/**
 * An amount typed in the display language, as the canonical text the client sends: asks
 * which reading was meant when it reads two ways. Undefined when the user dismissed the
 * question; the reason when the text is refused.
 */
export async function readTypedAmount(
  input: string,
  currency: string,
  locale: string,
): Promise<{ readonly amount: string } | { readonly refused: string } | undefined> {
  const check = checkCreditAmount(input, locale);
  if (check.ok) {
    return { amount: check.amount };
  }
  if (check.reason !== 'ambiguous') {
    return { refused: amountReasonText(check.reason, locale) };
  }
  const picked = await vscode.window.showQuickPick(amountReadingItems(input, check.readings, currency, locale), {
    title: vscode.l10n.t('Which amount did you mean by "{0}"?', input.trim()),
    placeHolder: vscode.l10n.t('"{0}" reads two ways in this language: choose the amount.', input.trim()),
    ignoreFocusOut: true,
  });
  return picked && { amount: picked.amount };
}
