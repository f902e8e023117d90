/**
 * A translate function with `vscode.l10n.t`'s signature: the extension passes
 * `vscode.l10n.t`; tests outside VS Code pass one built from the l10n bundles.
 * Every key below is an English sentence with its French in `l10n/bundle.l10n.fr.json`.
 */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;
