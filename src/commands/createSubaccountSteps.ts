import * as vscode from 'vscode';
import {
  isPlausibleEmail,
  MAX_NAME_LENGTH,
  money,
  SERVICES,
  type Money,
  type ServiceId,
  type SubaccountCreateRequest,
  type SubaccountType,
} from '../api';
import type { AccountSession } from '../accounts/accountSession';
import { formatMoney } from '../ui/localeFormat';
import { askText, pickOne, refuseArgument, required } from '../ui/prompt';
import { ambiguousNote, readTypedAmount } from './amountInput';
import { amountProblem, balanceProblem } from './creditTransfer';

/*
 * The steps of *Create Sub-account…*'s form (type, e-mail, buyer for an advanced one,
 * credit, names), one function each, as the samples' multi-step input: each step titled
 * `n/total`, validated as the user types; Escape anywhere throws `UserCancelledError`
 * and ends the whole form.
 */

/** Why the e-mail is refused as typed, or undefined. */
export function emailProblem(value: string, required: boolean): string | undefined {
  const v = value.trim();
  if (v === '') {
    return required ? vscode.l10n.t('Enter the e-mail address of the sub-account holder.') : undefined;
  }
  return isPlausibleEmail(v) ? undefined : vscode.l10n.t('Enter an e-mail address such as name@example.com.');
}

function nameProblem(value: string): string | undefined {
  return value.trim().length > MAX_NAME_LENGTH
    ? vscode.l10n.t('At most {0} characters.', String(MAX_NAME_LENGTH))
    : undefined;
}

/** The e-mail is optional only for a simple Mail Partner sub-account (the provider makes one up). */
function emailRequired(service: ServiceId, type: SubaccountType): boolean {
  return !(service === 'mail' && type === 'simple');
}

/** The form's running state: where it is, and what every step needs. */
interface Form {
  readonly session: AccountSession;
  readonly locale: string;
  step: number;
  total: number;
}

function stepTitle(form: Form): string {
  return vscode.l10n.t(
    'Create {0} Sub-account ({1}/{2})',
    SERVICES[form.session.service].label,
    String(form.step++),
    String(form.total),
  );
}

async function askType(form: Form): Promise<SubaccountType> {
  const typeItems: (vscode.QuickPickItem & { type: SubaccountType })[] = [
    {
      type: 'simple',
      label: vscode.l10n.t('Simple'),
      detail: vscode.l10n.t('Receives no e-mail or SMS, needs no phone number, cannot buy credit.'),
    },
    {
      type: 'advanced',
      label: vscode.l10n.t('Advanced'),
      detail: vscode.l10n.t('A valid e-mail; the holder signs up like a standard account, with a mobile number.'),
    },
  ];
  const picked = await pickOne(typeItems, {
    title: stepTitle(form),
    placeHolder: vscode.l10n.t('Sub-account type (final: it cannot be changed later)'),
    ignoreFocusOut: true,
  });
  form.total = picked.type === 'advanced' ? 6 : 5;
  return picked.type;
}

function askEmail(form: Form, type: SubaccountType): Promise<string> {
  const needed = emailRequired(form.session.service, type);
  return askText({
    title: stepTitle(form),
    prompt: needed
      ? vscode.l10n.t('E-mail address of the sub-account holder.')
      : vscode.l10n.t('E-mail address of the sub-account holder (optional: the provider makes one up).'),
    placeHolder: 'name@example.com',
    validate: (v) => emailProblem(v, needed),
  });
}

async function askBuyer(form: Form): Promise<boolean> {
  const yes = vscode.l10n.t('Yes: it may buy its own credit');
  const no = vscode.l10n.t('No: credit comes from the main account only');
  const picked = await pickOne([{ label: no }, { label: yes }], {
    title: stepTitle(form),
    placeHolder: vscode.l10n.t('May the sub-account buy its own credit?'),
    ignoreFocusOut: true,
  });
  return picked.label === yes;
}

/** The credit moved at creation, as the canonical text the client sends; undefined for none. */
async function askCredit(form: Form): Promise<string | undefined> {
  const { locale } = form;
  const main = form.session.account?.credits.balance;
  const zero: Money = money('0', main?.currency ?? 'EUR');
  const credit = await askText({
    title: stepTitle(form),
    prompt: main
      ? vscode.l10n.t(
          'Credit in euros moved to it at creation (optional; main account: {0}).',
          formatMoney(main, locale),
        )
      : vscode.l10n.t('Credit in euros moved to it at creation (optional).'),
    placeHolder: vscode.l10n.t('none'),
    validate: (v) =>
      v.trim() === '' ? undefined : (amountProblem(v, 'add', zero, main, locale) ?? ambiguousNote(v, locale)),
  });
  if (credit.trim() === '') {
    return undefined;
  }
  // Read now, so a text that reads two ways (`1.000` in German) is asked about at this step.
  const read = required(await readTypedAmount(credit, zero.currency, locale));
  if ('refused' in read) {
    return refuseArgument(read.refused);
  }
  const problem = balanceProblem(read.amount, 'add', zero, main, locale);
  return problem ? refuseArgument(problem) : read.amount;
}

function askName(form: Form, prompt: string, validate: (v: string) => string | undefined, placeHolder?: string) {
  return askText({ title: stepTitle(form), prompt, placeHolder, validate });
}

/** The whole form, step by step: the request it describes. */
export async function askRequest(session: AccountSession): Promise<SubaccountCreateRequest> {
  const form: Form = { session, locale: vscode.env.language, step: 1, total: 5 };
  const type = await askType(form);
  const email = await askEmail(form, type);
  const isBuyer = type === 'advanced' ? await askBuyer(form) : undefined;
  const creditToAttribute = await askCredit(form);
  const subTitle = await askName(form, vscode.l10n.t('Name of the sub-account (optional).'), nameProblem);
  const holder = await askName(
    form,
    vscode.l10n.t('First and last name of the holder, separated by a comma (optional).'),
    (v) => v.split(',').map(nameProblem).find(Boolean),
    vscode.l10n.t('First name, Last name'),
  );
  const [firstname, ...rest] = holder.split(',');
  return {
    type,
    email: email.trim() || undefined,
    isBuyer,
    creditToAttribute,
    title: subTitle.trim() || undefined,
    firstname: firstname?.trim() || undefined,
    lastname: rest.join(',').trim() || undefined,
  };
}
