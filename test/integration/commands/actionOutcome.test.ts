import * as assert from 'node:assert/strict';
import { createSubaccount, type CreateSubaccountDeps } from '../../../src/commands/createSubaccount';
import { addToStopList, type StopListDeps } from '../../../src/commands/stopListCommands';
import { sendTestSms } from '../../../src/commands/sendTestSms';
import type { PartnerExplorerApi } from '../../../src/testApi';
import {
  type EmulatorHandle,
  removeAccounts,
  replaceKey,
  resetAll,
  sessionOf,
  smsAccountShown,
  waitFor,
} from '../helpers/harness';
import { notificationsEachTest } from '../helpers/notifications';

/*
 * Issue 24, item 2: an action cancelled after its request was written (the account's key
 * replaced, the account removed) may have happened: its outcome is unknown, said as such,
 * and the state re-read. "Not created" / "not changed" only when nothing left the machine.
 */

function createDeps(api: PartnerExplorerApi): CreateSubaccountDeps {
  return { sessions: api.sessions, confirm: async () => true, saveAsAccount: async () => undefined };
}

function stopDeps(api: PartnerExplorerApi): StopListDeps {
  return { sessions: api.sessions, confirm: async () => true };
}

const ready = smsAccountShown;

const received = async (emu: EmulatorHandle, endpoint: string) =>
  (await emu.requests()).filter((r) => r.endpoint === endpoint).length;

/** Waits until the emulator has the request (it answers 3 s later), then runs `then`. */
async function midRequest(emu: EmulatorHandle, endpoint: string, then: () => Promise<void>): Promise<void> {
  await waitFor(async () => ((await received(emu, endpoint)) > 0 ? true : undefined), `${endpoint} received`);
  await then();
}

describe('Actions cancelled after their request was written', () => {
  const notes = notificationsEachTest(resetAll);

  const warnings = () => notes.shown.filter((n) => n.level === 'warning').map((n) => n.message);
  const errors = () => notes.shown.filter((n) => n.level === 'error').map((n) => n.message);

  it('a creation whose key is replaced after the server received it: unknown, never "not created", the list read again', async () => {
    const { api, emu } = await ready();
    await emu.inject({ type: 'delay', ms: 3000, path: '/subaccount/create' });
    const running = createSubaccount(createDeps(api), 'sms', { type: 'simple', email: 'est@exemple.fr' });
    await midRequest(emu, '/subaccount/create', () => replaceKey(api, 'sms', 'another-key-0123456789'));
    assert.equal((await running).outcome, 'unknown');
    assert.deepEqual(errors(), [], JSON.stringify(notes.shown));
    assert.deepEqual(warnings(), [
      'The outcome of the creation is unknown: The request to SMS Partner was cancelled. The sub-accounts are being read again; check them before trying again.',
    ]);
    await waitFor(
      async () => ((await received(emu, '/subaccount/list')) > 0 ? true : undefined),
      'the list read again',
    );
    assert.equal(await received(emu, '/subaccount/create'), 1, 'never sent again');
  });

  it('a STOP number added while the account is removed mid-request: unknown, never "STOP list not changed"', async () => {
    const { api, emu } = await ready();
    await emu.inject({ type: 'delay', ms: 3000, path: '/stop-sms/add' });
    const running = addToStopList(stopDeps(api), 'sms', '+33612345670');
    await midRequest(emu, '/stop-sms/add', () => removeAccounts(api, 'sms'));
    assert.equal(await running, 'unknown');
    assert.ok(!errors().some((e) => e.startsWith('The STOP list was not changed')), JSON.stringify(notes.shown));
    assert.deepEqual(warnings(), [
      'The outcome is unknown: The request to SMS Partner was cancelled. The STOP list is being read again; check it before trying again.',
    ]);
  });

  it('a STOP number added while the key is replaced mid-request: unknown, and the list read again', async () => {
    const { api, emu } = await ready();
    await emu.inject({ type: 'delay', ms: 3000, path: '/stop-sms/add' });
    const running = addToStopList(stopDeps(api), 'sms', '+33612345671');
    await midRequest(emu, '/stop-sms/add', () => replaceKey(api, 'sms', 'another-key-0123456789'));
    assert.equal(await running, 'unknown');
    await waitFor(async () => ((await received(emu, '/stop-sms/list')) > 0 ? true : undefined), 'the list read again');
  });

  it('a real send whose key is replaced after the server received it: unknown, the credits read again', async () => {
    const { api, emu } = await ready();
    await emu.inject({ type: 'delay', ms: 3000, path: '/send' });
    const deps = {
      sessions: api.sessions,
      panels: api.panels,
      state: api.storage.global,
      reload: (session: Parameters<typeof api.tree.reload>[0]) => api.tree.reload(session),
      confirm: async () => true,
    };
    const args = { recipients: '+33612345678', message: 'Code 4242', sender: '', schedule: '', mode: 'real' };
    const running = sendTestSms(deps, 'sms', args);
    await midRequest(emu, '/send', () => replaceKey(api, 'sms', 'another-key-0123456789'));
    assert.equal(await running, 'unknown');
    assert.match(warnings()[0] ?? '', /^The outcome is unknown: the message may have been sent\. /);
    await waitFor(async () => ((await received(emu, '/me')) > 0 ? true : undefined), 'the credits read again');
  });

  it('a creation cancelled while waiting for its turn (the pacer): nothing left, "not created", no request', async () => {
    const { api, emu } = await ready();
    // A 429 asking to wait 3 s pauses every request to the emulator's origin (the shared pacer).
    await emu.inject({ type: 'rateLimit', retryAfter: '3', path: '/me' });
    void sessionOf(api, 'sms').refresh({ maxAgeMs: 0 });
    await waitFor(async () => ((await received(emu, '/me')) > 0 ? true : undefined), 'the 429');
    await new Promise((r) => setTimeout(r, 200));
    const running = createSubaccount(createDeps(api), 'sms', { type: 'simple', email: 'ouest@exemple.fr' });
    await new Promise((r) => setTimeout(r, 500));
    await replaceKey(api, 'sms', 'another-key-0123456789');
    assert.equal((await running).outcome, 'refused');
    assert.deepEqual(errors(), ['The sub-account was not created: The request to SMS Partner was cancelled.']);
    assert.deepEqual(warnings(), []);
    assert.equal(await received(emu, '/subaccount/create'), 0, 'nothing reached the provider');
  });
});
