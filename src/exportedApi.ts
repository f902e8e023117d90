/**
 * What `activate()` returns is readable by every other installed extension
 * (`vscode.extensions.getExtension(...).exports`). The live parts (key store,
 * sessions whose transports hold the keys) would defeat SecretStorage's
 * per-extension isolation, so only our own integration tests get them.
 */

/** `vscode.ExtensionMode.Test`: a published enum value (Production 1, Development 2, Test 3). */
export const EXTENSION_MODE_TEST = 3;

/** The API for an extension running in `mode`: everything in Test mode, nothing otherwise. */
export function exportedApi<T>(mode: number, api: T): T | undefined {
  return mode === EXTENSION_MODE_TEST ? api : undefined;
}
