import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { accountsRead, resetAll, setKeys } from '../helpers/harness';
import { apiRequests, invoke, TOOL_NAMES } from './toolCalls';

describe('Partner tools: registration and input', () => {
  it('lists every Partner tool in vscode.lm.tools with its input schema and tags', async () => {
    await resetAll();
    for (const name of TOOL_NAMES) {
      const tool = vscode.lm.tools.find((t) => t.name === name);
      assert.ok(tool, `${name} is listed`);
      assert.ok(tool.description.length > 100, `${name} has a precise model description`);
      assert.equal((tool.inputSchema as { type?: string } | undefined)?.type, 'object', `${name} schema`);
      assert.ok(tool.tags.includes('partnerExplorer'), `${name} tags`);
    }
  });

  it('counts SMS parts offline: no request, no account needed', async () => {
    const { emu } = await resetAll();
    assert.equal(
      await invoke('partnerExplorer_smsLength', { text: 'Hello from Partner' }),
      '1 SMS part(s): 18 of 160 units used, encoding GSM 03.38.\nNo character is replaced or removed.',
    );
    const long = 'a'.repeat(200);
    assert.match(await invoke('partnerExplorer_smsLength', { text: long }), /^2 SMS part\(s\): 200 of 306 units used/);
    assert.match(
      await invoke('partnerExplorer_smsLength', { text: 'Hi', unicode: true }),
      /^1 SMS part\(s\): 2 of 70 units used, encoding Unicode/,
    );
    assert.equal(await apiRequests(emu), 0);
  });

  it('refuses invalid input before any request, saying which field is wrong', async () => {
    // The tree out of sight: a tree left with Sub-accounts open reads their first page for
    // the new accounts whenever it renders them, a request no refusal made.
    await vscode.commands.executeCommand('workbench.view.explorer');
    const { api, emu } = await resetAll();
    await setKeys(api, emu);
    await accountsRead(api);
    const cases: [string, object, string][] = [
      ['partnerExplorer_deliveryStatus', {}, 'Give "messageId" or "tag", one of the two.'],
      ['partnerExplorer_deliveryStatus', { messageId: '12ab' }, 'A message id has digits only.'],
      ['partnerExplorer_deliveryStatus', { messageId: 12 }, 'The input field "messageId" must be text.'],
      [
        'partnerExplorer_deliveryStatus',
        { messageId: '4242', maxRows: 0 },
        'The input field "maxRows" must be a whole number from 1 to 200.',
      ],
      ['partnerExplorer_deliveryStatus', { messageId: '4242', sql: 'x' }, 'Unknown input field "sql".'],
      ['partnerExplorer_credits', { service: 'fax' }, 'The input field "service" must be one of: sms, mail.'],
      ['partnerExplorer_findSubaccount', { query: '   ' }, 'The input field "query" must not be empty.'],
      [
        'partnerExplorer_findSubaccount',
        { query: 'x'.repeat(201) },
        'The input field "query" must be at most 200 characters long.',
      ],
      ['partnerExplorer_smsLength', { text: 'hi', unicode: 'yes' }, 'The input field "unicode" must be true or false.'],
      ['partnerExplorer_credits', { account: 'Nobody' }, 'No account with a key is named "Nobody".'],
    ];
    // Each refusal is checked on its own clean request log: a background reading of the
    // accounts (the status bar's) may land during the test, not within one refusal.
    for (const [name, input, expected] of cases) {
      await emu.reset();
      const text = await invoke(name, input);
      assert.ok(text.startsWith(expected), `${name} ${JSON.stringify(input)}: ${text}`);
      const requests = await emu.requests();
      assert.deepEqual(
        requests.map((r) => `${r.service} ${r.endpoint}`),
        [],
        `no request for ${name} ${JSON.stringify(input)}`,
      );
    }
    await vscode.commands.executeCommand('workbench.view.extension.partnerExplorer');
  });
});
