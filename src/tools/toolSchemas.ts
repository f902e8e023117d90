import type { InputSchema } from '../actions/inputCheck';

export const DEFAULT_MAX_ROWS = 20;
export const DEFAULT_MAX_RESULTS = 10;

/*
 * The tools' input schemas, vscode-free: the tools check inputs with them and
 * `contributes.languageModelTools` in package.json carries the same objects (a unit
 * test compares them).
 */

/** The account fields the tools share. */
export const ACCOUNT_PROPERTIES = {
  account: {
    type: 'string',
    description:
      "The account's name as shown in the Partner Explorer tree, or its id. Leave it out to use the account the user pinned for the service.",
    maxLength: 200,
  },
  service: {
    type: 'string',
    description:
      'sms for SMS Partner, mail for Mail Partner. Needed only when accounts of both services exist and no account is named.',
    enum: ['sms', 'mail'],
    maxLength: 4,
  },
} as const satisfies InputSchema['properties'];

export const CREDITS_SCHEMA: InputSchema = {
  type: 'object',
  properties: ACCOUNT_PROPERTIES,
  additionalProperties: false,
};

export const DELIVERY_STATUS_SCHEMA: InputSchema = {
  type: 'object',
  properties: {
    messageId: {
      type: 'string',
      description: 'The message id the provider returned when the message was sent (digits only), e.g. "4242".',
      minLength: 1,
      maxLength: 40,
    },
    tag: {
      type: 'string',
      description:
        'SMS Partner only, instead of messageId: the tag the messages were sent with; every recipient of every message sent with it.',
      minLength: 1,
      maxLength: 64,
    },
    ...ACCOUNT_PROPERTIES,
    maxRows: {
      type: 'integer',
      description: `How many recipients to list, not delivered first (default ${DEFAULT_MAX_ROWS}). The counts always cover every recipient.`,
      minimum: 1,
      maximum: 200,
    },
  },
  additionalProperties: false,
};

export const FIND_SUBACCOUNT_SCHEMA: InputSchema = {
  type: 'object',
  properties: {
    query: {
      type: 'string',
      description:
        "What to look for: the sub-account's whole e-mail (part of it only when the user shares personal data with tools), part of its token, or its numeric id (matched whole).",
      minLength: 1,
      maxLength: 200,
    },
    ...ACCOUNT_PROPERTIES,
    maxResults: {
      type: 'integer',
      description: `How many matches to list (default ${DEFAULT_MAX_RESULTS}); the answer gives the total.`,
      minimum: 1,
      maximum: 50,
    },
  },
  required: ['query'],
  additionalProperties: false,
};

export const SMS_LENGTH_SCHEMA: InputSchema = {
  type: 'object',
  properties: {
    text: {
      type: 'string',
      description: 'The SMS text exactly as it will be sent (spaces and line breaks count).',
      minLength: 1,
      maxLength: 5000,
    },
    unicode: {
      type: 'boolean',
      description:
        'true when the SMS is sent with isUnicode=1 (every character kept, 70 units per part); false or absent for GSM 03.38 (160 units, some characters replaced or removed).',
    },
    stopMention: {
      type: 'boolean',
      description:
        'true when the SMS is sent with isStopSms=1: the provider appends the STOP mention, which is counted.',
    },
  },
  required: ['text'],
  additionalProperties: false,
};

export const SEND_TEST_SCHEMA: InputSchema = {
  type: 'object',
  properties: {
    recipients: {
      type: 'array',
      description:
        'Where the test goes: international phone numbers (+33612345678) for SMS Partner, e-mail addresses for Mail Partner. At most 5.',
      items: { type: 'string', minLength: 3, maxLength: 254 },
      minItems: 1,
      maxItems: 5,
    },
    text: {
      type: 'string',
      description: 'SMS Partner: the SMS text. Mail Partner: the HTML content of the e-mail.',
      minLength: 1,
      maxLength: 100000,
    },
    subject: {
      type: 'string',
      description: 'Mail Partner only (required there): the subject of the e-mail.',
      maxLength: 255,
    },
    sender: {
      type: 'string',
      description: 'SMS Partner only: the sender name, 3 to 11 letters or digits. Leave it out for the default.',
      maxLength: 11,
    },
    ...ACCOUNT_PROPERTIES,
  },
  required: ['recipients', 'text'],
  additionalProperties: false,
};

export const CHECK_NUMBER_SCHEMA: InputSchema = {
  type: 'object',
  properties: {
    phoneNumber: {
      type: 'string',
      description:
        'The phone number to check: international (+33612345678) or French national format (0612345678; an overseas department’s 0692123456 is read as +262692123456); spaces and dots are fine.',
      minLength: 3,
      maxLength: 32,
    },
    account: ACCOUNT_PROPERTIES.account,
  },
  required: ['phoneNumber'],
  additionalProperties: false,
};
