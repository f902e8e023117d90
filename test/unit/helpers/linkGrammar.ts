/**
 * The link grammar of VS Code's notifications and dialogs (`parseLinkedText` in
 * `vs/base/common/linkedText.ts`, the same in the 1.100 build the integration
 * tests run in): what it matches is shown as a link, and a `command:` link runs
 * the command when clicked.
 */
export const VSCODE_NOTIFICATION_LINK =
  /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

/** The parts of `text` VS Code would turn into links in a notification. */
export function linksIn(text: string): string[] {
  return [...text.matchAll(VSCODE_NOTIFICATION_LINK)].map((m) => m[0]);
}
