import {
  isCost,
  isCount,
  isCurrency,
  isPositiveInteger,
  isSubaccountType,
  isTokenText,
  isUnixSecondsText,
} from './fieldShapes';
import { isProviderDateTime } from './providerDates';
import { alias, bool, dec, list, num, obj, opt, shaped, str } from './schema';

/**
 * The provider's answer schemas, one per endpoint, with their keys in the documented
 * order (the positional XML follows it). Their mapping to the client's types is answers.ts.
 */

// Shaped leaves: what places positional XML entries and filters JSON values (fieldShapes.ts).
const count = () => shaped(num(), 'a count', isCount);
const positive = () => shaped(num(), 'a positive integer', isPositiveInteger);
const currency = () => shaped(str(), 'a three-letter currency', isCurrency);
const token = () => shaped(str(), 'a token (text that is not a date)', isTokenText);
const dateTime = () => shaped(str(), 'a YYYY-MM-DD HH:MM:SS date', isProviderDateTime);
const unixSeconds = () => shaped(str(), 'Unix seconds', isUnixSecondsText);
const cost = () => shaped(num(), 'a cost', isCost);

const envelope = { success: bool(), code: count() };

export const smsMeSchema = obj({
  ...envelope,
  user: obj({ username: str(), firstname: opt(str()), lastname: opt(str()) }),
  credits: obj({
    creditSms: count(),
    // The docs say creditSmsECO; a recorded real answer says creditSmsLowCost.
    creditSmsECO: opt(alias(count(), 'creditSmsLowCost')),
    creditHlr: opt(count()),
    toSend: opt(count()),
    solde: opt(dec()),
    currency: currency(),
    balance: alias(dec(), 'solde'),
  }),
});

export const mailMeSchema = obj({
  ...envelope,
  user: obj({ username: str() }),
  credits: obj({ creditMail: count(), currency: currency(), balance: dec() }),
});

const subaccountSchema = obj({
  id: positive(),
  email: str(),
  type: opt(shaped(str(), 'simple or advanced', isSubaccountType)),
  token: opt(token()),
  apiKey: opt(token()),
  createdAt: opt(dateTime()),
  credits: obj({ balance: dec(), currency: currency() }),
});

export const subaccountListSchema = shaped(
  obj({
    ...envelope,
    total: opt(count()),
    nb_per_page: positive(),
    page: positive(),
    data: list(subaccountSchema),
  }),
  'a page of at most nb_per_page sub-accounts',
  (p) => p.data.length <= p.nb_per_page,
);

// Both spellings are read for both services: the docs mix them.
const mailStatusRow = obj({
  email: alias(str(), 'phoneNumber'),
  token: opt(token()),
  status: str(),
  cost: opt(cost()),
  stopMail: opt(alias(bool(), 'stopSMS')),
  date: opt(unixSeconds()),
});

const smsStatusRow = obj({
  phoneNumber: alias(str(), 'email'),
  status: str(),
  stopSMS: opt(alias(bool(), 'stopMail')),
  date: opt(unixSeconds()),
  // Not in the docs' SMS sample: optional, and told apart from the date by their shapes.
  cost: opt(cost()),
  token: opt(token()),
});

export const mailStatusSchema = obj({
  ...envelope,
  messageId: alias(str(), 'message_id'),
  StatutResponseList: alias(list(mailStatusRow), 'StatutResponse_List'),
});

export const smsStatusSchema = obj({
  ...envelope,
  message_id: alias(str(), 'messageId'),
  StatutResponse_List: alias(list(smsStatusRow), 'StatutResponseList'),
});

// message-status (SMS): the docs' keys in their order. Its date is `YYYY-MM-DD HH:MM:SS`
// where bulk-status sends Unix seconds: either is read.
const statusDateText = () =>
  shaped(str(), 'a date (YYYY-MM-DD HH:MM:SS or Unix seconds)', (v) => isProviderDateTime(v) || isUnixSecondsText(v));
export const recipientStatusSchema = obj({
  ...envelope,
  number: alias(str(), 'phoneNumber'),
  messageId: alias(str(), 'message_id'),
  stopSms: opt(alias(bool(), 'stopSMS')),
  date: opt(statusDateText()),
  statut: alias(str(), 'status'),
  cost: opt(cost()),
  countryCode: opt(shaped(str(), 'a two-letter country code', (v) => /^[A-Z]{2}$/.test(v))),
  currency: opt(currency()),
});

// bulk-status-by-tag (SMS): paged; the rows are bulk-status's.
export const tagStatusSchema = obj({
  ...envelope,
  currentPage: alias(positive(), 'page'),
  total: opt(count()),
  StatutResponse_List: alias(list(smsStatusRow), 'StatutResponseList'),
});

// message-cancel (SMS and Mail): nothing but the envelope and a sentence.
export const cancelSchema = obj({ ...envelope, message: opt(str()) });

export const creditTransferSchema = obj({
  ...envelope,
  credit: dec(),
  subaccountCredit: dec(),
  currency: currency(),
});

// A send's answer, in the single-send page's order (the bulk page orders them otherwise:
// this client sends one request with `phoneNumbers`, whose answer is the single-send one).
const messageIdText = () => shaped(str(), 'a message id', (v) => /^\S{1,64}$/.test(v.trim()));

export const smsSendSchema = obj({
  ...envelope,
  message_id: alias(messageIdText(), 'messageId'),
  nb_sms: opt(alias(count(), 'nbSMS', 'nbSms')),
  cost: opt(dec()),
  currency: opt(currency()),
  scheduledDeliveryDate: opt(dateTime()),
});

export const mailSendSchema = obj({
  ...envelope,
  messageId: alias(messageIdText(), 'message_id'),
  nbMail: opt(alias(count(), 'nb_mail', 'nbMails')),
  cost: opt(dec()),
  currency: opt(currency()),
  scheduledDeliveryDate: opt(dateTime()),
});
