import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEFAULT_TRACKING } from '../../../src/panels/messageStatus/liveTracking';
import type { SendFlowDeps } from '../../../src/commands/sendTestFlow';
import { sendTestSms, type SendSmsArgs } from '../../../src/commands/sendTestSms';
import type { PartnerExplorerApi } from '../../../src/testApi';
import { SEND_TEST_RECIPIENTS } from '../../emulator/routes/send';
import { french } from '../../unit/helpers/bundleTranslate';
import {
  type EmulatorHandle,
  resetAll,
  sessionOf,
  setKeys,
  setSetting,
  settledChildren,
  testHooks,
  waitFor,
} from '../helpers/harness';
import { watchNotifications, type ShownNotification } from '../helpers/notifications';

interface Asked {
  message: string;
  detail: string;
  action: string;
}

// The real command asks with a modal dialog; here the same flow answers it, and
// records what it was asked (as the credit-transfer tests do): no modal is left open.
function depsFor(api: PartnerExplorerApi, answer: boolean, asked: Asked[] = []): SendFlowDeps {
  return {
    sessions: api.sessions,
    panels: api.panels,
    state: api.storage.global,
    reload: (session) => api.tree.reload(session),
    confirm: async (message, detail, action) => {
      asked.push({ message, detail, action });
      return answer;
    },
  };
}

const ARGS: SendSmsArgs = {
  recipients: '+33612345678',
  message: 'Votre code est 4242',
  sender: 'Agence',
  stopSms: false,
  unicode: false,
  schedule: '',
};

async function ready(format: 'json' | 'xml' = 'json'): Promise<{ api: PartnerExplorerApi; emu: EmulatorHandle }> {
  const { api, emu } = await resetAll(format);
  await setKeys(api, emu, ['sms']);
  await settledChildren(api, api.tree.root('sms'));
  await waitFor(() => sessionOf(api, 'sms').state.kind === 'ready', 'credits read');
  return { api, emu };
}

const sends = async (emu: EmulatorHandle) => (await emu.requests()).filter((r) => r.endpoint === '/send').length;

function messageIdIn(shown: readonly ShownNotification[]): string {
  const text = shown.find((n) => /message \d+/.test(n.message))?.message ?? '';
  return /message (\d+)/.exec(text)?.[1] ?? '';
}

describe('Send Test SMS', () => {
  let notes: ReturnType<typeof watchNotifications>;
  beforeEach(() => {
    notes = watchNotifications();
  });
  afterEach(async () => {
    notes.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const { emu } = await resetAll();
    await emu.clearFaults();
    testHooks().trackingPolicy = DEFAULT_TRACKING;
    await setSetting('requestTimeout', 10);
  });

  for (const format of ['json', 'xml'] as const) {
    it(`a sandbox send lands in the message-status panel with live tracking, and charges nothing (${format})`, async () => {
      const { api, emu } = await ready(format);
      testHooks().trackingPolicy = { delaysMs: [300, 600], maxAgeMs: DEFAULT_TRACKING.maxAgeMs };
      const before = sessionOf(api, 'sms').account?.credits.balance.amount;
      const outcome = await vscode.commands.executeCommand('partnerExplorer.sendTestSms', 'sms', {
        ...ARGS,
        mode: 'sandbox',
      });
      assert.equal(outcome, 'sent');
      const info = notes.shown.find((n) => n.message.startsWith('Sandbox'));
      assert.match(
        info?.message ?? '',
        /^Sandbox send accepted: message \d+, 1 SMS, cost €0\.038 \(nothing charged\)\.$/,
      );
      const id = messageIdIn(notes.shown);
      const panel = await waitFor(() => api.panels.get(sessionOf(api, 'sms').id, id), 'the panel for the message');
      await waitFor(() => panel.tracking.state === 'live', 'live tracking');
      await waitFor(
        () => panel.current?.rows.some((r) => r.status === 'Delivered'),
        'a delivery report arriving by itself',
        10_000,
      );
      assert.equal(await sends(emu), 1);
      assert.equal(notes.shown.filter((n) => n.detail !== undefined).length, 0, 'no modal for a sandbox send');
      await api.tree.reload(sessionOf(api, 'sms'));
      assert.equal(sessionOf(api, 'sms').account?.credits.balance.amount, before);
      // The sender is remembered for the account; the numbers are not stored anywhere.
      const stored = api.storage.global.keys().map((k) => JSON.stringify(api.storage.global.get(k)));
      assert.equal(api.storage.global.get(`partnerExplorer.sendTest.sender.${sessionOf(api, 'sms').id}`), 'Agence');
      assert.ok(!stored.some((v) => v?.includes('612345678')), 'no recipient in globalState');
    });
  }

  it("from the editor's context menu (a document URI) the SMS account sends the selection", async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['sms', 'mail']);
    await waitFor(() => sessionOf(api, 'sms').client !== undefined || undefined, 'the SMS client');
    const text = 'Rappel : '.padEnd(200, 'x');
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: `avant\n${text}\naprès` });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(1, 0, 1, text.length);
    const noMessage: SendSmsArgs = { ...ARGS, message: undefined };
    const running = vscode.commands.executeCommand('partnerExplorer.sendTestSms', doc.uri, {
      ...noMessage,
      mode: 'sandbox',
    });
    // The message box opens with the selection in it; Enter accepts it as it is (pressed until
    // the box has opened: the only question left, the other answers are given).
    let settled = false;
    void Promise.resolve(running).finally(() => (settled = true));
    for (let i = 0; i < 50 && !settled; i++) {
      await new Promise((r) => setTimeout(r, 200));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    assert.equal(await running, 'sent');
    assert.ok(
      notes.shown.some((n) => /^Sandbox send accepted: message \d+, 2 SMS, cost €0\.076/.test(n.message)),
      JSON.stringify(notes.shown),
    );
    assert.equal(await sends(emu), 1);
  });

  it('a scheduled sandbox send says when it will leave, and its recipient waits in the panel', async () => {
    const { api } = await ready();
    const outcome = await vscode.commands.executeCommand('partnerExplorer.sendTestSms', 'sms', {
      ...ARGS,
      schedule: '24/12/2099 09:30',
      mode: 'sandbox',
    });
    assert.equal(outcome, 'sent');
    const info = notes.shown.find((n) => n.message.startsWith('Sandbox'))?.message ?? '';
    assert.match(
      info,
      /^Sandbox send accepted: message \d+, 1 SMS, cost €0\.038 \(nothing charged\)\. The provider scheduled it for 2099-12-24 09:30:00 \(Paris time\)\.$/,
    );
    const panel = await waitFor(
      () => api.panels.get(sessionOf(api, 'sms').id, /message (\d+)/.exec(info)![1]),
      'the panel for the message',
    );
    await waitFor(() => panel.current?.rows.length === 1 || undefined, 'the recipient');
    assert.deepEqual(
      panel.current?.rows.map((r) => r.status),
      ['Waiting'],
    );
  });

  it('a real send asks first, stating recipients (masked), segments and cost, and is sent exactly once even when invoked twice', async () => {
    const { api, emu } = await ready();
    // A sandbox send first: its answer gives the price the modal then estimates with.
    await sendTestSms(depsFor(api, true), 'sms', { ...ARGS, mode: 'sandbox' });
    await emu.latency(400);
    const asked: Asked[] = [];
    const args = { ...ARGS, recipients: '+33612345678, +33698765432', message: 'x'.repeat(200), mode: 'real' } as const;
    const outcomes = await Promise.all([
      sendTestSms(depsFor(api, true, asked), 'sms', args),
      sendTestSms(depsFor(api, true, asked), 'sms', args),
    ]);
    await emu.latency(0);
    assert.deepEqual([...outcomes].sort(), ['busy', 'sent']);
    assert.deepEqual(asked, [
      {
        message: 'Send 4 SMS to 2 recipient(s) for real from agence.durand@exemple.fr? This spends credit.',
        detail:
          'Account that pays: agence.durand@exemple.fr (SMS Partner)\n' +
          'Sender: Agence\n' +
          'Recipients (2): +336••••••78, +336••••••32\n' +
          'Segments: 2 SMS per recipient, 4 in all\n' +
          'Estimated cost: €0.152 (at the price of the last send)',
        action: 'Send for Real',
      },
    ]);
    assert.equal(await sends(emu), 2, 'the sandbox send and one real send');
    assert.ok(
      notes.shown.some((n) => n.message === 'A test send for agence.durand@exemple.fr is already in progress.'),
    );
    assert.ok(notes.shown.some((n) => /^Sent: message \d+, 4 SMS, cost €0\.152\.$/.test(n.message)));
    await waitFor(
      () => sessionOf(api, 'sms').account?.credits.balance.amount === '10224.967' || undefined,
      'the credits read again after the real send',
    );
  });

  it('cancelling the modal sends nothing', async () => {
    const { api, emu } = await ready();
    const outcome = await sendTestSms(depsFor(api, false), 'sms', { ...ARGS, mode: 'real' });
    assert.equal(outcome, 'cancelled');
    assert.equal(await sends(emu), 0);
  });

  it('refuses bad input before any request', async () => {
    const { api, emu } = await ready();
    const deps = depsFor(api, true);
    assert.equal(await sendTestSms(deps, 'sms', { ...ARGS, recipients: '0612345678', mode: 'sandbox' }), 'refused');
    assert.equal(await sendTestSms(deps, 'sms', { ...ARGS, recipients: '+3361234', mode: 'sandbox' }), 'refused');
    assert.equal(await sendTestSms(deps, 'sms', { ...ARGS, sender: 'AB', mode: 'sandbox' }), 'refused');
    assert.equal(await sendTestSms(deps, 'sms', { ...ARGS, message: ' ', mode: 'sandbox' }), 'refused');
    const six = [1, 2, 3, 4, 5, 6].map((i) => `+3361234567${i}`).join(',');
    assert.equal(await sendTestSms(deps, 'sms', { ...ARGS, recipients: six, mode: 'sandbox' }), 'refused');
    assert.equal(await sends(emu), 0);
    assert.deepEqual(
      notes.shown.filter((n) => n.level === 'error').map((n) => n.message),
      [
        '0612345678 is not an international number: write it as +33612345678.',
        '+3361234: This number has the wrong number of digits.',
        'Between 3 and 11 characters.',
        'The message is empty.',
        'A test goes to at most 5 numbers.',
      ],
    );
  });

  it('documented refusals say what to do, in English and French', async () => {
    const { api, emu } = await ready();
    const deps = depsFor(api, true);
    const errors = () => notes.shown.filter((n) => n.level === 'error').map((n) => n.message);

    assert.equal(
      await sendTestSms(deps, 'sms', { ...ARGS, recipients: SEND_TEST_RECIPIENTS.stopListed, mode: 'sandbox' }),
      'refused',
    );
    assert.equal(
      errors().pop(),
      'The send was refused: +33699999914 is on the STOP SMS list (it unsubscribed). Remove it and send again.',
    );
    assert.equal(
      french(
        'The send was refused: {0} is on the STOP SMS list (it unsubscribed). Remove it and send again.',
        '+33699999914',
      ),
      "L'envoi a été refusé : +33699999914 est dans la liste STOP SMS (il s'est désabonné). Retirez-le et renvoyez.",
    );

    await emu.inject({ type: 'apiError', code: 96, path: '/send' });
    assert.equal(await sendTestSms(deps, 'sms', { ...ARGS, mode: 'sandbox' }), 'refused');
    const ipEn =
      "The send was refused: SMS Partner: this machine's IP address is not authorized (code 96). The account only " +
      "accepts API calls from the IP addresses listed in its dashboard settings: add this machine's address there, " +
      'or send from an allowed network.';
    assert.equal(errors().pop(), ipEn);

    await emu.inject({ type: 'apiError', code: 11, path: '/send' });
    assert.equal(await sendTestSms(deps, 'sms', { ...ARGS, mode: 'real' }), 'refused');
    assert.equal(
      errors().pop(),
      'The send was refused: SMS Partner: the account has insufficient credit (code 11). Buy credit in the dashboard, then send again.',
    );
    assert.equal(
      french(
        'The send was refused: {0} Buy credit in the dashboard, then send again.',
        french('{0}: {1} (code {2}).', 'SMS Partner', french('the account has insufficient credit'), '11'),
      ),
      "L'envoi a été refusé : SMS Partner : le crédit du compte est insuffisant (code 11). Achetez du crédit dans le tableau de bord, puis renvoyez.",
    );
    assert.equal(await sends(emu), 3);
  });

  it('a timeout after sending: the outcome is unknown, one request only, credits read again', async () => {
    const { api, emu } = await ready();
    const before = sessionOf(api, 'sms').client;
    await setSetting('requestTimeout', 1);
    await waitFor(
      () => (sessionOf(api, 'sms').client ?? before) !== before || undefined,
      'the client with the new timeout',
    );
    await emu.inject({ type: 'hang', path: '/send' });
    const meBefore = (await emu.requests()).filter((r) => r.endpoint === '/me').length;
    const outcome = await sendTestSms(depsFor(api, true), 'sms', { ...ARGS, mode: 'real' });
    assert.equal(outcome, 'unknown');
    const warning = notes.shown.find((n) => n.level === 'warning');
    assert.equal(
      warning?.message,
      'The outcome is unknown: the message may have been sent. SMS Partner timed out after 1 s. Try again later. ' +
        'The credits are being read again; check the account before sending again.',
    );
    await waitFor(
      async () => (await emu.requests()).filter((r) => r.endpoint === '/me').length > meBefore || undefined,
      'credits read again',
    );
    assert.equal(await sends(emu), 1, 'never retried');
  });
});
