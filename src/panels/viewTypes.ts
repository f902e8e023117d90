/** The webview panels' view types (as in `onWebviewPanel:` activation events): known at startup without the panels' code. */
export const MESSAGE_STATUS_VIEW_TYPE = 'partnerExplorer.messageStatus';
export const USAGE_VIEW_TYPE = 'partnerExplorer.usage';
