import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SubaccountNode } from '../../../src/providers/tree/subaccountNode';
import { resetAll, setKeys, waitFor } from '../helpers/harness';
import { linksIn, watchNotifications } from '../helpers/notifications';

const QUIT = '[Cliquez](command:workbench.action.quit)';
/** What a reader sees instead: the same words, no link (U+2060 is invisible). */
const INERT = '[Cliquez] (command\u2060:workbench.action.quit)';

async function firstSubaccount(api: Awaited<ReturnType<typeof resetAll>>['api']): Promise<SubaccountNode> {
  const group = api.tree.root('sms').subaccounts;
  const nodes = await waitFor(async () => {
    const c = await group.getChildren();
    return c.some((n) => (n as SubaccountNode).kind === 'subaccount') ? c : undefined;
  }, 'sub-accounts listed');
  return nodes.find((n) => (n as SubaccountNode).kind === 'subaccount') as SubaccountNode;
}

describe('Provider text in notifications is never a link', () => {
  afterEach(async () => {
    const { emu } = await resetAll();
    await emu.clearFaults();
  });

  it(`a provider error message ${QUIT} shows as inert text`, async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    const node = await firstSubaccount(api);
    await emu.inject({ type: 'apiError', code: 42, message: QUIT, path: '/me', times: 0 });
    const watch = watchNotifications();
    try {
      await vscode.commands.executeCommand('partnerExplorer.showSubaccountCredits', node);
      const errors = watch.shown.filter((n) => n.level === 'error').map((n) => n.message);
      assert.deepEqual(errors, [`SMS Partner returned error code 42: ${INERT}.`]);
      assert.deepEqual(linksIn(errors[0]), [], 'VS Code finds no link in it');
    } finally {
      watch.dispose();
    }
  });

  it('a sub-account e-mail with link syntax shows as inert text', async () => {
    const { api, emu } = await resetAll();
    await emu.account('sms', { emails: [QUIT] });
    await setKeys(api, emu, ['sms']);
    const node = await firstSubaccount(api);
    assert.equal(node.subaccount.email, QUIT);
    const watch = watchNotifications();
    try {
      await vscode.commands.executeCommand('partnerExplorer.copySubaccountToken', node);
      assert.deepEqual(
        watch.shown.map((n) => n.message),
        [`Token of ${INERT} copied to the clipboard.`],
      );
      assert.deepEqual(linksIn(watch.shown[0].message), []);
    } finally {
      watch.dispose();
    }
  });
});
