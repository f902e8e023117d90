import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readNumberCheck } from '../../../../src/accounts/numberCheck';
import { numberCheckText } from '../../../../src/ui/numberCheckText';
import { addToStopList, removeFromStopList, type StopListDeps } from '../../../../src/commands/stopListCommands';
import type { PartnerExplorerApi } from '../../../../src/testApi';
import type { StopListNode } from '../../../../src/providers/tree/stopListNode';
import {
  children,
  findLogFiles,
  resetAll,
  sessionOf,
  setKeys,
  setSetting,
  settledChildren,
  stopNode,
  waitFor,
} from '../../helpers/harness';

const label = (node: StopListNode) => String(node.getTreeItem().label);

function deps(api: PartnerExplorerApi, answer: boolean, asked: string[] = []): StopListDeps {
  return {
    sessions: api.sessions,
    confirm: async (message, detail) => {
      asked.push(`${message}\n${detail}`);
      return answer;
    },
  };
}

describe('STOP list', () => {
  afterEach(async () => {
    const { emu } = await resetAll();
    await emu.clearFaults();
    await setSetting('hidePersonalData', undefined);
    await setSetting('requestTimeout', undefined);
  });

  for (const format of ['json', 'xml'] as const) {
    it(`a STOP list node under the SMS account, read when expanded, two pages (${format})`, async () => {
      const { api, emu } = await resetAll(format);
      await setKeys(api, emu);
      const node = await stopNode(api);
      assert.equal(label(node), 'STOP list');
      assert.equal(api.tree.root('mail').stopList, undefined, 'Mail accounts have none');
      await emu.reset();
      const first = await settledChildren(api, node, 'the first page');
      assert.equal(first.filter((c) => c.contextValue === 'stopEntry').length, 50);
      assert.equal(first[0].label, '+33699999914');
      assert.equal(label(node), 'STOP list (50+)');
      await vscode.commands.executeCommand(first.at(-1)!.command!.command);
      await waitFor(() => (label(node) === 'STOP list (60)' ? true : undefined), 'the whole list');
      const pages = (await emu.requests()).filter((r) => r.endpoint === '/stop-sms/list').map((r) => r.page);
      assert.deepEqual(pages, [1, 2], 'page 2 was short: the end');
    });
  }

  // Page 2 fails once: the error item's click (an argument-free command) and its inline
  // Retry (VS Code passes the item, whose parent is the paged node) ask again for page 2 only.
  for (const via of ['click', 'inline Retry'] as const) {
    it(`a failed page: Retry by ${via} reads that page again, nothing else`, async () => {
      const { api, emu } = await resetAll();
      await setKeys(api, emu, ['sms']);
      const node = await stopNode(api);
      const first = await settledChildren(api, node, 'the first page');
      await emu.inject({ type: 'html200', service: 'sms', path: '/stop-sms/list', times: 1 });
      await vscode.commands.executeCommand(first.at(-1)!.command!.command);
      const error = await waitFor(
        async () => (await children(api, node)).find((c) => c.contextValue === 'placeholder.error'),
        'the error item',
      );
      assert.equal(label(node), 'STOP list (50+)', 'what was read stays');
      await emu.reset();
      if (via === 'click') {
        assert.equal(error.command?.arguments, undefined);
        await vscode.commands.executeCommand(error.command!.command);
      } else {
        await vscode.commands.executeCommand('partnerExplorer.retry', error.node);
      }
      await waitFor(() => (label(node) === 'STOP list (60)' ? true : undefined), 'the whole list');
      assert.deepEqual(
        (await emu.requests()).map((r) => [r.endpoint, r.page]),
        [['/stop-sms/list', 2]],
      );
    });
  }

  it('masks the numbers with Hide personal data', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu);
    const node = await stopNode(api);
    await settledChildren(api, node);
    await setSetting('hidePersonalData', true);
    const shown = await children(api, node);
    assert.equal(shown[0].label, '+336••••••14');
    assert.ok(!shown.some((c) => /\+33\d{9}/.test(c.label + c.tooltip)), 'no whole number');
  });

  it('Add: one request, the node shows it without a re-read; Remove: a modal that says what it means, then gone', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu);
    const node = await stopNode(api);
    await settledChildren(api, node);
    await sessionOf(api, 'sms').stopList.loadAll();
    await emu.reset();
    assert.equal(await addToStopList(deps(api, true), undefined, '06 12 34 56 78'), 'done');
    assert.equal(label(node), 'STOP list (61)');
    assert.deepEqual(
      (await emu.requests()).map((r) => r.endpoint),
      ['/stop-sms/add'],
      'one request, no re-read',
    );
    const entry = node.entries.find((e) => e.entry.phoneNumber === '+33612345678')!;
    const asked: string[] = [];
    assert.equal(await removeFromStopList(deps(api, false, asked), entry), 'cancelled');
    assert.equal((await emu.requests()).length, 1, 'cancelled: nothing sent');
    assert.match(
      asked[0],
      /^Remove \+33612345678 from the STOP list\?\nThis person asked not to receive your SMS\. Once removed, they will receive your messages again\./,
    );
    assert.equal(await removeFromStopList(deps(api, true), entry), 'done');
    assert.equal(label(node), 'STOP list (60)');
    assert.deepEqual(
      (await emu.requests()).map((r) => r.endpoint),
      ['/stop-sms/add', '/stop-sms/delete'],
    );
  });

  it('a refused number says why; a timeout after sending: one request, unknown outcome, the list re-read', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu);
    const node = await stopNode(api);
    await settledChildren(api, node);
    await emu.inject({ type: 'apiError', code: 9, path: '/stop-sms/add', times: 1 });
    assert.equal(await addToStopList(deps(api, true), undefined, '+33612345678'), 'refused');
    await emu.reset();
    const before = sessionOf(api, 'sms').client;
    await setSetting('requestTimeout', 1);
    await waitFor(
      () => (sessionOf(api, 'sms').client !== before ? true : undefined),
      'the client with the new timeout',
    );
    await emu.inject({ type: 'hang', path: '/stop-sms/add', times: 0 });
    assert.equal(await addToStopList(deps(api, true), undefined, '+33612345679'), 'unknown');
    await emu.clearFaults();
    await waitFor(
      async () => ((await emu.requests()).some((r) => r.endpoint === '/stop-sms/list') ? true : undefined),
      'the list read again',
    );
    assert.equal((await emu.requests()).filter((r) => r.endpoint === '/stop-sms/add').length, 1, 'never retried');
  });

  it('Check Phone Number: valid, invalid, and on the STOP list, in one answer', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu);
    const session = sessionOf(api, 'sms');
    const valid = numberCheckText(await readNumberCheck(session, '+33612345678'), 'en');
    assert.equal(valid.message, '+33612345678 is a valid number.');
    assert.equal(
      valid.detail,
      [
        'E.164: +33612345678',
        'National format: 06 12 34 56 78',
        'International format: +33 6 12 34 56 78',
        'Type: Mobile · France',
        'Not on the STOP list of this account.',
      ].join('\n'),
    );
    const landline = numberCheckText(await readNumberCheck(session, '+33145678901'), 'en');
    assert.equal(landline.message, '+33145678901 is not a valid mobile number for the provider.');
    assert.equal(
      landline.detail,
      "The provider says: Le numéro de téléphone est vide ou n'est pas valide.\nNot on the STOP list of this account.",
    );
    const stopped = numberCheckText(await readNumberCheck(session, '+33699999914'), 'en');
    assert.match(stopped.detail, /On the STOP list since .+2025.*: it asked not to receive SMS from this account\.$/);
    const lists = (await emu.requests()).filter((r) => r.endpoint === '/stop-sms/list').length;
    assert.equal(lists, 2, 'the list read once (2 pages), then known');
  });

  it('a Refresh re-reads the STOP list only once it was opened, and never logs a number', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu);
    await stopNode(api);
    await emu.reset();
    await vscode.commands.executeCommand('partnerExplorer.refresh');
    assert.equal(
      (await emu.requests()).filter((r) => r.endpoint === '/stop-sms/list').length,
      0,
      'not opened: not read',
    );
    await settledChildren(api, await stopNode(api));
    await emu.reset();
    await vscode.commands.executeCommand('partnerExplorer.refresh');
    assert.deepEqual(
      (await emu.requests()).filter((r) => r.endpoint === '/stop-sms/list').map((r) => r.page),
      [1],
      'the page opened, no more',
    );
    await addToStopList(deps(api, true), undefined, '+33687654321');
    for (const uri of await findLogFiles(api.logUri)) {
      const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
      assert.ok(!text.includes('87654321'), `a number in ${uri.fsPath}`);
    }
  });
});
