import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import type { ScanResult } from '../../../../src/providers/apiKeys/workspaceScan';
import type { SubaccountNode } from '../../../../src/providers/tree/subaccountNode';
import {
  api,
  findLogFiles,
  removeAccounts,
  replaceKey,
  resetAll,
  sessionOf,
  setKeys,
  setSetting,
  waitFor,
} from '../../helpers/harness';
import { watchNotifications } from '../../helpers/notifications';

const SCAN = 'partnerExplorer.scanWorkspaceForApiKeys';
const root = () => vscode.workspace.workspaceFolders![0].uri;
/** This suite's files, under the test workspace. */
const here = (path: string) => vscode.Uri.joinPath(root(), 'keys-in-files', path);

function write(path: string, text: string | Uint8Array): vscode.Uri {
  const uri = here(path);
  mkdirSync(dirname(uri.fsPath), { recursive: true });
  writeFileSync(uri.fsPath, text);
  return uri;
}

const keyDiagnostics = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Partner Explorer');

function waitForKeys(uri: vscode.Uri, count = 1, what = 'the key marked'): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const found = keyDiagnostics(uri);
    return found.length === count ? found : undefined;
  }, what);
}

const noKeys = (uri: vscode.Uri, what: string) => waitFor(() => keyDiagnostics(uri).length === 0, what);

async function fixesAt(doc: vscode.TextDocument, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
}

async function accountsWithKeys(services: ('sms' | 'mail')[] = ['sms', 'mail']) {
  const { api, emu } = await resetAll();
  await setKeys(api, emu, services);
  // The diagnostics name the account as the tree does: its username, once read.
  await waitFor(() => services.every((s) => sessionOf(api, s).account), 'accounts read');
  return { api, emu };
}

const message = (account: string) =>
  `This is the API key of SMS Partner account ${account}. Anyone who reads this file can send at your expense.`;

/** The files a scan is stopped in: TOTAL of them holding `key` under `folder/`; `onMark` runs as they get marked. */
const TOTAL = 1500;
function manyFilesWithKey(folder: string, key: string, onMark: () => void): vscode.Disposable {
  for (let i = 0; i < TOTAL; i++) {
    write(`${folder}/${i % 10}/f${i}.txt`, `key ${key}\n`);
  }
  return vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some((u) => u.path.includes(`/keys-in-files/${folder}/`))) {
      onMark();
    }
  });
}

describe('API keys written into files', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setSetting('apiKeysInFiles.enabled', undefined);
    await vscode.workspace.getConfiguration('files').update('exclude', undefined, vscode.ConfigurationTarget.Global);
    rmSync(here('').fsPath, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    rmSync(vscode.Uri.joinPath(root(), '.gitignore').fsPath, { force: true });
  });

  it('marks a stored key as an Error naming the account, not the key, and follows keys added and removed', async () => {
    const { api, emu } = await resetAll();
    const key = emu.apiKey('sms');
    const uri = write('app.js', `const client = partner({ apiKey: '${key}' });\n`);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await setKeys(api, emu, ['sms']);
    const name = await waitFor(() => sessionOf(api, 'sms').account?.user.username, 'the account read');
    const [d] = await waitFor(() => {
      const found = keyDiagnostics(uri);
      return found[0]?.message.includes(name) ? found : undefined;
    }, 'the key marked once keys were added');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(d.range), key);
    assert.equal(d.message, message(name));
    assert.ok(!d.message.includes(key));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      d.range.start.translate(0, 2),
    );
    assert.ok(!JSON.stringify(hovers).includes(key), 'the hover does not show the key');
    await removeAccounts(api, 'sms');
    await noKeys(uri, 'the mark gone with the account');
  });

  const FIXES: [string, string, (k: string) => string, string][] = [
    ['javascript', 'fetch.js', (k) => `const key = "${k}";\n`, 'const key = process.env.SMSPARTNER_API_KEY;\n'],
    [
      'typescript',
      'client.ts',
      (k) => `const url = \`https://x/me?apiKey=${k}\`;\n`,
      'const url = `https://x/me?apiKey=${process.env.SMSPARTNER_API_KEY}`;\n',
    ],
    ['python', 'send.py', (k) => `API_KEY = '${k}'\n`, 'import os\nAPI_KEY = os.environ["SMSPARTNER_API_KEY"]\n'],
    ['php', 'send.php', (k) => `<?php\n$key = "${k}";\n`, "<?php\n$key = getenv('SMSPARTNER_API_KEY');\n"],
    [
      'go',
      'main.go',
      (k) => `package main\n\nvar key = "${k}"\n`,
      'package main\n\nimport "os"\n\nvar key = os.Getenv("SMSPARTNER_API_KEY")\n',
    ],
    [
      'shellscript',
      'send.sh',
      (k) => `curl "https://x/me?apiKey=${k}"\n`,
      'curl "https://x/me?apiKey=$SMSPARTNER_API_KEY"\n',
    ],
  ];

  it('replaces the key with a read of its environment variable in JS, TS, Python, PHP, Go and shell', async () => {
    const { api, emu } = await accountsWithKeys(['sms']);
    const key = emu.apiKey('sms');
    for (const [language, file, before, after] of FIXES) {
      const uri = write(file, before(key));
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.equal(doc.languageId, language);
      await vscode.window.showTextDocument(doc);
      const [d] = await waitForKeys(uri, 1, `the key marked in ${file}`);
      const actions = await fixesAt(doc, d);
      const fix = actions.find((a) => a.title.startsWith('Read the key from'));
      assert.ok(fix?.edit, `${file}: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(fix.isPreferred, true);
      const account = sessionOf(api, 'sms');
      const dashboard = actions.find(
        (a) => a.title === 'Make a new key in the SMS Partner dashboard (this one was shared)',
      );
      assert.equal(String(dashboard?.command?.arguments?.[0]), 'https://my.smspartner.fr/');
      const replace = actions.find((a) => a.title === `Replace API Key of ${account.name}…`);
      assert.deepEqual(
        [replace?.command?.command, replace?.command?.arguments],
        ['partnerExplorer.replaceApiKey', [account.id]],
      );
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(doc.getText(), after, file);
      assert.ok(!doc.getText().includes(key));
      await noKeys(uri, `no mark left in ${file}`);
    }
  });

  it('keeps a key in a .env file but offers to add the file to .gitignore, then no longer', async () => {
    const { emu } = await accountsWithKeys(['mail']);
    const key = emu.apiKey('mail');
    const uri = write('config/.env', `MAILPARTNER_API_KEY=${key}\n`);
    writeFileSync(vscode.Uri.joinPath(root(), '.gitignore').fsPath, 'node_modules/');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const [d] = await waitForKeys(uri);
    assert.match(d.message, /^This is the API key of Mail Partner account /);
    const actions = await fixesAt(doc, d);
    assert.ok(!actions.some((a) => a.title.startsWith('Read the key from')), 'the .env file keeps its key');
    const fix = actions.find((a) => a.title === 'Add keys-in-files/config/.env to .gitignore');
    assert.ok(fix?.command, actions.map((a) => a.title).join(' | '));
    assert.equal(await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? [])), true);
    const gitignore = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root(), '.gitignore')));
    assert.equal(gitignore.toString('utf8'), 'node_modules/\nkeys-in-files/config/.env\n');
    assert.equal(doc.getText(), `MAILPARTNER_API_KEY=${key}\n`);
    const again = await fixesAt(doc, d);
    assert.ok(!again.some((a) => a.title.startsWith('Add ')), `ignored now: ${again.map((a) => a.title).join(' | ')}`);
    assert.ok(again.some((a) => a.title === 'Make a new key in the Mail Partner dashboard (this one was shared)'));
  });

  it('scans the workspace: nested folders, not what .gitignore or files.exclude leave out, binaries or big files', async () => {
    const { emu } = await accountsWithKeys();
    const sms = emu.apiKey('sms');
    const mail = emu.apiKey('mail');
    const found = [
      write('scan/a/b/c/deep.py', `KEY = "${sms}"\nOTHER = "${mail}"\n`),
      write('scan/top.sh', `export K=${mail}\n`),
      write('scan/kept/keep.txt', sms),
    ];
    const left = [
      write('scan/build/out.js', `var k="${sms}"`),
      write('scan/kept/skip.log', sms),
      write('scan/nested/x/.gitignore', '*.txt\n'),
      write('scan/nested/x/y/ignored.txt', sms),
      write('scan/excluded/hidden.ts', sms),
      write('scan/image.bin', Buffer.concat([Buffer.from([0x89, 0x50, 0, 1]), Buffer.from(sms)])),
      write('scan/big.txt', `${'x'.repeat(1024 * 1024)}${sms}`),
    ];
    write('scan/.gitignore', 'build/\n*.log\n');
    await vscode.workspace
      .getConfiguration('files')
      .update('exclude', { '**/excluded': true }, vscode.ConfigurationTarget.Global);
    const notes = watchNotifications();
    try {
      const result = await vscode.commands.executeCommand<ScanResult>(SCAN);
      assert.equal(result.cancelled, false);
      assert.deepEqual(
        found.map((u) => keyDiagnostics(u).length),
        [2, 1, 1],
      );
      assert.deepEqual(
        left.map((u) => keyDiagnostics(u).length),
        left.map(() => 0),
      );
      assert.ok(result.keys >= 4 && result.filesWithKeys >= 3, JSON.stringify(result));
      const summary = await waitFor(() => notes.shown.find((n) => n.message.includes('files scanned')), 'summary');
      assert.match(summary.message, /^[\d,]+ files scanned \([\d.]+ MB\): \d+ API keys found in \d+ files\.$/);
      assert.ok(summary.message.includes(`${result.files} files scanned`), summary.message);
    } finally {
      notes.dispose();
    }
  });

  it('stops a scan when cancelled', async () => {
    const { emu } = await accountsWithKeys(['sms']);
    const key = emu.apiKey('sms');
    const cancel = new vscode.CancellationTokenSource();
    const marked = manyFilesWithKey('many', key, () => cancel.cancel());
    try {
      const result = await vscode.commands.executeCommand<ScanResult>(SCAN, cancel.token);
      assert.equal(result.cancelled, true);
      const marks = () => vscode.languages.getDiagnostics().filter(([u]) => u.path.includes('/keys-in-files/many/'));
      const files = marks();
      assert.ok(files.length > 0 && files.length < TOTAL / 2, `${files.length} files of ${TOTAL} read`);
      // A scan cancelled before it reads anything leaves the marks of the last one as they were.
      const again = await vscode.commands.executeCommand<ScanResult>(SCAN, cancel.token);
      assert.equal(again.cancelled, true);
      assert.equal(marks().length, files.length);
    } finally {
      marked.dispose();
    }
  });

  it('turned off during a scan: the scan stops and leaves no marks behind', async () => {
    const { emu } = await accountsWithKeys(['sms']);
    const key = emu.apiKey('sms');
    const inScan = () => vscode.languages.getDiagnostics().filter(([u, d]) => u.path.includes('/offscan/') && d.length);
    let switched: Thenable<void> | undefined;
    const marked = manyFilesWithKey('offscan', key, () => {
      switched ??= setSetting('apiKeysInFiles.enabled', false);
    });
    try {
      const result = await vscode.commands.executeCommand<ScanResult>(SCAN);
      await switched;
      assert.ok(result.files < TOTAL, `${result.files} files of ${TOTAL} read after the switch`);
      await waitFor(() => inScan().length === 0, 'no marks left');
      // And none come later.
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(inScan().length, 0);
    } finally {
      marked.dispose();
    }
  });

  it('has an off switch: no marks, no scan; back on, marked again', async () => {
    const { emu } = await accountsWithKeys(['sms']);
    const key = emu.apiKey('sms');
    const first = write('off/one.js', `"${key}"`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(first));
    await waitForKeys(first);
    await setSetting('apiKeysInFiles.enabled', false);
    await noKeys(first, 'marks cleared');
    const second = write('off/two.js', `"${key}"`);
    const doc = await vscode.workspace.openTextDocument(second);
    await vscode.window.showTextDocument(doc);
    await doc.save();
    const notes = watchNotifications();
    try {
      assert.equal(await vscode.commands.executeCommand(SCAN), undefined);
      await waitFor(
        () => notes.shown.some((n) => n.message === 'Looking for API keys in files is turned off.'),
        'said',
      );
    } finally {
      notes.dispose();
    }
    assert.equal(keyDiagnostics(second).length, 0);
    assert.equal(keyDiagnostics(first).length, 0);
    await setSetting('apiKeysInFiles.enabled', undefined);
    await waitForKeys(first, 1, 'marked again');
    await waitForKeys(second, 1, 'marked again');
  });

  it("recognises a sub-account's key while browsing as it, and no longer once the main key changed", async () => {
    const { api, emu } = await accountsWithKeys(['sms']);
    const group = api.tree.root('sms').subaccounts;
    const node = await waitFor(async () => {
      const children = await group.getChildren();
      return children.find((c) => (c as SubaccountNode).kind === 'subaccount') as SubaccountNode | undefined;
    }, 'sub-accounts listed');
    const subKey = node.subaccount.apiKey!;
    const uri = write('sub/config.php', `<?php $k = '${subKey}';`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // Not a key the extension uses yet: the page of sub-accounts lists it, that is all.
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(keyDiagnostics(uri).length, 0);
    await vscode.commands.executeCommand('partnerExplorer.browseAsSubaccount', node, '8001');
    const [d] = await waitForKeys(uri, 1, 'the sub-account key marked');
    assert.equal(d.message, message(node.subaccount.email));
    await replaceKey(api, 'sms', `${emu.apiKey('sms')}-other`);
    await noKeys(uri, 'forgotten with the main key');
  });

  it('writes no key anywhere: diagnostics, related information, fixes, log, clipboard, .gitignore', async () => {
    const { emu } = await accountsWithKeys();
    const keys = [emu.apiKey('sms'), emu.apiKey('mail')];
    const files = [write('all/a.ts', `const k = "${keys[0]}";`), write('all/.env', `MAILPARTNER_API_KEY=${keys[1]}`)];
    const notes = watchNotifications();
    const written: string[] = [];
    try {
      for (const uri of files) {
        const doc = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(doc);
        const [d] = await waitForKeys(uri);
        const actions = await fixesAt(doc, d);
        written.push(JSON.stringify(actions.map((a) => [a.title, a.command, a.diagnostics])));
        const gitignore = actions.find((a) => a.title.endsWith('to .gitignore'));
        if (gitignore?.command) {
          await vscode.commands.executeCommand(gitignore.command.command, ...(gitignore.command.arguments ?? []));
        }
      }
      await vscode.commands.executeCommand(SCAN);
      await waitFor(() => notes.shown.some((n) => n.message.includes('files scanned')), 'the summary');
    } finally {
      notes.dispose();
    }
    const diagnostics = vscode.languages.getDiagnostics();
    assert.ok(diagnostics.some(([, ds]) => ds.some((d) => d.source === 'Partner Explorer')));
    written.push(
      JSON.stringify(
        diagnostics.map(([u, ds]) => [u.toString(), ds.map((d) => [d.message, d.code, d.relatedInformation])]),
      ),
      JSON.stringify(notes.shown),
      await vscode.env.clipboard.readText(),
      Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root(), '.gitignore'))).toString('utf8'),
    );
    const logs = await findLogFiles((await api()).logUri);
    for (const uri of logs) {
      written.push(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8'));
    }
    assert.ok(logs.length > 0, 'the log was read');
    for (const key of keys) {
      assert.ok(!written.some((w) => w.includes(key)), 'a key was written');
    }
  });
});
