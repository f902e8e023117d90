import * as vscode from 'vscode';
import {
  costResumeRequest,
  lookupRequest,
  mailSendRequest,
  messageStatusRequest,
  meRequest,
  smsSendRequest,
  stopListRequest,
  subaccountListRequest,
  tagStatusRequest,
  type ApiRequest,
} from '../api/apiRequest';
import { parseIsoDay, type CostRange, type ServiceId } from '../api';
import { phoneProblem } from '../ui/inputProblems';
import { givenOrAsk, pickOne, refuseArgument } from '../ui/prompt';
import { givenOrAskMessageId } from './messageIdPrompt';
import {
  emailsProblem,
  htmlProblem,
  phoneNumbersProblem,
  senderProblem,
  smsTextProblem,
  subjectProblem,
} from './sendProblems';
import { tagProblem } from './statusByTagCommand';

/**
 * Every request Copy as Code offers, and how its inputs are given or asked: each ends in
 * the `ApiRequest` builder the client itself sends with (src/api/apiRequest.ts).
 */

/** What may be given in advance (the palette's arguments, a code action, a test). */
export interface CopyInputs {
  readonly page?: unknown;
  readonly messageId?: unknown;
  readonly tag?: unknown;
  readonly phoneNumber?: unknown;
  /** `lastMonth`, `lastTwelveMonths`, or `{ from, to }` as `YYYY-MM-DD`. */
  readonly range?: unknown;
  readonly recipients?: unknown;
  readonly sender?: unknown;
  readonly message?: unknown;
  readonly subject?: unknown;
  readonly html?: unknown;
  /** A test send's options, as the send had them (true to set): `isStopSms`, `isUnicode`. */
  readonly stopSms?: unknown;
  readonly unicode?: unknown;
  /** True: read with a sub-account's own key (a panel browsing as one); the snippet says so. */
  readonly subaccount?: unknown;
}

export type RequestKindId =
  'credits' | 'subaccounts' | 'messageStatus' | 'tagStatus' | 'testSend' | 'lookup' | 'stopList' | 'statistics';

interface RequestKind {
  readonly label: () => string;
  /** Both services when absent. */
  readonly only?: ServiceId;
  readonly build: (service: ServiceId, given: CopyInputs, title: string) => Promise<ApiRequest>;
}

const pageProblem = (text: string) =>
  /^[1-9]\d{0,5}$/.test(text.trim()) ? undefined : vscode.l10n.t('Enter a page number (1 or more).');

const askPage = async (given: unknown, title: string) =>
  Number(await givenOrAsk(given, { title, prompt: vscode.l10n.t('Page'), value: '1', validate: pageProblem }));

async function askRange(given: unknown, title: string): Promise<CostRange> {
  if (given === 'lastMonth' || given === 'lastTwelveMonths') {
    return { kind: given };
  }
  if (given !== undefined) {
    const { from, to } = (typeof given === 'object' && given) as { from?: unknown; to?: unknown };
    const [a, b] = [parseIsoDay(String(from)), parseIsoDay(String(to))];
    return a && b ? { kind: 'custom', from: a, to: b } : refuseArgument(vscode.l10n.t('Give the range as YYYY-MM-DD.'));
  }
  const picked = await pickOne(
    [
      { label: vscode.l10n.t('Last month'), range: 'lastMonth' as const },
      { label: vscode.l10n.t('Last 12 months'), range: 'lastTwelveMonths' as const },
    ],
    { title },
  );
  return { kind: picked.range };
}

/** One answer a test send needs: where it is given, what the box asks, what refuses it. */
type SendField = readonly [
  name: 'recipients' | 'sender' | 'message' | 'subject' | 'html',
  prompt: () => string,
  validate: (text: string) => string | undefined,
];

/** A test send's answers per service, asked in this order when not given. */
const SEND_FIELDS: Readonly<Record<ServiceId, readonly SendField[]>> = {
  sms: [
    ['recipients', () => vscode.l10n.t('Recipients (international numbers, comma-separated)'), phoneNumbersProblem],
    ['sender', () => vscode.l10n.t('Sender (3 to 11 characters; empty for the operator short code)'), senderProblem],
    ['message', () => vscode.l10n.t('Text'), (t) => smsTextProblem(t)],
  ],
  mail: [
    ['recipients', () => vscode.l10n.t('Recipients (e-mail addresses, comma-separated)'), emailsProblem],
    ['subject', () => vscode.l10n.t('Subject'), subjectProblem],
    ['html', () => vscode.l10n.t('HTML content'), htmlProblem],
  ],
};

async function testSend(service: ServiceId, given: CopyInputs, title: string): Promise<ApiRequest> {
  const stopSms = given.stopSms === true;
  const unicode = given.unicode === true;
  const answers: Partial<Record<SendField[0], string>> = {};
  for (const [name, prompt, validate] of SEND_FIELDS[service]) {
    // The text is measured with the options it is sent with, as the send measured it.
    const check = name === 'message' ? (t: string) => smsTextProblem(t, unicode, stopSms) : validate;
    answers[name] = await givenOrAsk(given[name], { title, prompt: prompt(), validate: check });
  }
  const list = (text = '') => text.split(/[,;]/).map((s) => s.trim());
  return service === 'sms'
    ? smsSendRequest({
        phoneNumbers: list(answers.recipients),
        sender: answers.sender?.trim() || undefined,
        message: answers.message ?? '',
        isStopSms: stopSms,
        isUnicode: unicode,
        sandbox: true,
      })
    : mailSendRequest({
        to: list(answers.recipients),
        subject: answers.subject ?? '',
        htmlContent: answers.html ?? '',
        sandbox: true,
      });
}

export const REQUEST_KINDS: Readonly<Record<RequestKindId, RequestKind>> = {
  credits: { label: () => vscode.l10n.t('Credits (/me)'), build: async () => meRequest() },
  subaccounts: {
    label: () => vscode.l10n.t('A page of sub-accounts'),
    build: async (_s, given, title) => subaccountListRequest(await askPage(given.page, title)),
  },
  messageStatus: {
    label: () => vscode.l10n.t('Delivery status of a message'),
    build: async (_s, given, title) => messageStatusRequest(await givenOrAskMessageId(given.messageId, title)),
  },
  tagStatus: {
    label: () => vscode.l10n.t('Delivery status by tag'),
    only: 'sms',
    build: async (_s, given, title) =>
      tagStatusRequest(
        await givenOrAsk(given.tag, { title, prompt: vscode.l10n.t('Tag'), validate: tagProblem }),
        given.page === undefined ? 1 : await askPage(given.page, title),
      ),
  },
  testSend: { label: () => vscode.l10n.t('A test send in sandbox'), build: testSend },
  lookup: {
    label: () => vscode.l10n.t('Number lookup'),
    only: 'sms',
    build: async (_s, given, title) =>
      lookupRequest(
        await givenOrAsk(given.phoneNumber, { title, prompt: vscode.l10n.t('Phone number'), validate: phoneProblem }),
      ),
  },
  stopList: { label: () => vscode.l10n.t('The STOP list'), only: 'sms', build: async () => stopListRequest(1) },
  statistics: {
    label: () => vscode.l10n.t('Statistics (messages and cost per month)'),
    only: 'sms',
    build: async (_s, given, title) => costResumeRequest(await askRange(given.range, title)),
  },
};

export function isRequestKind(value: unknown): value is RequestKindId {
  return typeof value === 'string' && Object.hasOwn(REQUEST_KINDS, value);
}

/** The kinds a service offers, in the table's order. */
export function kindsOf(service: ServiceId): RequestKindId[] {
  return (Object.keys(REQUEST_KINDS) as RequestKindId[]).filter((k) => (REQUEST_KINDS[k].only ?? service) === service);
}
