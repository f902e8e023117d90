import * as vscode from 'vscode';
import type { PanelPersistedState } from '../../webview/messageStatusProtocol';
import type { WebviewPage } from '../webviewHtml';
import { panelOptions } from '../webviewPanelBase';
import { panelTitle, tagPanelTitle } from './panelStrings';
import type { StatusSource } from './statusSource';

/** How a message panel is created: like every panel, plus Find in its table. */
export function messagePanelOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return panelOptions(extensionUri, { enableFindWidget: true });
}

/** The HTML shell's page: the webview's initial state carries no API data, only what to show. */
export function statusPage(
  source: StatusSource,
  messageId: string,
  hidePersonal: boolean,
  restored?: PanelPersistedState,
): WebviewPage {
  const state: PanelPersistedState = {
    service: source.service,
    accountId: source.accountId,
    messageId,
    subject: source.subject === 'tag' ? 'tag' : undefined,
    subaccount: source.subaccount,
    sort: restored?.sort,
    filterText: typeof restored?.filterText === 'string' ? restored.filterText : undefined,
    filterCategory: restored?.filterCategory,
    hidePersonal,
  };
  return {
    title: sourceTitle(source, messageId),
    styles: ['statusPanel.css'],
    script: 'statusPanel.js',
    state,
  };
}

export function sourceTitle(source: StatusSource, id: string): string {
  const who = source.subaccount ?? source.accountName;
  return source.subject === 'tag' ? tagPanelTitle(source.service, id, who) : panelTitle(source.service, id, who);
}
