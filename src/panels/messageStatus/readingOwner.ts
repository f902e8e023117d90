/**
 * Whether a reading may still be shown, copied or exported: only while the account
 * that read it (its lifetime signal, `AccountSession.accountSignal`) is the one the
 * panel reads with now, and has not ended. Data belongs to the account that read it.
 */
export function stillOwned(readUnder: AbortSignal | undefined, current: AbortSignal): boolean {
  return readUnder !== undefined && readUnder === current && !readUnder.aborted;
}
