import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MemoryMemento } from '../../helpers/memoryMemento';
import { AccountStore } from '../../../src/accounts/accountStore';
import type { MessageStatusPanel } from '../../../src/panels/messageStatus/messageStatusPanel';
import { readSettings } from '../../../src/settings/partnerSettings';
import {
  children,
  findLogFiles,
  keyOf,
  removeAccounts,
  rendered,
  resetAll,
  sent,
  sessionOf,
  setClientSetting,
  setKeys,
  setSetting,
  settledChildren,
  show,
  type Shown,
  unhandled,
  waitFor,
} from '../helpers/harness';

async function errorItem(nodeChildren: () => Promise<Shown[]>, what: string, timeoutMs = 15_000): Promise<Shown> {
  return waitFor(
    async () => (await nodeChildren()).find((c) => c.contextValue === 'placeholder.error'),
    what,
    timeoutMs,
  );
}

describe('Reliability: faults reach the user as clear messages, the rest keeps working', () => {
  afterEach(async () => {
    const { emu } = await resetAll();
    await emu.clearFaults();
    await setSetting('requestTimeout', 10);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a server that never answers: gives up after the timeout setting, says so, and the other service still works', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu);
    await setClientSetting(api, 'sms', 'requestTimeout', 1);
    await emu.inject({ type: 'hang', service: 'sms', path: '/me', times: 0 });
    const started = Date.now();
    await vscode.commands.executeCommand('partnerExplorer.refresh');
    const item = await errorItem(() => children(api, api.tree.root('sms')), 'timeout item');
    assert.equal(item.label, 'SMS Partner timed out after 1 s. Try again later.');
    assert.ok(Date.now() - started < 5000);
    assert.ok(
      !(await children(api, api.tree.root('sms'))).some((c) => c.contextValue === 'placeholder.loading'),
      'no stuck spinner',
    );
    assert.equal((await settledChildren(api, api.tree.root('mail')))[0].label, 'Mails');
  });

  it('a captive portal answering HTML to the sub-account list: an error item under Sub-accounts, credits intact', async () => {
    const { api, emu } = await resetAll();
    await emu.inject({ type: 'html200', service: 'mail', path: '/subaccount/list', times: 0 });
    await setKeys(api, emu, ['mail']);
    const mail = api.tree.root('mail');
    await settledChildren(api, mail);
    const item = await errorItem(() => children(api, mail.subaccounts), 'sub-account error');
    assert.equal(
      item.label,
      'Unexpected answer from Mail Partner (an HTML page). Check the API URL setting, or try again later.',
    );
    assert.equal(item.command?.command, `partnerExplorer.node.retrySubaccounts.${sessionOf(api, 'mail').id}`);
    assert.equal((await children(api, mail))[0].label, 'Mails');
    await emu.clearFaults();
    // The inline Retry action gets the error item from VS Code.
    await emu.reset();
    await vscode.commands.executeCommand('partnerExplorer.retry', item.node);
    const subs = await settledChildren(api, mail.subaccounts);
    assert.equal(subs.length, 21);
    assert.deepEqual(
      (await emu.requests()).map((r) => r.endpoint),
      ['/subaccount/list'],
      'only what failed is asked again',
    );
  });

  it('rate limited beyond the bound: tells the user when to retry', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms']);
    await emu.inject({ type: 'rateLimit', retryAfter: '600', path: '/me', times: 0 });
    await vscode.commands.executeCommand('partnerExplorer.refresh');
    const item = await errorItem(() => children(api, api.tree.root('sms')), '429 item');
    assert.equal(item.label, 'SMS Partner is limiting requests (HTTP 429). Try again in 600 s.');
  });

  // Malformed XML is read by the general XML parser, a file of its own (dist/xmlParser.js), which says the line.
  const faults = [
    { type: 'malformed', format: 'json', says: '' },
    { type: 'malformed', format: 'xml', says: 'not well-formed XML, line 1' },
    { type: 'wrongShape', format: 'json', says: '' },
    { type: 'empty', format: 'json', says: '' },
  ] as const;
  for (const { type, format, says } of faults) {
    it(`a ${type} message status (${format}) shows inside the panel, never a crash`, async () => {
      const { api, emu } = await resetAll(format);
      await setKeys(api, emu, ['sms']);
      await emu.inject({ type, path: '/bulk-status' });
      const panel = await vscode.commands.executeCommand<MessageStatusPanel>(
        'partnerExplorer.showMessageStatus',
        'sms',
        '4242',
      );
      const error = await waitFor(() => sent(panel!).find((m) => m.type === 'error'), 'error in panel');
      assert.ok(error.type === 'error');
      assert.ok(error.message.startsWith(`Unexpected answer from SMS Partner (${says}`), error.message);
      assert.equal(error.canRetry, true);
      await panel!.load();
      await waitFor(() => rendered(panel!)?.rowCount === 48, 'recovered table', 20_000);
    });
  }

  it('closing a panel cancels its request', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['mail']);
    await emu.inject({ type: 'hang', path: '/bulk-status', times: 0 });
    const panel = await vscode.commands.executeCommand<MessageStatusPanel>(
      'partnerExplorer.showMessageStatus',
      'mail',
      '4242',
    );
    await waitFor(async () => (await emu.requests()).some((r) => r.endpoint === '/bulk-status'), 'request sent');
    panel!.panel.dispose();
    await waitFor(
      async () => (await emu.requests()).find((r) => r.endpoint === '/bulk-status')?.aborted,
      'request aborted',
      5000,
    );
  });

  it('invalid setting values fall back to defaults with a warning', async () => {
    const { api, emu } = await resetAll();
    await setSetting('responseFormat', 'yaml');
    await setSetting('requestTimeout', -5);
    const settings = readSettings();
    assert.equal(settings.format, 'json');
    assert.equal(settings.timeoutMs, 10_000);
    assert.deepEqual(settings.warnings, [
      'partnerExplorer.responseFormat must be "json" or "xml"; using "json".',
      'partnerExplorer.requestTimeout must be a whole number from 1 to 120; using 10.',
    ]);
    await setKeys(api, emu, ['sms']);
    assert.equal((await settledChildren(api, api.tree.root('sms')))[0].label, 'SMS');
    assert.ok((await emu.requests()).every((r) => r.format === 'json'));
  });
});

describe('Security: API text is shown as text', () => {
  it('hostile usernames and sub-account emails stay text in labels and untrusted, escaped tooltips', async () => {
    const { api, emu } = await resetAll();
    const hostile = '[click me](command:workbench.action.quit) <img src=x onerror=alert(1)> **bold**';
    await emu.account('sms', {
      username: hostile,
      emails: ['[x](command:partnerExplorer.clearApiKey)', '<script>alert(1)</script>'],
    });
    await setKeys(api, emu, ['sms']);
    const sms = api.tree.root('sms');
    await settledChildren(api, sms);
    await settledChildren(api, sms.subaccounts);
    const root = sms.getTreeItem();
    assert.equal(root.label, hostile, 'the account is named after its username, as text');
    const tooltips: vscode.MarkdownString[] = [root.tooltip as vscode.MarkdownString];
    for (const child of [...(await sms.getChildren()), ...sms.subaccounts.subaccounts.slice(0, 2)]) {
      const item = child.getTreeItem();
      if (item.tooltip instanceof vscode.MarkdownString) {
        tooltips.push(item.tooltip);
      }
    }
    const subs = sms.subaccounts.subaccounts.slice(0, 2).map((n) => show(n).label);
    assert.deepEqual(subs, ['[x](command:partnerExplorer.clearApiKey)', '<script>alert(1)</script>']);
    for (const md of tooltips) {
      assert.notEqual(md.isTrusted, true, 'tooltips are never trusted');
      assert.ok(!md.supportHtml, 'no HTML in tooltips');
      assert.ok(!/\]\(command:/.test(md.value), `no live command link in: ${md.value}`);
    }
    assert.ok(
      tooltips.some((md) => md.value.includes('\\[click&nbsp;me\\]')),
      `the hostile text is escaped, not dropped: ${tooltips[0].value}`,
    );
  });
});

describe('Security: keys stay where they belong', () => {
  it('an empty or blank key is refused before anything is sent, and a padded one is trimmed', async () => {
    const { api, emu } = await resetAll();
    for (const blank of ['', '   ', '\n\t']) {
      assert.equal(await vscode.commands.executeCommand('partnerExplorer.setApiKey', 'sms', blank), false);
    }
    assert.deepEqual(await emu.requests(), []);
    assert.equal(
      await vscode.commands.executeCommand('partnerExplorer.setApiKey', 'mail', `  ${emu.apiKey('mail')}\n`),
      true,
    );
    assert.equal((await keyOf(api, 'mail'))?.key, emu.apiKey('mail'));
  });

  it('SecretStorage failing (no keyring) keeps the key in memory for the session, with a clear status', async () => {
    const failing: vscode.SecretStorage = {
      get: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
      store: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
      delete: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
      onDidChange: new vscode.EventEmitter<vscode.SecretStorageChangeEvent>().event,
    };
    const memento = new MemoryMemento();
    const store = new AccountStore(failing, memento, {});
    await store.load();
    assert.deepEqual(store.accounts, []);
    const { account, persisted } = await store.add('sms', '  session-only-key-123  ');
    assert.equal(persisted, false);
    assert.equal(account.source, 'session');
    assert.equal(store.key(account.id), 'session-only-key-123');
    assert.ok(!JSON.stringify([...memento.values.values()]).includes('session-only-key-123'), 'no key in the state');
    assert.deepEqual(await store.remove(account.id), { keyDeleted: true }, 'nothing was stored: nothing to delete');
    assert.equal(store.key(account.id), undefined);
    assert.deepEqual(store.accounts, []);
    store.dispose();
  });

  it('uses MAILPARTNER_API_KEY from the environment when no key is stored, and says so', async () => {
    const { api, emu } = await resetAll();
    process.env.MAILPARTNER_API_KEY = emu.apiKey('mail');
    try {
      await removeAccounts(api, 'mail');
      const root = await waitFor(
        async () =>
          (await children(api)).find(
            (r) => r.label === 'newsletter@exemple.fr' && r.description === 'key from MAILPARTNER_API_KEY',
          ),
        'the env key in use, and the account read with it',
      );
      assert.match(root.tooltip, /API key: \*\*key from MAILPARTNER_API_KEY\*\*/);
    } finally {
      delete process.env.MAILPARTNER_API_KEY;
      await removeAccounts(api, 'mail');
    }
  });

  it('no key reaches the log file, errors, settings, stored state or the webview, whatever path ran', async () => {
    const { api, emu } = await resetAll();
    const keys = [emu.apiKey('sms'), emu.apiKey('mail')];
    await setKeys(api, emu);
    const sms = api.tree.root('sms');
    await settledChildren(api, sms);
    await settledChildren(api, sms.subaccounts);
    const subKeys = sms.subaccounts.subaccounts.map((n) => n.subaccount.apiKey!).slice(0, 3);
    await vscode.commands.executeCommand('partnerExplorer.showSubaccountCredits', sms.subaccounts.subaccounts[0]);
    // Faults, one of them echoing the key back the way a proxy error page might.
    await emu.inject({
      type: 'body',
      path: '/me',
      body: `<html>blocked ${keys[0]} ${subKeys[0]}</html>`,
      contentType: 'text/html',
    });
    await vscode.commands.executeCommand('partnerExplorer.refresh');
    await errorItem(() => children(api, sms), 'echo fault');
    await emu.inject({ type: 'apiError', code: 10, path: '/me', message: `Clé ${keys[0]} incorrecte` });
    await vscode.commands.executeCommand('partnerExplorer.refresh');
    await waitFor(async () => (await children(api, sms))[0]?.label.includes('code 10'), 'code 10');
    await vscode.commands.executeCommand('partnerExplorer.setApiKey', 'mail', 'wrong-mail-key-7781');
    const panel = await vscode.commands.executeCommand<MessageStatusPanel>(
      'partnerExplorer.showMessageStatus',
      'mail',
      '4242',
    );
    await waitFor(() => rendered(panel!), 'panel render', 20_000);
    await emu.inject({ type: 'status', status: 500, body: 'html', times: 0 });
    await panel!.load();
    await emu.clearFaults();

    const texts: string[] = [];
    for (const root of [...api.tree.roots, ...api.tree.accounts]) {
      const item = root.getTreeItem();
      texts.push(
        String(item.label),
        String(item.description),
        item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : '',
      );
      for (const c of await root.getChildren()) {
        const ci = c.getTreeItem();
        texts.push(
          String(ci.label),
          String(ci.description ?? ''),
          ci.tooltip instanceof vscode.MarkdownString ? ci.tooltip.value : String(ci.tooltip ?? ''),
        );
      }
    }
    texts.push(
      JSON.stringify([api.statusBar.view('sms'), api.statusBar.view('mail')]),
      panel!.panel.webview.html,
      JSON.stringify(sent(panel!)),
    );
    texts.push(JSON.stringify(vscode.workspace.getConfiguration().inspect('partnerExplorer')));
    for (const memento of [api.storage.global, api.storage.workspace]) {
      for (const k of memento.keys()) {
        texts.push(k, JSON.stringify(memento.get(k)));
      }
    }
    const logFiles = await findLogFiles(api.logUri);
    assert.ok(logFiles.length > 0, `the log file exists under ${api.logUri.toString()}`);
    let log = '';
    for (const f of logFiles) {
      log += new TextDecoder().decode(await vscode.workspace.fs.readFile(f));
    }
    assert.match(log, /GET \/[a-z/]*v1\/me\?_format=json&apiKey=\*\*\* → HTTP 200/);
    texts.push(log);
    const all = texts.join('\n');
    for (const secret of [...keys, ...subKeys, 'wrong-mail-key-7781']) {
      assert.ok(
        !all.includes(secret),
        `${secret.slice(0, 8)}… leaked: ${all.slice(Math.max(0, all.indexOf(secret) - 80), all.indexOf(secret) + 40)}`,
      );
    }
  });

  it('no unhandled promise rejection happened in the extension host', () => {
    assert.deepEqual(unhandled.map(String), []);
  });
});
