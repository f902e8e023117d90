/**
 * How far ahead a "below the threshold around …" date is worth showing. Beyond it a
 * burn-rate projection means nothing (and a 15,000,000-credit account using one credit
 * a week projects past the last date JavaScript can hold): the line is left out.
 */
export const PROJECTION_HORIZON_MS = 10 * 365 * 86_400_000;

/** The projected date when it falls within the horizon, else undefined. */
export function projectionWithinHorizon(eta: Date | undefined, now = Date.now()): Date | undefined {
  const t = eta?.getTime();
  return t !== undefined && Number.isFinite(t) && t - now <= PROJECTION_HORIZON_MS ? eta : undefined;
}
