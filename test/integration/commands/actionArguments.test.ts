import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cancelScheduledSend } from '../../../src/commands/cancelScheduledSend';
import { transferCredit } from '../../../src/commands/creditTransfer';
import { createSubaccount } from '../../../src/commands/createSubaccount';
import { removeSubaccount } from '../../../src/commands/removeSubaccount';
import { sendTestSms } from '../../../src/commands/sendTestSms';
import { addToStopList, removeFromStopList } from '../../../src/commands/stopListCommands';
import type { PartnerExplorerApi } from '../../../src/testApi';
import { SCHEDULED_MESSAGES } from '../../emulator/routes/messages';
import { type EmulatorHandle, resetAll, sessionOf, setKeys, settledChildren, waitFor } from '../helpers/harness';
import { watchNotifications } from '../helpers/notifications';

/*
 * Issue 24, item 1: what another extension's `executeCommand`, a command link or a keybinding
 * may pass to a command that spends, sends, deletes or cancels. Each hostile argument is
 * refused with a clear error before anything else: no modal, no request.
 */

const ARGS = { recipients: '+33612345678', message: 'Votre code est 4242', sender: 'Agence', schedule: '' };

async function ready(): Promise<{ api: PartnerExplorerApi; emu: EmulatorHandle }> {
  const { api, emu } = await resetAll();
  await setKeys(api, emu, ['sms', 'mail']);
  const sms = api.tree.root('sms');
  await settledChildren(api, sms);
  await settledChildren(api, sms.subaccounts);
  await waitFor(() => sessionOf(api, 'sms').state.kind === 'ready', 'credits read');
  await sessionOf(api, 'sms').stopList.loadAll();
  await emu.reset();
  return { api, emu };
}

/** Every request the emulator saw that acts (all but the reads a tree refresh may make). */
const actions = async (emu: EmulatorHandle) =>
  (await emu.requests()).filter((r) => !['/me', '/subaccount/list', '/stop-sms/list'].includes(r.endpoint));

describe('Hostile arguments to the commands that spend, send, delete or cancel', () => {
  let notes: ReturnType<typeof watchNotifications>;
  beforeEach(() => {
    notes = watchNotifications();
  });
  afterEach(async () => {
    notes.dispose();
    await resetAll();
  });

  const errors = () => notes.shown.filter((n) => n.level === 'error').map((n) => n.message);
  const modals = () => notes.shown.filter((n) => n.detail !== undefined);

  it("a send's mode 'Real', 'live', true or 1 (executeCommand) is refused: no modal, no request, a clear error", async () => {
    const { emu } = await ready();
    for (const mode of ['Real', 'live', true, 1, 'real ']) {
      const outcome = await vscode.commands.executeCommand('partnerExplorer.sendTestSms', 'sms', { ...ARGS, mode });
      assert.equal(outcome, 'refused', `mode ${JSON.stringify(mode)}`);
    }
    const mail = { recipients: 'ana@exemple.fr', subject: 'Test', html: '<p>Bonjour</p>', mode: 'REAL' };
    assert.equal(await vscode.commands.executeCommand('partnerExplorer.sendTestMail', 'mail', mail), 'refused');
    assert.deepEqual(await actions(emu), [], 'no request');
    assert.deepEqual(modals(), [], 'no modal');
    const modeError =
      "Send Test SMS: nothing was done. The argument \"mode\" must be exactly one of: 'sandbox', 'real'.";
    assert.deepEqual(errors(), [
      modeError,
      modeError,
      modeError,
      modeError,
      modeError,
      "Send Test E-mail: nothing was done. The argument \"mode\" must be exactly one of: 'sandbox', 'real'.",
    ]);
  });

  it('every other argument of a send is checked for its type, and nothing can answer the modal', async () => {
    const { api, emu } = await ready();
    let asked = 0;
    const deps = {
      sessions: api.sessions,
      panels: api.panels,
      state: api.storage.global,
      reload: async () => undefined,
      confirm: async () => {
        asked++;
        return false;
      },
    };
    const hostile: [unknown, unknown, string][] = [
      ['sms', { ...ARGS, recipients: ['+33612345678'] }, 'The argument "recipients" must be text.'],
      ['sms', { ...ARGS, message: 42 }, 'The argument "message" must be text.'],
      ['sms', { ...ARGS, sender: { name: 'Agence' } }, 'The argument "sender" must be text.'],
      ['sms', { ...ARGS, stopSms: 'yes' }, 'The argument "stopSms" must be true or false.'],
      ['sms', { ...ARGS, unicode: 1 }, 'The argument "unicode" must be true or false.'],
      ['sms', { ...ARGS, schedule: 20261224 }, 'The argument "schedule" must be text.'],
      ['sms', { ...ARGS, mode: 'real', confirmed: true }, 'Unknown argument "confirmed".'],
      ['sms', 'real', 'The command arguments must be an object.'],
      ['no-such-account', { ...ARGS, mode: 'sandbox' }, 'No account of the Partner Accounts view has that id.'],
      [{ accountId: 'forged' }, { ...ARGS, mode: 'sandbox' }, 'No account of the Partner Accounts view has that id.'],
      [
        42,
        { ...ARGS, mode: 'sandbox' },
        'The first argument must be an account id, sms or mail, or an item of the Partner Accounts view.',
      ],
    ];
    for (const [target, args, problem] of hostile) {
      assert.equal(await sendTestSms(deps, target, args), 'refused', JSON.stringify(args));
      assert.equal(errors().pop(), `Send Test SMS: nothing was done. ${problem}`);
    }
    assert.equal(asked, 0, 'no modal');
    assert.deepEqual(await actions(emu), [], 'no request');
  });

  it('transfers, creations, removals, STOP list changes and cancellations refuse hostile arguments: no modal, no request', async () => {
    const { api, emu } = await ready();
    let asked = 0;
    const confirm = async () => {
      asked++;
      return true;
    };
    const session = sessionOf(api, 'sms');
    const node = api.tree.root('sms').subaccounts.subaccounts[1];
    const transfer = { sessions: api.sessions, tree: api.tree, confirm };
    const typeEmail = async () => node.subaccount.email;
    const stop = { sessions: api.sessions, confirm };
    const cancel = { sessions: api.sessions, panels: api.panels, confirm };
    // An object made up to look like a tree item: a sub-account the account never listed.
    const forged = { ...node, kind: 'subaccount', subaccount: { ...node.subaccount, token: 'not-listed' } };
    const forgedEntry = {
      kind: 'stopEntry',
      accountId: session.id,
      entry: { id: 999_999, phoneNumber: '+33600000000' },
    };
    const outcomes = [
      await transferCredit(transfer, 'add', node, 10),
      await transferCredit(transfer, 'add', node, { amount: '10' }),
      await transferCredit(transfer, 'remove', forged, '1'),
      (
        await createSubaccount({ ...stop, saveAsAccount: async () => undefined }, 'sms', {
          type: 'simple',
          creditToAttribute: 100,
        })
      ).outcome,
      (await createSubaccount({ ...stop, saveAsAccount: async () => undefined }, 'sms', { type: 'Simple' })).outcome,
      (
        await createSubaccount({ ...stop, saveAsAccount: async () => undefined }, 'sms', {
          type: 'simple',
          confirm: true,
        })
      ).outcome,
      await removeSubaccount({ ...stop, typeEmail }, forged),
      await removeSubaccount({ ...stop, typeEmail }, 'no-such-account'),
      await addToStopList(stop, 'sms', 612345678),
      await addToStopList(stop, 'no-such-account', '+33612345678'),
      await removeFromStopList(stop, forgedEntry),
      await cancelScheduledSend(cancel, session.id, { messageId: SCHEDULED_MESSAGES.later }),
      await cancelScheduledSend(cancel, 'no-such-account', SCHEDULED_MESSAGES.later),
    ];
    assert.deepEqual(outcomes, Array(outcomes.length).fill('refused'));
    assert.deepEqual(errors(), [
      'Add Credit: nothing was done. The argument "amount" must be text.',
      'Add Credit: nothing was done. The argument "amount" must be text.',
      'Remove Credit: nothing was done. That sub-account is not one the Partner Accounts view lists.',
      'Create Sub-account: nothing was done. The argument "creditToAttribute" must be text.',
      "Create Sub-account: nothing was done. The argument \"type\" must be exactly one of: 'simple', 'advanced'.",
      'Create Sub-account: nothing was done. Unknown argument "confirm".',
      'Remove Sub-account: nothing was done. That sub-account is not one the Partner Accounts view lists.',
      'Remove Sub-account: nothing was done. No account of the Partner Accounts view has that id.',
      'Add to STOP List: nothing was done. The argument "number" must be text.',
      'Add to STOP List: nothing was done. No account of the Partner Accounts view has that id.',
      'Remove from STOP List: nothing was done. That number is not one the STOP list shows.',
      'Cancel Scheduled Send: nothing was done. The argument "messageId" must be text.',
      'Cancel Scheduled Send: nothing was done. No account of the Partner Accounts view has that id.',
    ]);
    assert.equal(asked, 0, 'no modal');
    assert.deepEqual(await actions(emu), [], 'no request');
  });
});
