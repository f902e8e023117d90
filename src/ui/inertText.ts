/**
 * Text for a notification or a dialog, with VS Code's link syntax broken.
 *
 * VS Code renders `[label](https://…)`, `[label](command:…)` and `[label](file:…)`
 * in notification text as links, and a `command:` link runs the command when
 * clicked. The text we show there often carries the provider's words (e-mails,
 * error messages), so a sub-account named `[Cliquez](command:…)` would become a
 * button. A space between `]` and `(` breaks the grammar (it needs them side by
 * side), and an invisible word joiner in a scheme that follows `(` breaks the
 * target as well; the reader sees the same words. Our own strings have no links.
 */
export function inertText(text: string): string {
  return text.replace(/\]\(/g, '] (').replace(/(\(\s*)(command|file|https?)(:)/gi, '$1$2\u2060$3');
}
