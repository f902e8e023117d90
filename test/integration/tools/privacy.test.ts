import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { resetAll, setKeys, setSetting } from '../helpers/harness';
import { invoke, keysIn, unmaskedPersonalData } from './toolCalls';

/** Calls of every tool that reads an account: answers, errors and refusals. */
const CALLS: [string, object][] = [
  ['partnerExplorer_credits', {}],
  ['partnerExplorer_credits', { account: 'nobody@exemple.fr' }],
  ['partnerExplorer_deliveryStatus', { messageId: '4242', service: 'sms', maxRows: 200 }],
  ['partnerExplorer_deliveryStatus', { messageId: '4242', service: 'mail', maxRows: 200 }],
  ['partnerExplorer_deliveryStatus', { messageId: '111', service: 'sms' }],
  ['partnerExplorer_deliveryStatus', { messageId: '99999999', service: 'mail' }],
  ['partnerExplorer_deliveryStatus', { messageId: '4242' }],
  ['partnerExplorer_findSubaccount', { query: '@', service: 'sms', maxResults: 50 }],
  ['partnerExplorer_findSubaccount', { query: 'tok', service: 'mail', maxResults: 50 }],
  ['partnerExplorer_smsLength', { text: 'Call +33612345678 or write to jules@exemple.fr' }],
];

describe('Partner tools: privacy', () => {
  afterEach(async () => {
    await setSetting('tools.sharePersonalData', false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('no answer of any tool holds a key, and none holds a whole number or e-mail unless sharing is on', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu);
    let answers = 0;
    for (const share of [false, true]) {
      await setSetting('tools.sharePersonalData', share);
      let whole = 0;
      for (const [name, input] of CALLS) {
        const text = await invoke(name, input);
        answers++;
        assert.deepEqual(keysIn(text, emu), [], `${name} ${JSON.stringify(input)}`);
        const found = unmaskedPersonalData(text);
        whole += found.length;
        if (!share) {
          assert.deepEqual(found, [], `${name} ${JSON.stringify(input)}: ${text}`);
        }
      }
      assert.equal(whole > 0, share, share ? 'shared when allowed' : 'masked by default');
    }
    assert.equal(answers, CALLS.length * 2);
  });
});
