import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BrowseResult } from '../../../../src/commands/browseAsSubaccount';
import { DEFAULT_TRACKING } from '../../../../src/panels/messageStatus/liveTracking';
import type { MessageStatusPanel } from '../../../../src/panels/messageStatus/messageStatusPanel';
import type { SubaccountNode } from '../../../../src/providers/tree/subaccountNode';
import type { HostMessage } from '../../../../src/webview/messageStatusProtocol';
import {
  clearRecord,
  type EmulatorHandle,
  rendered,
  replaceKey,
  resetAll,
  sent,
  setKeys,
  setSetting,
  testHooks,
  waitFor,
} from '../../helpers/harness';

type Api = Awaited<ReturnType<typeof resetAll>>['api'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Hides the tab behind an editor and shows it again. The webview is not kept
 * while hidden, so it loads afresh and asks the host (`ready`) what to show:
 * what the host sent it from then on.
 */
async function hideAndShowAgain(panel: MessageStatusPanel): Promise<HostMessage[]> {
  const doc = await vscode.workspace.openTextDocument({ content: 'hides the panel' });
  await vscode.window.showTextDocument(doc, { viewColumn: panel.panel.viewColumn, preview: false });
  await waitFor(() => !panel.panel.visible, 'the panel hidden');
  clearRecord(panel);
  panel.reveal();
  await waitFor(() => sent(panel).some((m) => m.type === 'init'), 'the webview loaded again');
  await waitFor(() => sent(panel).some((m) => m.type === 'data' || m.type === 'error'), 'what the tab shows', 15_000);
  // Anything else the host would send in answer to the webview's `ready`.
  await sleep(500);
  return [...sent(panel)];
}

function assertHoldsNothing(panel: MessageStatusPanel, recipient: string): void {
  assert.equal(panel.current, undefined, 'the panel keeps no reading');
  for (const format of ['csv', 'markdown', 'json'] as const) {
    assert.equal(panel.text(format, false), undefined, `Copy as ${format} gives nothing`);
  }
  assert.ok(!JSON.stringify(sent(panel)).includes(recipient), 'no recipient was sent to the webview');
  assert.equal(rendered(panel), undefined, 'the webview rendered no row');
}

async function firstSubaccount(api: Api, service: 'sms' | 'mail'): Promise<SubaccountNode> {
  const group = api.tree.root(service).subaccounts;
  const nodes = await waitFor(async () => {
    const c = await group.getChildren();
    return c.some((n) => (n as SubaccountNode).kind === 'subaccount') ? c : undefined;
  }, 'sub-accounts listed');
  return nodes.find((n) => (n as SubaccountNode).kind === 'subaccount') as SubaccountNode;
}

async function subKeyRequests(emu: EmulatorHandle, email: string): Promise<number> {
  return (await emu.requests()).filter((r) => r.keyOwner === email).length;
}

describe('A message panel shows only what the current account read', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetAll();
    testHooks().trackingPolicy = DEFAULT_TRACKING;
  });

  const changes: [string, (api: Api) => Thenable<unknown>, string][] = [
    [
      'Clear API Key',
      () => vscode.commands.executeCommand('partnerExplorer.clearApiKey', 'mail', false),
      'Mail Partner has no API key set.',
    ],
    [
      'another key',
      (api) => replaceKey(api, 'mail', 'another-account-key-0000'),
      'Mail Partner: the API key is wrong (code 10). Set the API key again.',
    ],
  ];
  for (const [change, act, expected] of changes) {
    it(`after ${change}, the tab shown again brings back no old recipient; Copy/Export give nothing`, async () => {
      const { api, emu } = await resetAll();
      await setKeys(api, emu, ['mail']);
      const panel = (await vscode.commands.executeCommand<MessageStatusPanel>(
        'partnerExplorer.showMessageStatus',
        'mail',
        '300',
      ))!;
      await waitFor(() => rendered(panel)?.rowCount === 2, 'the two recipients rendered');
      assert.equal(panel.text('csv', false)?.includes('email1'), true);

      await act(api);
      await waitFor(() => sent(panel).some((m) => m.type === 'error'), 'the panel to react to the account change');
      const again = await hideAndShowAgain(panel);

      assert.deepEqual(
        again.filter((m) => m.type === 'data'),
        [],
        'no reading is shown again',
      );
      const error = again.filter((m) => m.type === 'error').pop();
      assert.deepEqual(error, { type: 'error', message: expected, canRetry: false, canSetKey: true });
      assertHoldsNothing(panel, 'email1');
    });
  }
});

describe('Browsing as a sub-account ends with the main account', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetAll();
    testHooks().trackingPolicy = DEFAULT_TRACKING;
  });

  it("after the API URL changes, live tracking sends the sub-account's key nowhere", async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    // The sample message is older than 48 h: track it anyway, every 300 ms.
    testHooks().trackingPolicy = { delaysMs: [300], maxAgeMs: Number.MAX_SAFE_INTEGER };
    const node = await firstSubaccount(api, 'sms');
    const email = node.subaccount.email;
    const browse = (n: SubaccountNode) =>
      vscode.commands.executeCommand<BrowseResult>('partnerExplorer.browseAsSubaccount', n, '8001');
    const result = await browse(node);
    const panel = result!.panel!;
    await waitFor(() => panel.tracking.state === 'live', 'live tracking');
    await waitFor(async () => (await subKeyRequests(emu, email)) >= 2, 'an automatic refresh with the sub-account key');

    // Nothing listens on port 9: the new URL is unreachable, the old one still answers.
    await setSetting('sms.apiUrl', 'http://127.0.0.1:9/sms/v1');
    await sleep(300);
    const before = await subKeyRequests(emu, email);
    await sleep(2000);
    const after = (await subKeyRequests(emu, email)) - before;
    assert.equal(after, 0, 'requests with the sub-account key after the API URL changed');

    assert.notEqual(panel.tracking.state, 'live', 'live tracking stopped');
    const error = await waitFor(
      () =>
        sent(panel)
          .filter((m) => m.type === 'error')
          .pop(),
      'the panel says why',
    );
    assert.ok(error.type === 'error');
    assert.equal(
      error.message,
      `The SMS Partner key or API URL changed, so browsing as ${email} ended. Browse as the sub-account again.`,
    );
    assert.equal(error.canRetry, false);
    assert.equal(panel.current, undefined, "the sub-account's recipients are gone");

    // With the URL back, browsing again opens a panel that reads with the sub-account's key again.
    await setSetting('sms.apiUrl', emu.apiUrl('sms'));
    const again = await browse(await firstSubaccount(api, 'sms'));
    assert.notEqual(again?.panel, panel, 'a new panel, not the one whose browsing ended');
    const data = await waitFor(() => again?.panel?.current, 'the new panel reads');
    assert.equal(data.rows.length, 6);
  });
});
