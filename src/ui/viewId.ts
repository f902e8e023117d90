/** The Accounts view (package.json `contributes.views`). */
export const VIEW_ID = 'partnerExplorer.accounts';
