/** Human meanings of the provider's documented error codes, in English and French. */

export interface LocalizedText {
  readonly en: string;
  readonly fr: string;
}

/** Which operation failed: the credit-transfer endpoints reuse small codes with other meanings. */
export type ErrorContext = 'general' | 'transfer';

const GENERAL: Readonly<Record<number, LocalizedText>> = {
  1: { en: 'the API key is missing', fr: 'la clé API est manquante' },
  3: { en: 'the message id is missing', fr: "l'identifiant du message est manquant" },
  4: { en: 'no message with this id was found', fr: 'aucun message ne porte cet identifiant' },
  10: { en: 'the API key is wrong', fr: 'la clé API est incorrecte' },
  11: { en: 'the account has insufficient credit', fr: 'le crédit du compte est insuffisant' },
  20: { en: 'the account is disabled', fr: 'le compte est désactivé' },
  30: { en: 'the account is blocked', fr: 'le compte est bloqué' },
  40: { en: 'API access is denied for this account', fr: "l'accès à l'API est refusé pour ce compte" },
  96: { en: "this machine's IP address is not authorized", fr: "l'adresse IP de cette machine n'est pas autorisée" },
  429: { en: 'too many requests', fr: 'trop de requêtes' },
  500: { en: 'the provider has a queueing problem', fr: "le fournisseur a un problème de file d'attente" },
};

const TRANSFER: Readonly<Record<number, LocalizedText>> = {
  1: GENERAL[1],
  2: { en: 'the credit amount is missing', fr: 'le montant du crédit est manquant' },
  3: { en: 'the sub-account token is missing', fr: 'le jeton du sous-compte est manquant' },
  4: {
    en: 'this account may not manage sub-account credit',
    fr: "ce compte n'a pas le droit de gérer le crédit des sous-comptes",
  },
  5: { en: 'the credit must be greater than 0', fr: 'le crédit doit être supérieur à 0' },
  6: { en: 'the balance must be greater than 0', fr: 'le solde doit être supérieur à 0' },
  7: { en: 'the sub-account does not exist', fr: "le sous-compte n'existe pas" },
  8: { en: 'the credit is insufficient', fr: 'le crédit est insuffisant' },
  9: { en: 'the API key is invalid', fr: 'la clé API est invalide' },
  10: GENERAL[10],
  11: GENERAL[11],
  96: GENERAL[96],
};

/** The documented meaning of a provider code, or undefined for an undocumented one. */
export function describeApiCode(code: number, context: ErrorContext = 'general'): LocalizedText | undefined {
  return (context === 'transfer' ? TRANSFER : GENERAL)[code];
}

/** Codes that mean the key itself is the problem: the user should set it again. */
export function isKeyProblem(code: number | undefined): boolean {
  return code === 1 || code === 9 || code === 10;
}
