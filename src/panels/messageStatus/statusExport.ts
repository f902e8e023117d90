import * as vscode from 'vscode';
import type { PartnerLogger, ServiceId } from '../../api';
import type { StatusViewData } from '../../webview/messageStatusProtocol';
import { showInfo } from '../../ui/notifications';
import { defaultExportUri, exportFileName, writeCsvExport } from './csvExport';
import { panelStrings, panelTitle, tagPanelTitle } from './panelStrings';
import { toCsv, toJson, toMarkdown } from './statusFormats';

export type CopyFormat = 'csv' | 'markdown' | 'json';

/** What Copy and Export read from a message panel. */
export interface ExportSource {
  readonly service: ServiceId;
  readonly messageId: string;
  /** `tag`: `messageId` is a tag (its export is named so, its Markdown titled so). */
  readonly subject?: 'message' | 'tag';
  /** The sub-account that read the message; named in the Markdown title unless personal data is hidden. */
  readonly subaccount?: string;
  /**
   * The reading, only while the account that read it still reads. Asked again
   * after each wait (a dialog): the account may change meanwhile.
   */
  held(): StatusViewData | undefined;
}

/** The table as text in one of the copy formats; masked when personal data is hidden. */
export function statusText(source: ExportSource, format: CopyFormat, hidePersonal: boolean): string | undefined {
  const data = source.held();
  if (!data) {
    return undefined;
  }
  const s = panelStrings();
  const headers = { recipient: s.recipient, status: s.status, cost: s.cost, stop: s.stop, date: s.date };
  const locale = vscode.env.language;
  switch (format) {
    case 'csv':
      // Excel opens `;`-separated files right where the decimal separator is a comma.
      return toCsv(data.rows, headers, locale.toLowerCase().startsWith('fr') ? ';' : ',', hidePersonal);
    case 'markdown': {
      const who = hidePersonal ? undefined : source.subaccount;
      const title =
        source.subject === 'tag'
          ? tagPanelTitle(source.service, source.messageId, who)
          : panelTitle(source.service, source.messageId, who);
      return toMarkdown(data.rows, { ...headers, title, yes: s.yes, no: s.no }, locale, hidePersonal);
    }
    case 'json':
      return toJson(data, data.rows, hidePersonal);
  }
}

/** Copy as CSV / Markdown / JSON: the text to the clipboard, and how many rows went. */
export async function copyStatus(source: ExportSource, format: CopyFormat, hidePersonal: boolean): Promise<void> {
  const data = source.held();
  const text = statusText(source, format, hidePersonal);
  if (text === undefined || !data) {
    return;
  }
  await vscode.env.clipboard.writeText(text);
  const count = data.rows.length;
  const message =
    format === 'csv'
      ? vscode.l10n.t('Copied {0} rows as CSV.', count)
      : format === 'markdown'
        ? vscode.l10n.t('Copied {0} rows as Markdown.', count)
        : vscode.l10n.t('Copied {0} rows as JSON.', count);
  void showInfo(hidePersonal ? vscode.l10n.t('{0} Personal data hidden.', message) : message);
}

/** Asks where to save the export, proposing a file (or not); undefined when the user cancels. */
export type ExportTargetPrompt = (proposed: vscode.Uri | undefined) => Thenable<vscode.Uri | undefined>;

const saveDialog: ExportTargetPrompt = (proposed) =>
  vscode.window.showSaveDialog({
    ...(proposed ? { defaultUri: proposed } : {}),
    filters: { CSV: ['csv'] },
    saveLabel: vscode.l10n.t('Export'),
  });

/** Export CSV…: asks where (the save dialog), then writes what the panel holds at that moment. */
export async function exportStatusCsv(
  source: ExportSource,
  hidePersonal: boolean,
  log?: PartnerLogger,
  ask: ExportTargetPrompt = saveDialog,
): Promise<void> {
  if (!source.held()) {
    return;
  }
  const target = await ask(defaultExportUri(exportFileName(source.service, source.messageId, source.subject)));
  // The account may have changed while the dialog was open.
  const data = source.held();
  const text = statusText(source, 'csv', hidePersonal);
  if (!target || !data || text === undefined) {
    return;
  }
  await writeCsvExport(target, text, data.rows.length, log);
}
