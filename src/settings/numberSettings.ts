/**
 * The number settings' allowed values, in one place: `readSettings()` enforces
 * them and a unit test checks that package.json declares the same ones, so what
 * the Settings editor accepts and what the extension uses cannot drift apart.
 */
export interface NumberBounds {
  readonly fallback: number;
  readonly min: number;
  readonly max: number;
  /** Whole numbers only. */
  readonly integer: boolean;
  /** A value below `min` that is allowed and means "off". */
  readonly off?: number;
}

export const NUMBER_SETTINGS = {
  /** Seconds per attempt. */
  requestTimeout: { fallback: 10, min: 1, max: 120, integer: true },
  /** Minutes between status-bar polls: at most one /me per minute per service and window. */
  'statusBar.refreshInterval': { fallback: 5, min: 1, max: 1440, integer: true, off: 0 },
  'lowCreditThreshold.sms': { fallback: 100, min: 0, max: 1_000_000_000, integer: true },
  'lowCreditThreshold.mail': { fallback: 100, min: 0, max: 1_000_000_000, integer: true },
  /** KB: message ids are not looked for in larger files (the scan stays cheap). */
  'messageLinks.maxFileSize': { fallback: 1024, min: 1, max: 51_200, integer: true },
} as const satisfies Record<string, NumberBounds>;

export type NumberSettingKey = keyof typeof NUMBER_SETTINGS;

/**
 * The value to use for a setting: the one given when it is allowed, else the
 * fallback (never something between `off` and `min`, such as 0.001 minutes).
 */
export function boundedNumber(
  value: unknown,
  bounds: NumberBounds,
): { readonly value: number; readonly valid: boolean } {
  const allowed =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (value === bounds.off ||
      (value >= bounds.min && value <= bounds.max && (!bounds.integer || Number.isInteger(value))));
  return allowed ? { value, valid: true } : { value: bounds.fallback, valid: false };
}
