import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SendFlowDeps } from '../../../src/commands/sendTestFlow';
import { sendTestMail } from '../../../src/commands/sendTestMail';
import type { PartnerExplorerApi } from '../../../src/testApi';
import { DEFAULT_TRACKING } from '../../../src/panels/messageStatus/liveTracking';
import { SEND_TEST_RECIPIENTS } from '../../emulator/routes/send';
import { french } from '../../unit/helpers/bundleTranslate';
import {
  type EmulatorHandle,
  resetAll,
  sessionOf,
  setKeys,
  settledChildren,
  testHooks,
  waitFor,
} from '../helpers/harness';
import { watchNotifications } from '../helpers/notifications';

interface Asked {
  message: string;
  detail: string;
}

// The modal is answered by the flow's own `confirm` here (see the SMS tests): none is left open.
function depsFor(api: PartnerExplorerApi, answer: boolean, asked: Asked[] = []): SendFlowDeps {
  return {
    sessions: api.sessions,
    panels: api.panels,
    state: api.storage.global,
    reload: (session) => api.tree.reload(session),
    confirm: async (message, detail) => {
      asked.push({ message, detail });
      return answer;
    },
  };
}

async function ready(format: 'json' | 'xml' = 'json'): Promise<{ api: PartnerExplorerApi; emu: EmulatorHandle }> {
  const { api, emu } = await resetAll(format);
  await setKeys(api, emu, ['mail']);
  await settledChildren(api, api.tree.root('mail'));
  await waitFor(() => sessionOf(api, 'mail').state.kind === 'ready', 'credits read');
  return { api, emu };
}

const sends = async (emu: EmulatorHandle) => (await emu.requests()).filter((r) => r.endpoint === '/send').length;

async function openHtml(): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({
    language: 'html',
    content: '<html><head><title>Bienvenue</title></head><body><p>Bonjour</p></body></html>',
  });
  await vscode.window.showTextDocument(doc);
}

describe('Send Test E-mail', () => {
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
  });

  for (const format of ['json', 'xml'] as const) {
    it(`the active HTML document goes out in sandbox and lands in the live panel (${format})`, async () => {
      const { api, emu } = await ready(format);
      testHooks().trackingPolicy = { delaysMs: [300, 600], maxAgeMs: DEFAULT_TRACKING.maxAgeMs };
      await openHtml();
      const outcome = await vscode.commands.executeCommand('partnerExplorer.sendTestMail', 'mail', {
        recipients: 'ana@exemple.fr',
        subject: 'Bienvenue',
        mode: 'sandbox',
      });
      assert.equal(outcome, 'sent');
      const info = notes.shown.find((n) => n.message.startsWith('Sandbox'))?.message ?? '';
      assert.match(info, /^Sandbox send accepted: message \d+, 1 e-mail\(s\), cost €0\.01 \(nothing charged\)\.$/);
      const id = /message (\d+)/.exec(info)![1];
      const panel = await waitFor(() => api.panels.get(sessionOf(api, 'mail').id, id), 'the panel for the message');
      await waitFor(() => panel.tracking.state === 'live', 'live tracking');
      assert.deepEqual(
        panel.current?.rows.map((r) => r.status),
        ['Waiting'],
      );
      assert.equal(await sends(emu), 1);
    });
  }

  it('a real send states its recipients (masked) and sends once; cancelling sends nothing', async () => {
    const { api, emu } = await ready();
    await openHtml();
    const asked: Asked[] = [];
    const args = { recipients: 'ana@exemple.fr, bruno@exemple.fr', subject: 'Bienvenue', mode: 'real' } as const;
    assert.equal(await sendTestMail(depsFor(api, false, asked), 'mail', args), 'cancelled');
    assert.equal(await sends(emu), 0);
    assert.equal(await sendTestMail(depsFor(api, true, asked), 'mail', args), 'sent');
    assert.equal(await sends(emu), 1);
    assert.deepEqual(asked[1], {
      message: 'Send this e-mail to 2 recipient(s) for real from newsletter@exemple.fr? This spends credit.',
      detail:
        'Account that pays: newsletter@exemple.fr (Mail Partner)\n' +
        'Recipients (2): a•••@e•••.fr, b•••@e•••.fr\nSubject: Bienvenue\nEstimated cost: unknown until the provider answers',
    });
  });

  it('refuses without HTML, subject or a valid address before any request, and explains an unsubscribed address', async () => {
    const { api, emu } = await ready();
    const deps = depsFor(api, true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(await sendTestMail(deps, 'mail', { recipients: 'a@b.fr', subject: 'S', mode: 'sandbox' }), 'refused');
    await openHtml();
    assert.equal(await sendTestMail(deps, 'mail', { recipients: 'a@b', subject: 'S', mode: 'sandbox' }), 'refused');
    assert.equal(await sendTestMail(deps, 'mail', { recipients: 'a@b.fr', subject: ' ', mode: 'sandbox' }), 'refused');
    assert.equal(await sends(emu), 0);
    assert.equal(
      await sendTestMail(deps, 'mail', {
        recipients: SEND_TEST_RECIPIENTS.unsubscribed,
        subject: 'S',
        mode: 'sandbox',
      }),
      'refused',
    );
    assert.deepEqual(
      notes.shown.filter((n) => n.level === 'error').map((n) => n.message),
      [
        'Open an HTML document (or select HTML) to send it as the e-mail.',
        'a@b is not an e-mail address.',
        'A subject is required.',
        'The send was refused: desinscrit@exemple.fr is on the unsubscribe list. Remove it and send again.',
      ],
    );
    assert.equal(
      french('The send was refused: {0} is on the unsubscribe list. Remove it and send again.', 'x@exemple.fr'),
      "L'envoi a été refusé : x@exemple.fr est dans la liste de désinscription. Retirez-la et renvoyez.",
    );
  });
});
