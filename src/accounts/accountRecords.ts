import type * as vscode from 'vscode';
import { SERVICE_IDS, type ServiceId } from '../api';

/** Where an account's key comes from: the tree says so. */
export type KeySource = 'secretStorage' | 'session' | 'environment';

/** An account as the user sees it: never its key. */
export interface AccountInfo {
  readonly id: string;
  readonly service: ServiceId;
  /** The name the user gave it; empty means "use the provider's username". */
  readonly label?: string;
  readonly source: KeySource;
}

/** What removing an account did. */
export interface RemoveResult {
  /** False when the keyring refused to delete the key: it is still stored, and deleted at the next start. */
  readonly keyDeleted: boolean;
}

export interface StoreResult {
  readonly account: AccountInfo;
  /** False when the OS keyring refused: the key is kept for this session only. */
  readonly persisted: boolean;
}

/** What is kept in globalState: ids, services and names, never a key. */
export interface StoredAccount {
  readonly id: string;
  readonly service: ServiceId;
  readonly label?: string;
}

const ACCOUNTS_STATE = 'partnerExplorer.accountList';
/** The SecretStorage name of an account's key. */
export const secretName = (id: string) => `partnerExplorer.account.${id}.apiKey`;
export const isAccountSecret = (name: string) => name.startsWith('partnerExplorer.account.');
/** The id of the account a key from the environment stands for. */
export const environmentAccountId = (service: ServiceId) => `env-${service}`;

function isStored(value: unknown): value is StoredAccount {
  const v = value as StoredAccount | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.id === 'string' &&
    /^[a-z0-9-]{1,40}$/.test(v.id) &&
    SERVICE_IDS.includes(v.service) &&
    (v.label === undefined || typeof v.label === 'string')
  );
}

/** The saved account list, what in it is well formed. */
export function readRecords(state: vscode.Memento): StoredAccount[] {
  const stored = state.get<unknown>(ACCOUNTS_STATE);
  return Array.isArray(stored) ? stored.filter(isStored) : [];
}

export function saveRecords(state: vscode.Memento, records: readonly StoredAccount[]): Thenable<void> {
  return state.update(ACCOUNTS_STATE, records);
}

/** A record with this name (trimmed; empty: none). */
export function named(record: StoredAccount, label: string | undefined): StoredAccount {
  const name = label?.trim();
  return { id: record.id, service: record.service, ...(name ? { label: name } : {}) };
}
