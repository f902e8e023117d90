// @ts-check
/// <reference lib="dom" />
/* exported el, format, webviewHost */
// DOM helpers both webviews load before their own script (a classic script: these
// are globals). Text only ever goes in through textContent.

/**
 * @param {string} tag
 * @param {{ className?: string, text?: string, attrs?: Record<string, string> }} [options]
 * @param {(Node | undefined)[]} [children]
 */
function el(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [k, v] of Object.entries(options.attrs || {})) node.setAttribute(k, v);
  for (const c of children) if (c) node.appendChild(c);
  return node;
}

/**
 * Fills `{0}`, `{1}`… in a localized template from the host.
 * @param {string} template @param {...(string | number)} args
 */
function format(template, ...args) {
  return template.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

/**
 * The page's side of the host: VS Code's webview API (it may be acquired once), the `#app`
 * root, and `send`, typed by the panel's message union.
 * @template Outgoing
 * @returns {{ vscode: { postMessage(message: Outgoing): void, getState(): any, setState(state: unknown): void }, app: HTMLElement, send: (message: Outgoing) => void }}
 */
function webviewHost() {
  // @ts-expect-error acquireVsCodeApi is provided by VS Code inside webviews.
  const vscode = acquireVsCodeApi();
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));
  return { vscode, app, send: (message) => vscode.postMessage(message) };
}
