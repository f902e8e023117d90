import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SERVICES, type ServiceId } from '../../../src/api';
import type { PartnerExplorerApi } from '../../../src/testApi';
import { SAMPLE_TAGS } from '../../emulator/routes/messages';
import {
  type EmulatorHandle,
  resetAll,
  sessionOf,
  setKeys,
  setSetting,
  settledChildren,
  waitFor,
} from '../helpers/harness';
import { watchNotifications } from '../helpers/notifications';

const LANGUAGES = ['curl', 'javascript', 'python', 'php', 'go'] as const;
const LABELS: Record<(typeof LANGUAGES)[number], string> = {
  curl: 'curl',
  javascript: 'JavaScript',
  python: 'Python',
  php: 'PHP',
  go: 'Go',
};

interface Row {
  readonly service: ServiceId;
  readonly kind: string;
  readonly inputs?: Record<string, unknown>;
  /** The endpoint, and what each snippet must carry of the inputs (as sent, not as typed). */
  readonly path: string;
  readonly carries: readonly string[];
}

const ROWS: readonly Row[] = [
  { service: 'sms', kind: 'credits', path: 'me', carries: [] },
  { service: 'sms', kind: 'subaccounts', inputs: { page: '3' }, path: 'subaccount/list', carries: ['page', '3'] },
  { service: 'sms', kind: 'messageStatus', inputs: { messageId: '111' }, path: 'bulk-status', carries: ['messageId'] },
  {
    service: 'sms',
    kind: 'tagStatus',
    inputs: { tag: SAMPLE_TAGS.promo },
    path: 'bulk-status-by-tag',
    carries: [SAMPLE_TAGS.promo],
  },
  {
    service: 'sms',
    kind: 'testSend',
    inputs: { recipients: '+33 6 12 34 56 78', sender: 'Agence', message: 'Votre code : 4242' },
    path: 'send',
    carries: ['+33612345678', 'Agence', 'Votre code : 4242', 'sandbox'],
  },
  {
    service: 'sms',
    kind: 'lookup',
    inputs: { phoneNumber: '06 12 34 56 78' },
    path: 'lookup',
    carries: ['+33612345678'],
  },
  { service: 'sms', kind: 'stopList', path: 'stop-sms/list', carries: ['page'] },
  {
    service: 'sms',
    kind: 'statistics',
    inputs: { range: { from: '2026-01-01', to: '2026-03-31' } },
    path: 'statistics/cost-resume',
    carries: ['custom', '01-01-2026', '31-03-2026'],
  },
  { service: 'mail', kind: 'credits', path: 'me', carries: [] },
  { service: 'mail', kind: 'subaccounts', inputs: { page: '1' }, path: 'subaccount/list', carries: ['page'] },
  { service: 'mail', kind: 'messageStatus', inputs: { messageId: '300' }, path: 'bulk-status', carries: ['300'] },
  {
    service: 'mail',
    kind: 'testSend',
    inputs: { recipients: 'client@exemple.fr', subject: 'Offre', html: '<p>Bonjour</p>' },
    path: 'send',
    carries: ['client@exemple.fr', 'Offre', '<p>Bonjour</p>', 'sandbox'],
  },
];

async function ready(format: 'json' | 'xml'): Promise<{ api: PartnerExplorerApi; emu: EmulatorHandle }> {
  const { api, emu } = await resetAll(format);
  await setKeys(api, emu, ['sms', 'mail']);
  await waitFor(() => sessionOf(api, 'sms').client && sessionOf(api, 'mail').client, 'both clients');
  return { api, emu };
}

/** What every snippet must hold, and must not: the URL, the format, the variable; never a key. */
function assertSnippet(snippet: string, emu: EmulatorHandle, service: ServiceId, path: string, format: string): void {
  assert.ok(snippet.includes(`${emu.apiUrl(service)}/${path}`), `the URL of ${path}:\n${snippet}`);
  assert.match(snippet, new RegExp(`_format\\W{1,6}${format}\\b`), snippet);
  assert.ok(snippet.includes(SERVICES[service].keyEnvVar), snippet);
  assert.ok(snippet.includes(SERVICES[service].dashboardUrl), 'where to get a key');
  for (const key of [emu.apiKey('sms'), emu.apiKey('mail')]) {
    assert.ok(!snippet.includes(key), 'no key in the snippet');
  }
}

/** Presses Enter in the quick pick that `running` opens (its first item) until it settles. */
async function acceptFirst<T>(running: Thenable<T>): Promise<T> {
  let settled = false;
  void Promise.resolve(running).finally(() => (settled = true));
  for (let i = 0; i < 50 && !settled; i++) {
    await new Promise((r) => setTimeout(r, 200));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return running;
}

describe('Copy as Code', () => {
  let notes: ReturnType<typeof watchNotifications>;
  beforeEach(async () => {
    notes = watchNotifications();
    await vscode.env.clipboard.writeText('');
  });
  afterEach(async () => {
    notes.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.env.clipboard.writeText('');
  });

  for (const format of ['json', 'xml'] as const) {
    it(`copies every request in the five languages, in the ${format} format, without the key`, async () => {
      const { api, emu } = await ready(format);
      for (const row of ROWS) {
        for (const language of LANGUAGES) {
          const account = sessionOf(api, row.service).id;
          const copied = await vscode.commands.executeCommand(
            'partnerExplorer.copyRequestAsCode',
            account,
            row.kind,
            language,
            row.inputs,
          );
          assert.equal(copied, language, `${row.service} ${row.kind} in ${language}`);
          const snippet = await vscode.env.clipboard.readText();
          assertSnippet(snippet, emu, row.service, row.path, format);
          for (const value of row.carries) {
            assert.ok(snippet.includes(value), `${row.kind} in ${language} carries ${value}:\n${snippet}`);
          }
          const said = notes.shown.at(-1)?.message ?? '';
          assert.match(
            said,
            new RegExp(`^${LABELS[language]}.* copied to the clipboard\\. It reads the API key from `),
          );
          assert.ok(!said.includes(emu.apiKey(row.service)));
        }
      }
      // Nothing was sent: copying is not a request.
      assert.equal((await emu.requests()).filter((r) => r.endpoint === '/send').length, 0);
    });
  }

  it("refuses a request the account's service does not have, and a language it does not write", async () => {
    const { api } = await ready('json');
    const mail = sessionOf(api, 'mail').id;
    assert.equal(
      await vscode.commands.executeCommand('partnerExplorer.copyRequestAsCode', mail, 'lookup', 'curl'),
      undefined,
    );
    const sms = sessionOf(api, 'sms').id;
    assert.equal(
      await vscode.commands.executeCommand('partnerExplorer.copyRequestAsCode', sms, 'credits', 'cobol'),
      undefined,
    );
    assert.deepEqual(
      notes.shown.slice(-2).map((n) => n.message),
      ['Mail Partner has no request “lookup” to copy.', 'cobol is not a language Copy as Code writes.'],
    );
    assert.equal(await vscode.env.clipboard.readText(), '');
  });

  it("copies an account's and a sub-account's credits request from the tree, never a key", async () => {
    const { api, emu } = await ready('xml');
    const sms = api.tree.root('sms');
    await settledChildren(api, sms);
    await settledChildren(api, sms.subaccounts);
    assert.equal(await vscode.commands.executeCommand('partnerExplorer.copyCreditsAsCode', sms, 'python'), 'python');
    assertSnippet(await vscode.env.clipboard.readText(), emu, 'sms', 'me', 'xml');
    const sub = sms.subaccounts.subaccounts[1];
    assert.equal(await vscode.commands.executeCommand('partnerExplorer.copyCreditsAsCode', sub, 'go'), 'go');
    const snippet = await vscode.env.clipboard.readText();
    assertSnippet(snippet, emu, 'sms', 'me', 'xml');
    assert.match(snippet, /the sub-account's own SMS Partner API key/);
    assert.ok(sub.subaccount.apiKey && !snippet.includes(sub.subaccount.apiKey), "no sub-account's key");
    assert.ok(!notes.shown.some((n) => n.message.includes(sub.subaccount.email)), 'no e-mail in the notification');
  });

  it('copies the request behind the message-status panel (Copy as Code button)', async () => {
    const { api, emu } = await ready('json');
    const account = sessionOf(api, 'sms').id;
    await vscode.commands.executeCommand('partnerExplorer.showMessageStatus', account, '111');
    const panel = await waitFor(() => api.panels.get(account, '111'), 'the panel');
    await waitFor(() => panel.current, 'the reading');
    // The webview's button posts `copyAsCode`; the panel asks for a language (curl is first).
    const receive = (panel as unknown as { receive(m: unknown): Promise<void> }).receive.bind(panel);
    await acceptFirst(receive({ type: 'copyAsCode' }));
    const snippet = await waitFor(async () => (await vscode.env.clipboard.readText()) || undefined, 'the snippet');
    assertSnippet(snippet, emu, 'sms', 'bulk-status', 'json');
    assert.match(snippet, /^curl /m);
    assert.match(snippet, /messageId=111/);
  });

  /** A sandbox send by command, then the outcome's Copy as Code clicked and the first language (curl) taken. */
  async function copiedFromSendOutcome(args: Record<string, unknown>): Promise<string> {
    const window = vscode.window as unknown as { showInformationMessage: (...a: unknown[]) => Thenable<unknown> };
    const original = window.showInformationMessage;
    // The user clicks the outcome's button.
    window.showInformationMessage = (message: unknown, ...items: unknown[]) =>
      String(message).startsWith('Sandbox send accepted') && items.includes('Copy as Code…')
        ? Promise.resolve('Copy as Code…')
        : original.call(vscode.window, message, ...items);
    try {
      const sent = await vscode.commands.executeCommand('partnerExplorer.sendTestSms', 'sms', {
        sender: 'Agence',
        mode: 'sandbox',
        schedule: '',
        ...args,
      });
      assert.equal(sent, 'sent');
      // The button asks for a language: Enter takes the first (curl).
      return await waitFor(async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return (await vscode.env.clipboard.readText()) || undefined;
      }, 'the snippet');
    } finally {
      window.showInformationMessage = original;
    }
  }

  // The outcome's snippet sends what the extension sent (in sandbox), options included.
  const outcomes = [
    {
      title: 'the outcome of a sandbox test send offers Copy as Code, with the recipients, sender and text sent',
      format: 'xml',
      args: { message: 'Votre code est 4242', stopSms: false, unicode: false },
      expected: ['+33612345678', 'Votre code est 4242', 'Agence', '"sandbox": 1'],
    },
    {
      title: "the outcome's Copy as Code keeps the send's options: the STOP mention and Unicode",
      format: 'json',
      args: { message: 'Rendez-vous à 9h ✅', stopSms: true, unicode: true },
      expected: ['"isStopSms": 1', '"isUnicode": 1', '"sandbox": 1', 'Rendez-vous à 9h ✅'],
    },
  ] as const;
  for (const { title, format, args, expected } of outcomes) {
    it(title, async () => {
      const { emu } = await ready(format);
      const snippet = await copiedFromSendOutcome({ recipients: '+33612345678', ...args });
      assertSnippet(snippet, emu, 'sms', 'send', format);
      for (const value of expected) {
        assert.ok(snippet.includes(value), `${value}:\n${snippet}`);
      }
    });
  }

  /** A `.sms` document with `content`: its Copy as Code action, and what it copies in `language`. */
  async function copiedFromSmsDocument(
    content: string,
    language: string,
  ): Promise<{ inputs: unknown; snippet: string }> {
    const doc = await vscode.workspace.openTextDocument({ language: 'sms', content });
    await vscode.window.showTextDocument(doc);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      new vscode.Range(0, 0, 0, 0),
    );
    const action = actions.find((a) => a.title === 'Copy as Code: Send This Text in Sandbox…');
    assert.ok(action?.command, JSON.stringify(actions.map((a) => a.title)));
    const [target, kind, , inputs] = action.command.arguments ?? [];
    assert.deepEqual([target, kind], ['sms', 'testSend']);
    // The recipients and sender it asks for, given here.
    const given = { ...(inputs as object), recipients: '+33612345678', sender: '' };
    await vscode.commands.executeCommand(action.command.command, target, kind, language, given);
    return { inputs, snippet: await vscode.env.clipboard.readText() };
  }

  it('offers a sandbox send of the text in a .sms document, as a code action', async () => {
    const { emu } = await ready('json');
    const { inputs, snippet } = await copiedFromSmsDocument('Rappel : RDV demain 9h', 'javascript');
    assert.deepEqual(inputs, { message: 'Rappel : RDV demain 9h' });
    assertSnippet(snippet, emu, 'sms', 'send', 'json');
    assert.ok(snippet.includes('message: "Rappel : RDV demain 9h"'), snippet);
    assert.ok(!snippet.includes('sender'), 'no sender: the operator short code');
  });

  it("a .sms document's code action sends as the document is measured: Unicode and the STOP mention", async () => {
    const { emu } = await ready('json');
    await setSetting('smsLength.unicode', true);
    await setSetting('smsLength.stopMention', true);
    try {
      const { snippet } = await copiedFromSmsDocument('Merci ✅ à demain', 'python');
      assertSnippet(snippet, emu, 'sms', 'send', 'json');
      for (const value of ['"isUnicode": 1', '"isStopSms": 1', '"sandbox": 1']) {
        assert.ok(snippet.includes(value), `${value}:\n${snippet}`);
      }
    } finally {
      await setSetting('smsLength.unicode', undefined);
      await setSetting('smsLength.stopMention', undefined);
    }
  });
});
