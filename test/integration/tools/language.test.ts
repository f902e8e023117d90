import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { note, resetAll, setKeys } from '../helpers/harness';
import { invoke } from './toolCalls';

/*
 * The answers follow VS Code's display language. The suite runs in English by
 * default; `PARTNER_TEST_LOCALE=fr` runs the same host in French, where the same
 * calls must answer in French.
 */
describe('Partner tools: display language', () => {
  it('answers and refusals in the language VS Code runs in', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['mail']);
    const french = vscode.env.language.toLowerCase().startsWith('fr');
    note(`display language: ${vscode.env.language}`);
    const status = await invoke('partnerExplorer_deliveryStatus', { messageId: '4242', maxRows: 1 });
    const refused = await invoke('partnerExplorer_deliveryStatus', { messageId: '42a' });
    const length = await invoke('partnerExplorer_smsLength', { text: 'Bonjour' });
    note(`| ${status.split('\n')[1]}`);
    if (french) {
      assert.match(
        status,
        /: message 4242, 48 destinataires\.\nRemis \d+, non remis \d+, en attente \d+, autres \d+\./,
      );
      assert.match(status, /\nDestinataires, non remis en premier \(1 sur 48\) :\n/);
      assert.equal(refused, 'Un identifiant de message ne contient que des chiffres.');
      assert.match(length, /^1 partie\(s\) de SMS : 7 unités utilisées sur 160, encodage GSM 03\.38\./);
    } else {
      assert.match(
        status,
        /: message 4242, 48 recipients\.\nDelivered \d+, not delivered \d+, waiting \d+, other \d+\./,
      );
      assert.match(status, /\nRecipients, not delivered first \(1 of 48\):\n/);
      assert.equal(refused, 'A message id has digits only.');
      assert.match(length, /^1 SMS part\(s\): 7 of 160 units used, encoding GSM 03\.38\./);
    }
  });
});
