export * from './types';
export * from './partnerError';
export * from './partnerClient';
export * from './serviceInfo';
export { checkCreditAmount } from './creditAmount';
export { money } from './answers';
export { checkMessageId, MAX_MESSAGE_ID_LENGTH } from './messageId';
export { maskApiKeyParams, redactSecrets } from './redact';
export { DEFAULT_TIMEOUT_MS } from './transport';
