export * from './types';
export * from './partnerError';
export * from './partnerClient';
export * from './smsClient';
export * from './mailClient';
export * from './clientFactory';
export * from './serviceInfo';
export { amountSeparators, type AmountSeparators } from './amountSeparators';
export {
  amountInputText,
  checkApiAmount,
  checkCreditAmount,
  type AmountCheck,
  type AmountReason,
} from './creditAmount';
export { money } from './answers';
export { checkMessageId, MAX_MESSAGE_ID_LENGTH } from './messageId';
export { checkRecipientNumber, checkTag, MAX_TAG_LENGTH } from './recipientQuery';
export { CANCEL_MIN_LEAD_MINUTES, CANCEL_TOO_LATE_CODE } from './providerCodes';
export { maskApiKeyParams, redactSecrets } from './redact';
export { DEFAULT_TIMEOUT_MS } from './transport';
export { Pacer, PROVIDER_PACE, sharedPacer, type EndpointRule, type PacerOptions } from './pacer';
export type { Rate } from './tokenBucket';
export { MAX_ANSWER_BYTES } from './boundedBody';
export { isSaneTime, SANE_DATES } from './providerDates';
export { checkPhoneNumber, type PhoneCheck, type PhoneReason } from './phoneNumber';
export {
  createRequestProblem,
  isPlausibleEmail,
  MAX_NAME_LENGTH,
  type CreatedSubaccount,
  type CreateRequestProblem,
  type SubaccountCreateRequest,
  type SubaccountType,
} from './subaccountAdmin';
export {
  compareDays,
  costRangeKey,
  isoDay,
  parseIsoDay,
  type CalendarDay,
  type CostRange,
  type MonthUsage,
} from './costResume';
export * from './sendRules';
export { isCreditProblem, isIpRefused, isStopListed } from './providerCodes';
export { measureSms, type SmsLength } from './smsLength';
export { classifyActionFailure, type ActionFailure } from './actionOutcome';
