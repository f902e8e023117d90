import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerExplorerApi } from '../../../src/testApi';
import type { MessageStatusPanel } from '../../../src/panels/messageStatus/messageStatusPanel';
import type { StopListNode } from '../../../src/providers/tree/stopListNode';
import {
  children,
  clearRecord,
  rendered,
  resetAll,
  sent,
  sessionOf,
  setKeys,
  setSetting,
  settledChildren,
  stopNode,
  waitFor,
} from '../helpers/harness';
import { invoke, unmaskedPersonalData } from '../tools/toolCalls';

/** The STOP numbers the tree shows (labels and tooltips). */
const stopTexts = async (api: PartnerExplorerApi, node: StopListNode): Promise<string> =>
  (await children(api, node))
    .filter((c) => c.contextValue === 'stopEntry')
    .map((c) => `${c.label} ${c.tooltip}`)
    .join('\n');

/** Everything the panel posted to its webview, and what the webview reported drawing. */
const panelTexts = (panel: MessageStatusPanel): string =>
  JSON.stringify(sent(panel)) + JSON.stringify(rendered(panel) ?? '');

/** The latest rows the panel posted, once there are some. */
const postedRows = (panel: MessageStatusPanel) =>
  waitFor(() => {
    const last = sent(panel)
      .filter((m) => m.type === 'data')
      .pop();
    return last?.type === 'data' && last.data.rows.length > 0 ? last.data.rows : undefined;
  }, 'a reading posted');

describe('Hide personal data: one switch', () => {
  const folder = () => vscode.workspace.workspaceFolders?.[0]?.uri;

  afterEach(async () => {
    if (folder()) {
      await vscode.workspace.fs
        .delete(vscode.Uri.joinPath(folder()!, '.vscode'), { recursive: true })
        .then(undefined, () => undefined);
    }
    await setSetting('hidePersonalData', undefined);
    await setSetting('tools.sharePersonalData', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("user true and a folder's false: masked in the tree, the message panels and the tools; a change reaches the open panel and the tree", async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu);
    await setSetting('tools.sharePersonalData', true);
    await setSetting('hidePersonalData', true);
    // A cloned repository's .vscode/settings.json tries to show everything.
    assert.ok(folder(), 'the test host opened a folder');
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder()!, '.vscode', 'settings.json'),
      Buffer.from(JSON.stringify({ 'partnerExplorer.hidePersonalData': false, 'editor.tabSize': 7 })),
    );
    // editor.tabSize says when VS Code has read the file.
    await waitFor(
      () => vscode.workspace.getConfiguration('editor').inspect('tabSize')?.workspaceValue === 7,
      'the folder settings read',
    );

    const node = await stopNode(api);
    await settledChildren(api, node);
    const tree = await stopTexts(api, node);
    assert.match(tree, /\+336•+14/);
    assert.deepEqual(unmaskedPersonalData(tree), [], 'the STOP list in the tree');

    const panel = api.panels.show(sessionOf(api, 'sms'), '4242');
    const rows = await postedRows(panel);
    assert.ok(
      rows.every((r) => r.recipient === r.masked && r.recipient.includes('•')),
      'the webview gets masked recipients only',
    );
    await waitFor(() => (rendered(panel)?.firstRows.length ?? 0) > 0, 'the table drawn');
    assert.deepEqual(unmaskedPersonalData(panelTexts(panel)), [], 'nothing in clear reached the panel');
    assert.ok(
      rendered(panel)!.firstRows.every((cells) => cells[0].includes('•')),
      'the table shows masked numbers',
    );

    const tool = await invoke('partnerExplorer_deliveryStatus', { messageId: '4242', maxRows: 48 });
    assert.deepEqual(unmaskedPersonalData(tool), [], 'the chat tools, although sharing is allowed');

    // The user turns it off: the open panel and the tree show the numbers at once.
    clearRecord(panel);
    await setSetting('hidePersonalData', undefined);
    const clear = await postedRows(panel);
    assert.ok(
      clear.every((r) => /^\+\d{9,}$/.test(r.recipient)),
      'the open panel shows the numbers again',
    );
    assert.ok(
      sent(panel).some((m) => m.type === 'personalData' && !m.hidden),
      "the panel's button says it is off",
    );
    assert.ok(unmaskedPersonalData(await stopTexts(api, node)).length > 0, 'the tree shows the numbers again');

    // And on again, from the user setting: the open panel masks at once.
    clearRecord(panel);
    await setSetting('hidePersonalData', true);
    const again = await postedRows(panel);
    assert.ok(
      again.every((r) => r.recipient.includes('•')),
      'masked again',
    );
  });
});
