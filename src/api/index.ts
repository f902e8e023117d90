export * from './types';
export * from './partnerError';
export * from './partnerClient';
export * from './serviceInfo';
export {
  amountConvention,
  amountInputText,
  checkApiAmount,
  checkCreditAmount,
  type AmountCheck,
  type AmountReason,
} from './creditAmount';
export { money } from './answers';
export { checkMessageId, MAX_MESSAGE_ID_LENGTH } from './messageId';
export { maskApiKeyParams, redactSecrets } from './redact';
export { DEFAULT_TIMEOUT_MS } from './transport';
export { Pacer, PROVIDER_PACE, sharedPacer, type EndpointRule, type PacerOptions } from './pacer';
export type { Rate } from './tokenBucket';
export { MAX_ANSWER_BYTES } from './boundedBody';
export { isSaneTime, SANE_DATES } from './providerDates';
export { checkPhoneNumber, type PhoneCheck, type PhoneReason } from './phoneNumber';
