import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { defaultExportUri, exportFileName, writeCsvExport } from '../../../../src/panels/messageStatus/csvExport';
import { unhandled } from '../../helpers/harness';
import { watchNotifications } from '../../helpers/notifications';

describe('Export CSV of a message status', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'partner-export-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('proposes the file in the workspace folder, not at the root of the disk', () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the test host opens a workspace folder');
    const proposed = defaultExportUri(exportFileName('sms', '4242'));
    assert.equal(proposed?.toString(), vscode.Uri.joinPath(folder, 'message-sms-4242.csv').toString());
  });

  it('writes the rows with a BOM for Excel, and says where', async () => {
    const target = vscode.Uri.file(join(dir, 'status.csv'));
    const watch = watchNotifications();
    try {
      assert.equal(await writeCsvExport(target, 'Recipient,Status\r\n+33600000001,Delivered\r\n', 1), true);
      assert.deepEqual([...readFileSync(target.fsPath).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.equal(readFileSync(target.fsPath, 'utf8').slice(1), 'Recipient,Status\r\n+33600000001,Delivered\r\n');
      const exported = { level: 'info', message: `Exported 1 rows to ${target.fsPath}.`, detail: undefined };
      assert.deepEqual(watch.shown, [exported]);
    } finally {
      watch.dispose();
    }
  });

  it('a write that fails says so in words and is logged, with no unhandled rejection', async () => {
    // A folder that is a file: refused whoever runs the tests (root included).
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const target = vscode.Uri.file(join(dir, 'a-file', 'status.csv'));
    const unhandledBefore = unhandled.length;
    const logged: string[] = [];
    const watch = watchNotifications();
    try {
      const written = await writeCsvExport(target, 'Recipient\r\n+33600000001\r\n', 1, { warn: (m) => logged.push(m) });
      assert.equal(written, false);
      const errors = watch.shown.filter((n) => n.level === 'error').map((n) => n.message);
      assert.equal(errors.length, 1, JSON.stringify(watch.shown));
      assert.ok(errors[0].startsWith(`Could not export to ${target.fsPath}: `), errors[0]);
      assert.ok(errors[0].length > `Could not export to ${target.fsPath}: `.length + 5, 'the reason is given');
      assert.equal(logged.length, 1);
      assert.ok(!logged[0].includes('+33600000001'), 'no recipient in the log');
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(unhandled.length, unhandledBefore, 'no unhandled rejection');
    } finally {
      watch.dispose();
    }
  });
});
