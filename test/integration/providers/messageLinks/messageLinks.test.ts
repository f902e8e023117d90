import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerExplorerApi } from '../../../../src/testApi';
import type { MessageStatusPanel } from '../../../../src/panels/messageStatus/messageStatusPanel';
import { OPEN_MESSAGE_LINK } from '../../../../src/providers/messageLinks/messageLinkProviders';
import { resetAll, sent, sessionOf, setKeys, setSetting, waitFor } from '../../helpers/harness';
import { watchNotifications } from '../../helpers/notifications';

const JSON_ANSWERS = [
  '[',
  '  { "success": true, "code": 200, "message_id": 111, "nb_sms": 1 },',
  '  { "success": true, "code": 200, "messageId": "300" }',
  ']',
].join('\n');

/** Our links in a document, as VS Code's link providers give them. */
async function messageLinks(doc: vscode.TextDocument): Promise<vscode.DocumentLink[]> {
  const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
  return links.filter((l) => l.target?.scheme === 'command' && l.target.path === OPEN_MESSAGE_LINK);
}

/** What clicking a link runs: the command of its `command:` URI with the URI's arguments. */
async function click(link: vscode.DocumentLink): Promise<MessageStatusPanel | undefined> {
  const args = JSON.parse(decodeURIComponent(link.target!.query)) as unknown[];
  return vscode.commands.executeCommand<MessageStatusPanel | undefined>(link.target!.path, ...args);
}

async function dataShown(panel: MessageStatusPanel): Promise<void> {
  await waitFor(() => sent(panel).some((m) => m.type === 'data'), 'the status shown', 15_000);
}

describe('Message ids in editors and the terminal', () => {
  let api: PartnerExplorerApi;

  afterEach(async () => {
    await setSetting('messageLinks.enabled', undefined);
    await setSetting('messageLinks.maxFileSize', undefined);
    await setSetting('messageLinks.patterns', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a JSON document with ids gets links on the ids, whose targets open the right service’s panel', async () => {
    const ready = await resetAll();
    api = ready.api;
    await setKeys(api, ready.emu);
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: JSON_ANSWERS });
    const links = await messageLinks(doc);
    assert.deepEqual(
      links.map((l) => [doc.getText(l.range), l.range.start.line, l.range.start.character]),
      [
        ['111', 1, 48],
        ['300', 2, 48],
      ],
    );
    const sms = await click(links[0]);
    assert.ok(sms, 'a panel opened');
    assert.equal(sms.service, 'sms');
    assert.equal(sms.messageId, '111');
    assert.equal(sms.accountId, sessionOf(api, 'sms').id);
    await dataShown(sms);
    const mail = await click(links[1]);
    assert.equal(mail?.service, 'mail');
    assert.equal(mail?.messageId, '300');
    await dataShown(mail!);
  });

  it('offers Show delivery status on hover, with only its own command trusted', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'log', content: 'INFO sent message_id=4242 ok' });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(0, 23),
    );
    const ours = hovers
      .flatMap((h) => h.contents)
      .find((c) => c instanceof vscode.MarkdownString && c.value.includes('Show delivery status')) as
      vscode.MarkdownString | undefined;
    assert.ok(ours, 'our hover is there');
    assert.match(ours.value, /\(command:partnerExplorer\.openMessageLink\?/);
    assert.deepEqual(ours.isTrusted, { enabledCommands: [OPEN_MESSAGE_LINK] });
    const none = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(0, 2),
    );
    assert.ok(
      !none.some((h) => h.contents.some((c) => c instanceof vscode.MarkdownString && c.value.includes('4242'))),
    );
  });

  it('a file over the size setting, or the setting off, gets no links; a bad pattern is reported once', async () => {
    const big = `${'x'.repeat(3000)}\n"message_id": 111\n`;
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: big });
    assert.equal((await messageLinks(doc)).length, 1, 'within the default 1 MB');
    await setSetting('messageLinks.maxFileSize', 2);
    assert.equal((await messageLinks(doc)).length, 0, 'over 2 KB');
    await setSetting('messageLinks.maxFileSize', undefined);
    await setSetting('messageLinks.enabled', false);
    assert.equal((await messageLinks(doc)).length, 0, 'off');
    await setSetting('messageLinks.enabled', undefined);
    const watch = watchNotifications();
    try {
      await setSetting('messageLinks.patterns', ['(', 'ref=(\\d+)']);
      const custom = await vscode.workspace.openTextDocument({ language: 'log', content: 'ref=12 message_id=5' });
      const found = await messageLinks(custom);
      assert.deepEqual(
        found.map((l) => custom.getText(l.range)),
        ['12'],
        'the good pattern replaces the defaults',
      );
      await messageLinks(custom);
      const reported = watch.shown.filter((n) => n.message.includes('is not a valid regular expression'));
      assert.equal(reported.length, 1, 'reported once');
      assert.equal(reported[0].level, 'warning');
    } finally {
      watch.dispose();
    }
  });

  it('the terminal finds ids in a line, and its link opens the panel; an unknown key asks nothing when one account fits', async () => {
    const ready = await resetAll();
    api = ready.api;
    await setKeys(api, ready.emu, ['sms']);
    const line = '$ curl …/v1/send → {"success":true,"message_id":111} ref messageId=4242';
    const links = api.messageLinks.provideTerminalLinks({ line, terminal: undefined as never });
    assert.deepEqual(
      links.map((l) => [line.substr(l.startIndex, l.length), l.service]),
      [
        ['111', 'sms'],
        ['4242', 'mail'],
      ],
    );
    await api.messageLinks.handleTerminalLink(links[0]);
    const panel = await waitFor(() => api.panels.get(sessionOf(api, 'sms').id, '111'), 'the SMS panel');
    await dataShown(panel);
    // messageId names Mail, but only an SMS account has a key: that one reads it.
    await api.messageLinks.handleTerminalLink(links[1]);
    await waitFor(() => api.panels.get(sessionOf(api, 'sms').id, '4242'), 'the panel of the only account');
  });
});
