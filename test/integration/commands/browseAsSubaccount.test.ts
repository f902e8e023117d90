import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BrowseResult } from '../../../src/commands/browseAsSubaccount';
import type { SubaccountNode } from '../../../src/providers/tree/subaccountNode';
import type { MessageStatusPanel } from '../../../src/panels/messageStatus/messageStatusPanel';
import { findLogFiles, resetAll, sent, sessionOf, setKeys, waitFor } from '../helpers/harness';

async function firstSubaccount(
  api: Awaited<ReturnType<typeof resetAll>>['api'],
  service: 'sms' | 'mail',
): Promise<SubaccountNode> {
  const group = api.tree.root(service).subaccounts;
  const nodes = await waitFor(async () => {
    const children = await group.getChildren();
    return children.some((c) => (c as SubaccountNode).kind === 'subaccount') ? children : undefined;
  }, 'sub-accounts listed');
  return nodes.find((c) => (c as SubaccountNode).kind === 'subaccount') as SubaccountNode;
}

for (const format of ['json', 'xml'] as const) {
  describe(`Browse as Sub-account (${format} answers)`, () => {
    afterEach(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it("reads the sub-account's own credits and messages with its key, which is stored nowhere", async () => {
      const { api, emu } = await resetAll(format);
      await setKeys(api, emu, ['sms']);
      const node = await firstSubaccount(api, 'sms');
      const subKey = node.subaccount.apiKey!;
      const result = await vscode.commands.executeCommand<BrowseResult>(
        'partnerExplorer.browseAsSubaccount',
        node,
        '8001',
      );
      assert.ok(result?.panel);
      assert.equal(result.account.user.username, node.subaccount.email);
      assert.equal(result.panel.panel.title, `Message 8001 · SMS Partner · ${node.subaccount.email}`);
      const data = await waitFor(() => result.panel!.current, 'the sub-account message');
      assert.equal(data.rows.length, 6);
      // The main account's key cannot read it: the sub-account's key really was used.
      const main = await vscode.commands.executeCommand<MessageStatusPanel>(
        'partnerExplorer.showMessageStatus',
        'sms',
        '8001',
      );
      await waitFor(() => sent(main).find((m) => m.type === 'error'), 'the main account gets "not found"');
      // Nowhere at rest: SecretStorage, settings, globalState, workspaceState, the webview.
      const secrets = api.store.accounts.map((a) => ({ key: api.store.key(a.id) }));
      assert.ok(!secrets.some((k) => k?.key === subKey));
      const everything = JSON.stringify([
        vscode.workspace.getConfiguration('partnerExplorer'),
        api.storage.global.keys().map((k) => api.storage.global.get(k)),
        api.storage.workspace.keys().map((k) => api.storage.workspace.get(k)),
        result.panel.panel.webview.html,
        sent(result.panel),
      ]);
      assert.ok(!everything.includes(subKey), 'the sub-account key is not kept or shown');
      assert.deepEqual(
        api.recentMessages.list(sessionOf(api, 'sms').id).includes('8001'),
        false,
        "a sub-account's ids are not offered to the main account",
      );
      const files = await findLogFiles(api.logUri);
      assert.ok(files.length > 0);
      let log = '';
      for (const f of files) {
        log += new TextDecoder().decode(await vscode.workspace.fs.readFile(f));
      }
      assert.match(log, /bulk-status\?[^\n]*apiKey=\*\*\*/);
      assert.ok(!log.includes(subKey), 'the log scrubs the sub-account key');
    });
  });
}
