import * as vscode from 'vscode';

/**
 * A tooltip built from our own Markdown structure and the API's text inserted as
 * plain text: never trusted, no HTML, so an e-mail like `[x](command:…)` stays text.
 */
export class SafeMarkdown {
  readonly md = new vscode.MarkdownString('', true);

  constructor() {
    this.md.isTrusted = false;
    this.md.supportHtml = false;
  }

  heading(text: string): this {
    this.md.appendMarkdown('**');
    this.md.appendText(text);
    this.md.appendMarkdown('**\n\n');
    return this;
  }

  /** A `label: value` line; both are inserted as text. */
  line(label: string, value: string, icon?: string): this {
    if (icon) {
      this.md.appendMarkdown(`$(${icon}) `);
    }
    this.md.appendText(`${label}: `);
    this.md.appendMarkdown('**');
    this.md.appendText(value);
    this.md.appendMarkdown('**  \n');
    return this;
  }

  text(text: string): this {
    this.md.appendText(text);
    this.md.appendMarkdown('  \n');
    return this;
  }
}
