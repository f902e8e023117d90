import * as vscode from 'vscode';
import type { ServiceId } from '../../api';
import type { PartnerSettings } from '../../settings/partnerSettings';
import { WORKSPACE_DOCUMENTS } from '../workspaceDocuments';
import { compilePatterns, findMessageIds, type CompiledPattern, type MessageIdMatch } from './messageIdPatterns';

/** The command a message-id link runs: `(id, service | null)`. Registered in the command table. */
export const OPEN_MESSAGE_LINK = 'partnerExplorer.openMessageLink';

/** Where links are looked for: workspace files, local, remote or virtual, and unsaved editors. */
export const LINK_SELECTOR: vscode.DocumentSelector = WORKSPACE_DOCUMENTS;

/** At most this many links per document: enough for any log one reads, cheap for any file. */
export const MAX_LINKS_PER_DOCUMENT = 1000;
/** Terminal and hover lines are cut here: a minified line never costs a scan of megabytes. */
export const MAX_LINE_LENGTH = 4000;

export interface MessageTerminalLink extends vscode.TerminalLink {
  readonly id: string;
  readonly service?: ServiceId;
}

/** A `command:` URI that opens a message's delivery status (arguments: the id and the service, if known). */
export function messageLinkUri(match: Pick<MessageIdMatch, 'id' | 'service'>): vscode.Uri {
  const args = encodeURIComponent(JSON.stringify([match.id, match.service ?? null]));
  return vscode.Uri.parse(`command:${OPEN_MESSAGE_LINK}?${args}`);
}

/**
 * Message ids in editors (links and a hover) and in the integrated terminal (links),
 * all opening the message-status panel. Nothing is scanned while the setting is off,
 * in files larger than `messageLinks.maxFileSize`, or beyond the caps above.
 */
export class MessageLinks
  implements vscode.DocumentLinkProvider, vscode.HoverProvider, vscode.TerminalLinkProvider<MessageTerminalLink>
{
  private compiled: { key: string; patterns: readonly CompiledPattern[] } | undefined;
  private readonly reported = new Set<string>();

  constructor(
    private readonly settings: () => PartnerSettings,
    /** Tells the user about a refused pattern (once per pattern and problem). */
    private readonly warn: (text: string) => void,
  ) {}

  /** The setting's patterns, compiled once per value; refused ones reported once. */
  patterns(): readonly CompiledPattern[] {
    const raw = this.settings().messageLinks.patterns;
    const key = JSON.stringify(raw ?? null);
    if (this.compiled?.key !== key) {
      const check = compilePatterns(raw);
      for (const { source, problem } of check.refused) {
        const id = `${problem}:${source}`;
        if (!this.reported.has(id)) {
          this.reported.add(id);
          this.warn(refusedText(source, problem));
        }
      }
      this.compiled = { key, patterns: check.patterns };
    }
    return this.compiled.patterns;
  }

  /** Whether a document is scanned at all: the setting on, and not larger than the bound. */
  scans(document: vscode.TextDocument): boolean {
    const { enabled, maxFileBytes } = this.settings().messageLinks;
    if (!enabled || document.lineCount === 0) {
      return false;
    }
    // The last line's end offset: a character count, known without copying the text.
    const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
    return length <= maxFileBytes;
  }

  provideDocumentLinks(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.DocumentLink[] {
    if (!this.scans(document) || token.isCancellationRequested) {
      return [];
    }
    const patterns = this.patterns();
    if (patterns.length === 0) {
      return [];
    }
    return findMessageIds(document.getText(), patterns, MAX_LINKS_PER_DOCUMENT).map((m) => {
      const range = new vscode.Range(document.positionAt(m.start), document.positionAt(m.end));
      const link = new vscode.DocumentLink(range, messageLinkUri(m));
      link.tooltip = linkTooltip(m);
      return link;
    });
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!this.scans(document)) {
      return undefined;
    }
    const line = document.lineAt(position.line).text.slice(0, MAX_LINE_LENGTH);
    const match = findMessageIds(line, this.patterns(), MAX_LINKS_PER_DOCUMENT).find(
      (m) => position.character >= m.start && position.character <= m.end,
    );
    if (!match) {
      return undefined;
    }
    const text = new vscode.MarkdownString(
      `[${vscode.l10n.t('Show delivery status')}](${messageLinkUri(match).toString(true)}) · ${linkTooltip(match)}`,
    );
    // Only this one command may run from the hover: nothing else its text could hold.
    text.isTrusted = { enabledCommands: [OPEN_MESSAGE_LINK] };
    return new vscode.Hover(text, new vscode.Range(position.line, match.start, position.line, match.end));
  }

  provideTerminalLinks(context: vscode.TerminalLinkContext): MessageTerminalLink[] {
    if (!this.settings().messageLinks.enabled) {
      return [];
    }
    const line = context.line.slice(0, MAX_LINE_LENGTH);
    return findMessageIds(line, this.patterns(), 50).map((m) => ({
      startIndex: m.start,
      length: m.end - m.start,
      tooltip: linkTooltip(m),
      id: m.id,
      service: m.service,
    }));
  }

  async handleTerminalLink(link: MessageTerminalLink): Promise<void> {
    await vscode.commands.executeCommand(OPEN_MESSAGE_LINK, link.id, link.service ?? null);
  }
}

function linkTooltip(m: Pick<MessageIdMatch, 'id' | 'service'>): string {
  return m.service === 'sms'
    ? vscode.l10n.t('Show the delivery status of SMS message {0}', m.id)
    : m.service === 'mail'
      ? vscode.l10n.t('Show the delivery status of e-mail message {0}', m.id)
      : vscode.l10n.t('Show the delivery status of message {0}', m.id);
}

function refusedText(
  source: string,
  problem: ReturnType<typeof compilePatterns>['refused'][number]['problem'],
): string {
  const setting = 'partnerExplorer.messageLinks.patterns';
  switch (problem) {
    case 'notText':
      return vscode.l10n.t('{0}: every entry must be a regular expression as text; ignoring {1}.', setting, source);
    case 'tooLong':
      return vscode.l10n.t('{0}: the pattern {1} is too long; ignoring it.', setting, source);
    case 'invalid':
      return vscode.l10n.t('{0}: {1} is not a valid regular expression; ignoring it.', setting, source);
    case 'groups':
      return vscode.l10n.t(
        '{0}: {1} must have exactly one capture group, around the id (use (?:…) for the others); ignoring it.',
        setting,
        source,
      );
    case 'empty':
      return vscode.l10n.t('{0}: {1} matches empty text; ignoring it.', setting, source);
  }
}
