import type { ServiceId, StopEntry, Subaccount } from '../api';

/**
 * What menus hand back to commands: the tree's nodes satisfy these shapes, so commands
 * act on a sub-account or a STOP entry without knowing the tree (the linter keeps
 * `commands/` from importing `providers/`).
 */
export interface SubaccountTarget {
  readonly kind: 'subaccount';
  readonly service: ServiceId;
  /** The account whose sub-account this is (commands act with its session). */
  readonly accountId: string;
  readonly subaccount: Subaccount;
}

export interface StopEntryTarget {
  readonly kind: 'stopEntry';
  /** The SMS account whose list this is. */
  readonly accountId: string;
  readonly entry: StopEntry;
}

/** Whether a command argument is a sub-account (menus pass the node back). */
export function isSubaccountTarget(value: unknown): value is SubaccountTarget {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'subaccount' &&
    'subaccount' in value
  );
}

/** Whether a command argument is a STOP entry (menus pass the node back). */
export function isStopEntryTarget(value: unknown): value is StopEntryTarget {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'stopEntry';
}
