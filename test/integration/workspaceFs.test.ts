import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { defaultExportUri, exportFileName } from '../../src/panels/messageStatus/csvExport';
import type { MessageStatusPanel } from '../../src/panels/messageStatus/messageStatusPanel';
import { OPEN_MESSAGE_LINK } from '../../src/providers/messageLinks/messageLinkProviders';
import { exportStatusCsv, type ExportSource } from '../../src/panels/messageStatus/statusExport';
import type { StatusViewData } from '../../src/webview/messageStatusProtocol';
import { api, resetAll, sent, sessionOf, setKeys, waitFor } from './helpers/harness';
import { MemoryFileSystem } from './helpers/memoryFileSystem';
import { watchNotifications } from './helpers/notifications';

const SCHEME = 'partner-memfs';

/** The latest reading the panel posted. */
function shown(panel: MessageStatusPanel): Promise<StatusViewData> {
  return waitFor(
    () => {
      const last = sent(panel)
        .filter((m) => m.type === 'data')
        .pop();
      return last?.type === 'data' ? last.data : undefined;
    },
    'a reading',
    15_000,
  );
}

describe('A remote or virtual workspace (files through vscode.workspace.fs): Export CSV, .sms documents, message links', () => {
  let fs: MemoryFileSystem;
  beforeEach(() => {
    fs = new MemoryFileSystem(SCHEME);
    fs.mkdir('/exports');
    fs.mkdir('/readonly');
    fs.mkdir('/notes');
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.dispose();
  });

  it('Export CSV of a message-status panel writes into a non-file file system and names the file by its URI', async () => {
    const { api: a, emu } = await resetAll();
    await setKeys(a, emu, ['sms']);
    const panel = a.panels.show(sessionOf(a, 'sms'), '111');
    const data = await shown(panel);
    assert.ok(data.rows.length > 0);
    // The panel's own export, the save dialog answered with a file on the in-memory file system.
    const source = (panel as unknown as { exportSource: ExportSource }).exportSource;
    const target = fs.uri('/exports/message-sms-111.csv');
    const proposed: (vscode.Uri | undefined)[] = [];
    const watch = watchNotifications();
    try {
      await exportStatusCsv(source, false, undefined, async (p) => {
        proposed.push(p);
        return target;
      });
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      assert.ok(folder);
      assert.deepEqual(
        proposed.map((p) => p?.toString()),
        [vscode.Uri.joinPath(folder, 'message-sms-111.csv').toString()],
      );
      const written = fs.files.get('/exports/message-sms-111.csv');
      assert.ok(written, 'written into the provider');
      const csv = panel.text('csv', false);
      assert.ok(csv?.startsWith('Recipient,'), csv);
      assert.deepEqual([...written.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM for Excel');
      assert.equal(Buffer.from(written.subarray(3)).toString('utf8'), csv);
      assert.deepEqual(watch.shown, [
        {
          level: 'info',
          message: `Exported ${data.rows.length} rows to ${SCHEME}:/exports/message-sms-111.csv.`,
          detail: undefined,
        },
      ]);

      // A place the file system refuses: said, with the URI, nothing written.
      watch.shown.length = 0;
      await exportStatusCsv(source, false, undefined, async () => fs.uri('/readonly/status.csv'));
      assert.equal(watch.shown.length, 1);
      assert.equal(watch.shown[0].level, 'error');
      assert.ok(watch.shown[0].message.startsWith(`Could not export to ${SCHEME}:/readonly/status.csv: `));
      assert.equal(fs.files.has('/readonly/status.csv'), false);
    } finally {
      watch.dispose();
    }
  });

  it('the proposed export is in a non-file workspace folder, never this machine’s home joined onto it', () => {
    const name = exportFileName('sms', '4242');
    const virtual = vscode.Uri.parse(`${SCHEME}:/projet`);
    assert.equal(
      defaultExportUri(name, { folder: virtual, remote: 'ssh-remote' })?.toString(),
      `${SCHEME}:/projet/message-sms-4242.csv`,
    );
    assert.equal(
      defaultExportUri(name, { folder: virtual, remote: undefined })?.toString(),
      `${SCHEME}:/projet/message-sms-4242.csv`,
    );
    assert.equal(
      defaultExportUri(name, { folder: undefined, remote: 'ssh-remote' }),
      undefined,
      'a remote window with no folder',
    );
    assert.equal(
      defaultExportUri(name, { folder: undefined, remote: undefined })?.scheme,
      'file',
      'a local window: the home folder',
    );
  });

  it('an .sms document opened from a non-file file system gets its SMS count and diagnostics', async () => {
    const a = await api();
    const uri = fs.uri('/notes/promo.sms');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`${'a'.repeat(159)}”`, 'utf8'));
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'sms');
    await vscode.window.showTextDocument(doc);
    await waitFor(() => a.smsLength.text === '$(comment) 1 SMS · 159/160 · GSM' || undefined, 'the count');
    const diagnostics = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'SMS Partner');
      return d.length === 1 ? d : undefined;
    }, 'a diagnostic');
    assert.equal(diagnostics[0].range.start.character, 159);
  });

  it('message ids in a file of a virtual workspace (vscode-vfs) are links too', async () => {
    await api();
    const vfs = new MemoryFileSystem('vscode-vfs');
    try {
      vfs.mkdir('/github');
      const uri = vfs.uri('/github/answer.json');
      await vscode.workspace.fs.writeFile(uri, Buffer.from('{ "success": true, "message_id": 111 }', 'utf8'));
      const doc = await vscode.workspace.openTextDocument(uri);
      const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
      const ours = links.filter((l) => l.target?.scheme === 'command' && l.target.path === OPEN_MESSAGE_LINK);
      assert.deepEqual(
        ours.map((l) => doc.getText(l.range)),
        ['111'],
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      vfs.dispose();
    }
  });
});
