// The least an extension activated at startup can do: one status-bar item. Its
// activation figure in Running Extensions is the floor of what VS Code itself costs.
exports.activate = function activate(context) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS extension, not bundled
  const vscode = require('vscode');
  const item = vscode.window.createStatusBarItem();
  item.text = 'floor';
  item.show();
  context.subscriptions.push(item);
};
