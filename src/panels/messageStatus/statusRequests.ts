import * as vscode from 'vscode';
import type { PartnerLogger, ServiceId } from '../../api';
import type { MessageStatusProtocol, StatusViewData } from '../../webview/messageStatusProtocol';
import { showInfo } from '../../ui/notifications';
import type { PanelRequest } from '../webviewPanelBase';
import type { PersonalDataSwitch } from './personalData';
import { copyStatus, exportStatusCsv, type ExportSource } from './statusExport';

/** What answering the webview needs of its panel; the panel stays the one place that holds the reading. */
export interface RequestedPanel {
  readonly service: ServiceId;
  readonly accountId: string;
  readonly messageId: string;
  /** Set when the panel reads with a sub-account's key: its Copy as Code says whose key. */
  readonly subaccount?: string;
  readonly exportSource: ExportSource;
  readonly hidesPersonalData: boolean;
  readonly personalData: PersonalDataSwitch;
  readonly log?: PartnerLogger;
  held(): StatusViewData | undefined;
  load(): Promise<void>;
  personalDataChanged(): void;
}

/**
 * What a message panel does for each button of its webview. Kept apart from the panel
 * (which reads, tracks and shows) because every case here only hands on to a command,
 * the clipboard or the export, after checking the webview asked about what it shows.
 */
export async function answerRequest(
  message: PanelRequest<MessageStatusProtocol>,
  panel: RequestedPanel,
): Promise<void> {
  switch (message.type) {
    case 'refresh':
      return panel.load();
    case 'setKey':
      await vscode.commands.executeCommand('partnerExplorer.setApiKey', panel.service);
      return;
    case 'copyCsv':
      return copyStatus(panel.exportSource, 'csv', panel.hidesPersonalData);
    case 'copyMarkdown':
      return copyStatus(panel.exportSource, 'markdown', panel.hidesPersonalData);
    case 'copyJson':
      return copyStatus(panel.exportSource, 'json', panel.hidesPersonalData);
    case 'hidePersonal': {
      const wanted = message.hidden === true;
      await panel.personalData.setHidden(wanted);
      if (panel.hidesPersonalData !== wanted) {
        // Still hidden (another level of the setting asks for it): the button shows the truth.
        panel.personalDataChanged();
      }
      return;
    }
    case 'copyMessageId':
      await vscode.env.clipboard.writeText(panel.messageId);
      void showInfo(vscode.l10n.t('Message id {0} copied to the clipboard.', panel.messageId));
      return;
    case 'exportCsv':
      return exportStatusCsv(panel.exportSource, panel.hidesPersonalData, panel.log);
    case 'cancelSend':
      if (panel.held()?.canCancel) {
        await vscode.commands.executeCommand('partnerExplorer.cancelScheduledSend', panel.accountId, panel.messageId);
      }
      return;
    case 'copyAsCode': {
      // The request behind what the panel shows: its message, or its tag (first page).
      const tag = panel.held()?.subject === 'tag';
      await vscode.commands.executeCommand(
        'partnerExplorer.copyRequestAsCode',
        panel.accountId,
        tag ? 'tagStatus' : 'messageStatus',
        undefined,
        { [tag ? 'tag' : 'messageId']: panel.messageId, subaccount: panel.subaccount !== undefined },
      );
      return;
    }
    case 'recipientStatus': {
      // Only a recipient of the reading on screen, as the table shows it: the webview cannot ask about anyone else.
      const data = panel.held();
      const row = Number.isInteger(message.row) ? data?.rows[message.row] : undefined;
      const hidden = panel.hidesPersonalData;
      if (data?.canLookUpRecipient && row && (hidden ? row.masked : row.recipient) === message.recipient) {
        await vscode.commands.executeCommand(
          'partnerExplorer.showRecipientStatus',
          panel.accountId,
          panel.messageId,
          row.recipient,
          hidden,
        );
      }
      return;
    }
  }
}
