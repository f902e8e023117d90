import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ServiceId } from '../../../src/api';
import { createSubaccount, type CreateSubaccountDeps } from '../../../src/commands/createSubaccount';
import { emailProblem } from '../../../src/commands/createSubaccountSteps';
import { removeSubaccount, typedEmailProblem, type RemoveSubaccountDeps } from '../../../src/commands/removeSubaccount';
import type { PartnerExplorerApi } from '../../../src/testApi';
import type { SubaccountNode } from '../../../src/providers/tree/subaccountNode';
import {
  type EmulatorHandle,
  findLogFiles,
  resetAll,
  sessionOf,
  setKeys,
  setSetting,
  settledChildren,
  show,
  waitFor,
} from '../helpers/harness';
import { watchNotifications } from '../helpers/notifications';

interface Asked {
  message: string;
  detail: string;
  action: string;
}

// The real commands ask with a modal and an InputBox (driven in the e2e run); here the
// same flow answers them, and records what it was asked: no modal is ever left open.
function createDeps(api: PartnerExplorerApi, answer: boolean, asked: Asked[] = []): CreateSubaccountDeps {
  return {
    sessions: api.sessions,
    confirm: async (message, detail, action) => {
      asked.push({ message, detail, action });
      return answer;
    },
    saveAsAccount: async () => undefined,
  };
}

function removeDeps(
  api: PartnerExplorerApi,
  answer: boolean,
  typed: string | undefined,
  asked: Asked[] = [],
  askedToType: string[] = [],
): RemoveSubaccountDeps {
  return {
    sessions: api.sessions,
    confirm: async (message, detail, action) => {
      asked.push({ message, detail, action });
      return answer;
    },
    typeEmail: async (email, validate) => {
      askedToType.push(email);
      // What the InputBox would say under the typed text.
      if (typed !== undefined && validate(typed) !== undefined) {
        return undefined; // the user cannot press Enter on a refused value: Escape
      }
      return typed;
    },
  };
}

async function ready(
  services: ServiceId[],
  format: 'json' | 'xml' = 'json',
): Promise<{ api: PartnerExplorerApi; emu: EmulatorHandle }> {
  const { api, emu } = await resetAll(format);
  await setKeys(api, emu, services);
  for (const s of services) {
    const root = api.tree.root(s);
    await settledChildren(api, root);
    await settledChildren(api, root.subaccounts);
  }
  return { api, emu };
}

const labels = (api: PartnerExplorerApi, service: ServiceId) =>
  api.tree.root(service).subaccounts.subaccounts.map((n) => show(n).label);

describe('Sub-account creation and removal', () => {
  afterEach(async () => {
    const { emu } = await resetAll();
    await emu.clearFaults();
    await setSetting('requestTimeout', 10);
  });

  for (const service of ['sms', 'mail'] as const) {
    for (const format of ['json', 'xml'] as const) {
      it(`creates a ${service} sub-account after a confirmation: one request, shown in the tree without a reload (${format})`, async () => {
        const { api, emu } = await ready([service], format);
        const before = labels(api, service).length;
        const listReads = (await emu.requests()).filter((r) => r.endpoint === '/subaccount/list').length;
        const asked: Asked[] = [];
        const result = await createSubaccount(createDeps(api, true, asked), api.tree.root(service), {
          type: 'simple',
          email: 'nouvelle.agence@exemple.fr',
          creditToAttribute: '5',
          title: 'Agence Est',
        });
        assert.equal(result.outcome, 'done');
        assert.equal(asked.length, 1);
        assert.equal(
          asked[0].message,
          `Create the ${service === 'sms' ? 'SMS' : 'Mail'} Partner sub-account nouvelle.agence@exemple.fr?`,
        );
        assert.match(asked[0].detail, /Type: simple/);
        assert.match(asked[0].detail, /Credit moved from the main account: €5\.00 \(€10,225\.119 → €10,220\.119\)/);
        await waitFor(() => labels(api, service).includes('nouvelle.agence@exemple.fr'), 'the new node');
        const node = api.tree
          .root(service)
          .subaccounts.subaccounts.find((n) => show(n).label === 'nouvelle.agence@exemple.fr')!;
        assert.equal(show(node).description, 'simple · €5.000');
        assert.equal(labels(api, service).length, before + 1);
        const requests = await emu.requests();
        assert.equal(requests.filter((r) => r.endpoint === '/subaccount/create').length, 1);
        // Shown from the answer: no page was read again for it.
        assert.equal(requests.filter((r) => r.endpoint === '/subaccount/list').length, listReads);
      });
    }
  }

  it('a key in the creation answer goes to the clipboard only on request, never to the tree or the log', async () => {
    const { api, emu } = await ready(['mail']);
    const key = 'new-subaccount-key-5d41c8e2';
    await emu.inject({
      type: 'body',
      path: '/subaccount/create',
      body: JSON.stringify({
        success: true,
        code: 200,
        subaccount: { email: '9875601@mailpartner.fr', token: 'mailtok-new-x', apiKey: key },
      }),
    });
    const watch = watchNotifications();
    try {
      await vscode.env.clipboard.writeText('before');
      const result = await createSubaccount(createDeps(api, true), api.tree.root('mail'), { type: 'simple' });
      assert.equal(result.outcome, 'done');
      await waitFor(() => watch.shown.some((n) => n.message === 'Sub-account 9875601@mailpartner.fr created.'), 'done');
      assert.equal(await vscode.env.clipboard.readText(), 'before');
      const texts = api.tree.root('mail').subaccounts.subaccounts.map((n) => {
        const { label, description, tooltip } = show(n);
        return `${label} ${description} ${tooltip}`;
      });
      let log = '';
      for (const f of await findLogFiles(api.logUri)) {
        log += new TextDecoder().decode(await vscode.workspace.fs.readFile(f));
      }
      const all = [...texts, log, ...watch.shown.map((n) => `${n.message} ${n.detail ?? ''}`)].join('\n');
      assert.ok(all.includes('9875601@mailpartner.fr'));
      assert.ok(!all.includes(key), 'the key is shown or logged');
    } finally {
      watch.dispose();
    }
  });

  it('refuses a taken e-mail with the documented error (code 7): nothing added', async () => {
    const { api, emu } = await ready(['sms']);
    const taken = labels(api, 'sms')[0];
    const watch = watchNotifications();
    try {
      const result = await createSubaccount(createDeps(api, true), api.tree.root('sms'), {
        type: 'advanced',
        email: taken,
        isBuyer: true,
      });
      assert.equal(result.outcome, 'refused');
      await waitFor(() => watch.shown.find((n) => n.level === 'error'), 'error');
      assert.deepEqual(
        watch.shown.filter((n) => n.level === 'error').map((n) => n.message),
        ['The sub-account was not created: SMS Partner: an account already exists with this e-mail address (code 7).'],
      );
      assert.equal(labels(api, 'sms').filter((l) => l === taken).length, 1);
      assert.equal((await emu.requests()).filter((r) => r.endpoint === '/subaccount/create').length, 1);
    } finally {
      watch.dispose();
    }
  });

  it('cancelled at the confirmation: nothing is sent', async () => {
    const { api, emu } = await ready(['sms']);
    const result = await createSubaccount(createDeps(api, false), api.tree.root('sms'), {
      type: 'simple',
      email: 'x@exemple.fr',
    });
    assert.equal(result.outcome, 'cancelled');
    assert.equal((await emu.requests()).filter((r) => r.endpoint === '/subaccount/create').length, 0);
  });

  it('a creation that times out after sending is never retried: outcome unknown, the list read again', async () => {
    const { api, emu } = await ready(['sms']);
    await setSetting('requestTimeout', 1);
    await waitFor(() => sessionOf(api, 'sms').client, 'client rebuilt');
    await emu.inject({ type: 'hang', path: '/subaccount/create', times: 0 });
    const listReads = (await emu.requests()).filter((r) => r.endpoint === '/subaccount/list').length;
    const watch = watchNotifications();
    try {
      const result = await createSubaccount(createDeps(api, true), api.tree.root('sms'), {
        type: 'simple',
        email: 'perdu@exemple.fr',
      });
      assert.equal(result.outcome, 'unknown');
      await waitFor(
        async () => (await emu.requests()).filter((r) => r.endpoint === '/subaccount/list').length > listReads,
        'the list read again',
      );
      assert.equal((await emu.requests()).filter((r) => r.endpoint === '/subaccount/create').length, 1);
      assert.ok(
        watch.shown.some(
          (n) =>
            n.level === 'warning' &&
            n.message.startsWith('The outcome of the creation is unknown: SMS Partner timed out'),
        ),
      );
    } finally {
      watch.dispose();
      await emu.clearFaults();
    }
  });

  for (const format of ['json', 'xml'] as const) {
    it(`removes a sub-account after a modal naming its e-mail and balance and the e-mail typed again (${format})`, async () => {
      const { api, emu } = await ready(['sms'], format);
      const node = api.tree.root('sms').subaccounts.subaccounts[1] as SubaccountNode;
      const email = node.subaccount.email;
      const asked: Asked[] = [];
      const askedToType: string[] = [];
      assert.equal(await removeSubaccount(removeDeps(api, true, email, asked, askedToType), node), 'done');
      assert.equal(asked.length, 1);
      assert.equal(asked[0].message, `Remove the SMS Partner sub-account ${email} (balance €15.838)?`);
      assert.match(asked[0].detail, /Balance: €15\.838/);
      assert.match(asked[0].detail, /Remove Credit… to keep it/);
      assert.deepEqual(askedToType, [email]);
      await waitFor(() => !labels(api, 'sms').includes(email), 'the node gone');
      const removes = (await emu.requests()).filter((r) => r.endpoint === '/subaccount/remove');
      assert.deepEqual(
        removes.map((r) => r.method),
        ['DELETE'],
      );
    });
  }

  it('a typed e-mail that does not match exactly sends nothing', async () => {
    const { api, emu } = await ready(['sms']);
    const node = api.tree.root('sms').subaccounts.subaccounts[0] as SubaccountNode;
    const email = node.subaccount.email;
    assert.equal(typedEmailProblem(email.toUpperCase(), email), `Type ${email} exactly to confirm.`);
    assert.equal(await removeSubaccount(removeDeps(api, true, ` ${email}`), node), 'cancelled');
    assert.equal(await removeSubaccount(removeDeps(api, false, email), node), 'cancelled');
    assert.equal((await emu.requests()).filter((r) => r.endpoint === '/subaccount/remove').length, 0);
    assert.ok(labels(api, 'sms').includes(email));
  });

  it('explains a sub-account that no longer exists (code 404) and takes it out of the tree', async () => {
    const { api, emu } = await ready(['sms']);
    const node = api.tree.root('sms').subaccounts.subaccounts[2] as SubaccountNode;
    const email = node.subaccount.email;
    await emu.inject({
      type: 'apiError',
      code: 404,
      message: "Le sous-compte n'existe pas",
      path: '/subaccount/remove',
    });
    const watch = watchNotifications();
    try {
      assert.equal(await removeSubaccount(removeDeps(api, true, email), node), 'refused');
      await waitFor(() => watch.shown.find((n) => n.level === 'error'), 'error');
      assert.equal(
        watch.shown.find((n) => n.level === 'error')?.message,
        'The sub-account was not removed: SMS Partner: the sub-account does not exist (it may have been removed already) (code 404).',
      );
      await waitFor(() => !labels(api, 'sms').includes(email), 'the stale node gone');
    } finally {
      watch.dispose();
    }
  });

  it('a removal that times out after sending is never retried: outcome unknown, the list read again', async () => {
    const { api, emu } = await ready(['mail']);
    await setSetting('requestTimeout', 1);
    await waitFor(() => sessionOf(api, 'mail').client, 'client rebuilt');
    const node = api.tree.root('mail').subaccounts.subaccounts[0] as SubaccountNode;
    await emu.inject({ type: 'hang', path: '/subaccount/remove', times: 0 });
    const listReads = (await emu.requests()).filter((r) => r.endpoint === '/subaccount/list').length;
    assert.equal(await removeSubaccount(removeDeps(api, true, node.subaccount.email), node), 'unknown');
    await waitFor(
      async () => (await emu.requests()).filter((r) => r.endpoint === '/subaccount/list').length > listReads,
      'the list read again',
    );
    assert.equal((await emu.requests()).filter((r) => r.endpoint === '/subaccount/remove').length, 1);
    await emu.clearFaults();
  });

  it('a second Create while one is in flight sends nothing more (one request)', async () => {
    const { api, emu } = await ready(['sms']);
    let release: (ok: boolean) => void = () => undefined;
    const held: CreateSubaccountDeps = {
      ...createDeps(api, true),
      confirm: () => new Promise<boolean>((resolve) => (release = resolve)),
    };
    const request = { type: 'simple', email: 'double@exemple.fr' };
    const first = createSubaccount(held, api.tree.root('sms'), request);
    await waitFor(() => release !== undefined, 'the first confirmation');
    const second = await createSubaccount(createDeps(api, true), api.tree.root('sms'), request);
    assert.equal(second.outcome, 'busy');
    release(true);
    assert.equal((await first).outcome, 'done');
    assert.equal((await emu.requests()).filter((r) => r.endpoint === '/subaccount/create').length, 1);
    assert.equal(labels(api, 'sms').filter((l) => l === 'double@exemple.fr').length, 1);
  });

  it('a page read in flight during a removal does not bring the removed sub-account back', async () => {
    const { api, emu } = await ready(['sms']);
    const node = api.tree.root('sms').subaccounts.subaccounts[3] as SubaccountNode;
    const email = node.subaccount.email;
    // The page is asked before the removal and answered after it, still listing the
    // sub-account (the emulator's removal answers success without deleting, standing in
    // for a page the provider built before the removal).
    await emu.inject({ type: 'delay', ms: 1500, path: '/subaccount/list' });
    await emu.inject({ type: 'body', path: '/subaccount/remove', body: '{"success":true,"code":200}' });
    const reading = sessionOf(api, 'sms').subaccounts.reload();
    await waitFor(
      async () => (await emu.requests()).some((r) => r.endpoint === '/subaccount/list' && r.at > Date.now() - 1400),
      'the page requested',
    );
    assert.equal(await removeSubaccount(removeDeps(api, true, email), node), 'done');
    await reading;
    const listed = (await sessionOf(api, 'sms').listSubaccounts(1)).items.some((s) => s.email === email);
    assert.ok(listed, 'the page answered after the removal still lists it');
    assert.ok(!labels(api, 'sms').includes(email), 'the removed node came back');
  });

  it('validates the e-mail as it is typed', () => {
    assert.equal(emailProblem('', true), 'Enter the e-mail address of the sub-account holder.');
    assert.equal(emailProblem('', false), undefined);
    assert.equal(emailProblem('agence@', true), 'Enter an e-mail address such as name@example.com.');
    assert.equal(emailProblem('agence@exemple.fr', true), undefined);
  });
});
