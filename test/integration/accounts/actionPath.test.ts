import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Action, ActionHost } from '../../../src/accounts/actionPath';
import { PartnerError, type PartnerErrorInit } from '../../../src/api';
import { transferCredit } from '../../../src/commands/creditTransfer';
import { removeSubaccount } from '../../../src/commands/removeSubaccount';
import { type EmulatorHandle, resetAll, sessionOf, smsAccountShown } from '../helpers/harness';
import { notificationsEachTest } from '../helpers/notifications';
import { invoke } from '../tools/toolCalls';

/*
 * Issue 25, "one action path": every action that spends, sends, deletes or cancels goes
 * through the account session's path (`session.actions.perform`), commands and the agent's
 * tool alike: one guard per account, kind and subject, and a modal the path completes with
 * the account that acts.
 */

const ACCOUNT = 'agence.durand@exemple.fr';
const BUSY = `A test send for ${ACCOUNT} is already in progress.`;
const COMMAND_ARGS = { recipients: '+33612345678', message: 'Code 4242', sender: '', schedule: '', mode: 'sandbox' };
const TOOL_INPUT = { service: 'sms', recipients: ['+33612345678'], text: 'Code 4242' };

const ready = smsAccountShown;

const sends = async (emu: EmulatorHandle) => (await emu.requests()).filter((r) => r.endpoint === '/send').length;

describe('The one action path', () => {
  const notes = notificationsEachTest(resetAll);

  const busyNotes = () => notes.shown.filter((n) => n.message === BUSY);

  // Both orders of starting: whichever reaches the account's guard first sends, the other is busy.
  for (const first of ['command', 'tool'] as const) {
    it(`a command send and a tool send on one account started at once (${first} first): one request, the other busy`, async () => {
      const { emu } = await ready();
      // The first send stays in flight long enough for the second to meet it.
      await emu.inject({ type: 'delay', ms: 1500, path: '/send' });
      const command = () =>
        Promise.resolve(vscode.commands.executeCommand<string>('partnerExplorer.sendTestSms', 'sms', COMMAND_ARGS));
      const tool = () => invoke('partnerExplorer_sendTest', TOOL_INPUT);
      const [commandOutcome, toolText] =
        first === 'command'
          ? await Promise.all([command(), tool()])
          : await Promise.all([tool(), command()]).then(([t, c]) => [c, t] as const);
      assert.equal(await sends(emu), 1, 'the emulator received exactly one send');
      if (commandOutcome === 'busy') {
        assert.match(toolText, /sandbox test accepted/);
        assert.equal(busyNotes().length, 1, 'the command says "already in progress" once');
      } else {
        assert.equal(commandOutcome, 'sent');
        assert.equal(toolText, BUSY);
        assert.equal(busyNotes().length, 0, 'the tool is told in its answer, not by a notification');
      }
    });
  }

  it('the modal of a real transfer and of a removal names the account that acts (built by the path)', async () => {
    const { api, emu } = await ready();
    const node = api.tree.root('sms').subaccounts.subaccounts[1];
    const asked: string[] = [];
    const confirm = async (_message: string, detail: string) => {
      asked.push(detail);
      return false;
    };
    assert.equal(
      await transferCredit({ sessions: api.sessions, tree: api.tree, confirm }, 'add', node, '5'),
      'cancelled',
    );
    const typeEmail = async () => {
      throw new Error('the e-mail is asked only after the modal says yes');
    };
    assert.equal(await removeSubaccount({ sessions: api.sessions, confirm, typeEmail }, node), 'cancelled');
    assert.equal(asked.length, 2);
    for (const detail of asked) {
      assert.equal(detail.split('\n').at(-1), `Account: ${ACCOUNT} (SMS Partner)`, detail);
    }
    assert.deepEqual(
      (await emu.requests()).filter((r) => r.method !== 'GET'),
      [],
      'cancelled in the modal: nothing sent',
    );
  });

  it('the path itself: one run, one classification with its re-read, a guard per kind and subject, the account in the modal', async () => {
    const { api } = await ready();
    const session = sessionOf(api, 'sms');
    const said: string[] = [];
    const asked: string[] = [];
    const host = (answer: boolean): ActionHost => ({
      confirm: async (question, detail, button) => {
        asked.push(`${question}|${detail}|${button}`);
        return answer;
      },
      progress: (_title, task) => task(),
      say: (outcome, text) => void said.push(`${outcome}: ${text}`),
      reason: (error) => (error instanceof PartnerError ? error.kind : String(error)),
    });
    let runs = 0;
    let rereads = 0;
    const action = (run: () => Promise<string>, subject = 'token-1'): Action<string> => ({
      kind: 'transfer',
      subject,
      progress: 'Moving…',
      logAs: 'test action',
      run: () => {
        runs++;
        return run();
      },
      words: {
        busy: 'busy',
        refused: (reason) => `refused (${reason})`,
        notSent: (reason) => `not sent (${reason})`,
        unknown: (reason) => `unknown (${reason})`,
      },
      after: { unknown: () => void rereads++ },
    });
    const failing = (init: Omit<PartnerErrorInit, 'service' | 'host'>) =>
      action(() => Promise.reject(new PartnerError({ service: 'sms', host: '127.0.0.1', ...init })));
    const outcome = async (a: Action<string>, answer = true) =>
      (await session.actions.perform(a, host(answer))).outcome;

    assert.equal(await outcome(failing({ kind: 'api', code: 10 })), 'refused');
    assert.equal(await outcome(failing({ kind: 'cancelled', written: false })), 'notSent');
    assert.equal(await outcome(failing({ kind: 'timeout', timeoutMs: 1 })), 'unknown');
    assert.equal(runs, 3, 'one run each, never retried');
    assert.equal(rereads, 1, 'only the unknown outcome re-reads');
    assert.deepEqual(said, ['refused: refused (api)', 'notSent: not sent (cancelled)', 'unknown: unknown (timeout)']);

    // Held open: the same kind and subject is busy; another subject is not, and is asked its modal.
    let finish: (value: string) => void = () => undefined;
    const held = session.actions.perform(
      action(() => new Promise<string>((resolve) => (finish = resolve))),
      host(true),
    );
    assert.equal(await outcome(action(async () => 'second')), 'busy');
    const other = {
      ...action(async () => 'other', 'token-2'),
      confirm: { question: 'Q?', lines: ['effect'], button: 'Go' },
    };
    assert.equal(await outcome(other, false), 'cancelled');
    assert.equal(await outcome({ ...other, confirm: { ...other.confirm, pays: true } }, false), 'cancelled');
    finish('first');
    assert.deepEqual(await held, { outcome: 'done', value: 'first' });
    assert.equal(runs, 4, 'busy and cancelled ran nothing');
    assert.equal(said.at(-1), 'busy: busy');
    assert.deepEqual(asked, [
      `Q?|effect\nAccount: ${ACCOUNT} (SMS Partner)|Go`,
      `Q?|Account that pays: ${ACCOUNT} (SMS Partner)\neffect|Go`,
    ]);
  });
});
