import * as vscode from 'vscode';

export interface WebviewPage {
  readonly title: string;
  /** File names in media/, loaded in order. */
  readonly styles: readonly string[];
  /** The panel's own script; media/webviewDom.js (shared helpers) is loaded before it. */
  readonly script: string;
  /** Shared scripts in media/ the panel's script uses (charts.js), loaded after webviewDom.js and before it. */
  readonly shared?: readonly string[];
  /** Serialized into `data-state` on <body> (escaped): the webview's initial state. */
  readonly state?: unknown;
}

/**
 * The HTML shell every panel uses: a strict CSP (nothing but our media/ files and
 * one script carrying a fresh nonce), the UI language, an empty #app the script fills.
 * No API data is ever put here; it arrives by message.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const nonce = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
  // Scripts are built into dist/media (scripts/build.mjs); styles are served as written.
  const script = (file: string) =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'media', file)).toString();
  // The shared helpers first: the panel's script uses their globals.
  const scripts = ['webviewDom.js', ...(page.shared ?? []), page.script];
  const lang = vscode.env.language.replace(/[^A-Za-z-]/g, '');
  const state = page.state === undefined ? '' : ` data-state="${escapeHtml(JSON.stringify(page.state))}"`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource}; font-src ${webview.cspSource};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${page.styles.map((s) => `<link rel="stylesheet" href="${media(s)}">`).join('\n')}
<title>${escapeHtml(page.title)}</title>
</head>
<body${state}>
<main id="app" aria-busy="true"></main>
${scripts.map((f) => `<script nonce="${nonce}" src="${script(f)}"></script>`).join('\n')}
</body>
</html>`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
