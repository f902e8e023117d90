import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cancelScheduledSend, type CancelDeps } from '../../../src/commands/cancelScheduledSend';
import { showRecipientStatus } from '../../../src/commands/recipientStatusCommand';
import type { PartnerExplorerApi } from '../../../src/testApi';
import type { MessageStatusPanel } from '../../../src/panels/messageStatus/messageStatusPanel';
import { MESSAGE_STATUS_VIEW_TYPE as VIEW_TYPE } from '../../../src/panels/viewTypes';
import type { StatusViewData, WebviewMessage } from '../../../src/webview/messageStatusProtocol';
import { SAMPLE_TAGS, SCHEDULED_MESSAGES } from '../../emulator/routes/messages';
import {
  clearRecord,
  type EmulatorHandle,
  resetAll,
  sent,
  sessionOf,
  setKeys,
  setSetting,
  waitFor,
} from '../helpers/harness';
import { watchNotifications } from '../helpers/notifications';

interface Asked {
  message: string;
  detail: string;
  action: string;
}

// The real command asks with a modal dialog (VS Code's own); here the same flow answers it.
function cancelDeps(
  api: PartnerExplorerApi,
  answer: boolean | (() => Promise<boolean>),
  asked: Asked[] = [],
): CancelDeps {
  return {
    sessions: api.sessions,
    panels: api.panels,
    confirm: async (message, detail, action) => {
      asked.push({ message, detail, action });
      return typeof answer === 'function' ? answer() : answer;
    },
  };
}

async function ready(
  format: 'json' | 'xml' = 'json',
  services: ('sms' | 'mail')[] = ['sms', 'mail'],
): Promise<{ api: PartnerExplorerApi; emu: EmulatorHandle }> {
  const { api, emu } = await resetAll(format);
  await setKeys(api, emu, services);
  return { api, emu };
}

/** The latest reading the panel posted, once it has one matching `probe`. */
async function shown(
  panel: MessageStatusPanel,
  probe: (d: StatusViewData) => boolean = () => true,
  what = 'a reading',
): Promise<StatusViewData> {
  return waitFor(
    () => {
      const last = sent(panel)
        .filter((m) => m.type === 'data')
        .pop();
      return last?.type === 'data' && probe(last.data) ? last.data : undefined;
    },
    what,
    15_000,
  );
}

async function count(emu: EmulatorHandle, endpoint: string): Promise<number> {
  return (await emu.requests()).filter((r) => r.endpoint === endpoint).length;
}

describe('Message actions: cancel a scheduled send, one recipient, status by tag', () => {
  afterEach(async () => {
    const { emu } = await resetAll();
    await emu.clearFaults();
    await setSetting('requestTimeout', 10);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  for (const format of ['json', 'xml'] as const) {
    for (const service of ['sms', 'mail'] as const) {
      it(`cancels a scheduled ${service} send from its panel after a modal: one request, the panel re-reads (${format})`, async () => {
        const { api, emu } = await ready(format);
        const session = sessionOf(api, service);
        const panel = api.panels.show(session, SCHEDULED_MESSAGES.later);
        const before = await shown(panel);
        assert.equal(before.canCancel, true, 'the panel offers Cancel while recipients wait');
        const asked: Asked[] = [];
        const watch = watchNotifications();
        try {
          const outcome = await cancelScheduledSend(cancelDeps(api, true, asked), session.id, SCHEDULED_MESSAGES.later);
          assert.equal(outcome, 'done');
          assert.equal(asked.length, 1);
          assert.equal(asked[0].message, `Cancel the scheduled send of message ${SCHEDULED_MESSAGES.later}?`);
          assert.match(asked[0].detail, /^3 recipients are still waiting: they will not receive it\./);
          assert.match(asked[0].detail, /less than 5 minutes before the send time/);
          assert.equal(await count(emu, '/message-cancel'), 1);
          const after = await shown(panel, (d) => d.rows.every((r) => r.status === 'Cancelled'), 'the re-read');
          assert.equal(after.canCancel, false, 'nothing waits any more');
          assert.ok(watch.shown.some((n) => n.message.includes('was cancelled')));
        } finally {
          watch.dispose();
        }
      });
    }

    it(`explains every documented refusal, one request each, and re-reads the open panel (${format})`, async () => {
      const { api, emu } = await ready(format, ['sms']);
      const session = sessionOf(api, 'sms');
      const panel = api.panels.show(session, SCHEDULED_MESSAGES.soon);
      await shown(panel);
      const watch = watchNotifications();
      try {
        const cases: [string, RegExp][] = [
          [
            SCHEDULED_MESSAGES.soon,
            /refused: SMS Partner: the send is less than 5 minutes away and can no longer be cancelled \(code 6\)/,
          ],
          [SCHEDULED_MESSAGES.cancelled, /this send was already cancelled \(code 5\)/],
          ['4242', /the message has already been sent and can no longer be cancelled \(code 7\)/],
          ['999999', /no message with this id was found \(code 4\)/],
        ];
        clearRecord(panel);
        for (const [id, text] of cases) {
          assert.equal(await cancelScheduledSend(cancelDeps(api, true), session.id, id), 'refused', id);
          const error = watch.shown.filter((n) => n.level === 'error').pop();
          assert.match(error?.message ?? '', text, id);
        }
        assert.equal(await count(emu, '/message-cancel'), cases.length);
        await waitFor(() => sent(panel).some((m) => m.type === 'data'), 'the refused message re-read');
      } finally {
        watch.dispose();
      }
    });
  }

  it('a cancel that times out is sent once: the outcome is said to be unknown and the status read again', async () => {
    const { api, emu } = await ready('json', ['sms']);
    await setSetting('requestTimeout', 1);
    await emu.inject({ type: 'delay', ms: 1800, path: '/message-cancel' });
    const session = sessionOf(api, 'sms');
    const watch = watchNotifications();
    try {
      const outcome = await cancelScheduledSend(cancelDeps(api, true), session.id, SCHEDULED_MESSAGES.later);
      assert.equal(outcome, 'unknown');
      const warning = watch.shown.find((n) => n.level === 'warning');
      assert.match(warning?.message ?? '', /^The outcome of the cancellation is unknown: SMS Partner timed out/);
      const panel = await waitFor(() => api.panels.get(session.id, SCHEDULED_MESSAGES.later), 'the panel opened');
      await shown(panel);
      await new Promise((r) => setTimeout(r, 1200));
      assert.equal(await count(emu, '/message-cancel'), 1, 'never retried');
      assert.ok((await count(emu, '/bulk-status')) >= 1, 'the status was read again');
    } finally {
      watch.dispose();
    }
  });

  it('a double click sends one cancellation, and a declined modal sends none', async () => {
    const { api, emu } = await ready('json', ['sms']);
    const session = sessionOf(api, 'sms');
    let release: (v: boolean) => void = () => undefined;
    const slow = cancelDeps(api, () => new Promise<boolean>((r) => (release = r)));
    const first = cancelScheduledSend(slow, session.id, SCHEDULED_MESSAGES.later);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(await cancelScheduledSend(cancelDeps(api, true), session.id, SCHEDULED_MESSAGES.later), 'busy');
    release(true);
    assert.equal(await first, 'done');
    assert.equal(await cancelScheduledSend(cancelDeps(api, false), session.id, SCHEDULED_MESSAGES.later), 'cancelled');
    assert.equal(await count(emu, '/message-cancel'), 1);
  });

  it('the panel row action asks about a recipient of its own table only, masked as the panel is; Mail panels offer none', async () => {
    const { api, emu } = await ready('json');
    await setSetting('hidePersonalData', true);
    const panel = api.panels.show(sessionOf(api, 'sms'), SCHEDULED_MESSAGES.later);
    const data = await shown(panel);
    assert.equal(data.canLookUpRecipient, true);
    assert.match(data.rows[0].recipient, /^\+336•+7\d$/, 'the webview gets the masked number only');
    // What the webview's row button posts (media/statusPanel.js), handled as the host handles it.
    const fromWebview = panel as unknown as { onMessage(m: WebviewMessage): Promise<void> };
    const watch = watchNotifications();
    try {
      await fromWebview.onMessage({ type: 'recipientStatus', row: 0, recipient: data.rows[0].recipient });
      const text = await waitFor(() => watch.shown.find((n) => n.message.startsWith('Message 5150 to')), 'the answer');
      assert.match(text.message, /to \+336•+7\d: Waiting/);
      await fromWebview.onMessage({ type: 'recipientStatus', row: 0, recipient: '+33700000000' });
      await fromWebview.onMessage({ type: 'recipientStatus', row: 9999, recipient: data.rows[0].recipient });
      assert.equal(await count(emu, '/message-status'), 1, 'no request for a number not in the table');
    } finally {
      watch.dispose();
      await setSetting('hidePersonalData', undefined);
    }
    const mail = await shown(api.panels.show(sessionOf(api, 'mail'), SCHEDULED_MESSAGES.later));
    assert.equal(mail.canLookUpRecipient, false);
    const delivered = await shown(api.panels.show(sessionOf(api, 'sms'), '111'));
    assert.equal(delivered.canCancel, false, 'nothing waits: no Cancel button');
  });

  for (const format of ['json', 'xml'] as const) {
    it(`shows one recipient's status, masked when personal data is hidden (${format})`, async () => {
      const { api, emu } = await ready(format, ['sms']);
      const session = sessionOf(api, 'sms');
      const watch = watchNotifications();
      try {
        const answer = await showRecipientStatus(
          { sessions: api.sessions },
          session.id,
          '5150',
          '06 12 34 56 71',
          true,
        );
        assert.equal(answer?.status, 'Waiting');
        const masked = watch.shown.pop()?.message ?? '';
        assert.match(masked, /^Message 5150 to \+336•+71: Waiting · .+ · cost €0\.045$/);
        assert.ok(!masked.includes('612345671'), 'the number is masked');
        await showRecipientStatus({ sessions: api.sessions }, session.id, '5150', '+33612345672', false);
        assert.match(watch.shown.pop()?.message ?? '', /^Message 5150 to \+33612345672: Waiting/);
        const requests = (await emu.requests()).filter((r) => r.endpoint === '/message-status');
        assert.deepEqual(
          requests.map((r) => r.format),
          [format, format],
        );
      } finally {
        watch.dispose();
      }
    });

    it(`explains the documented recipient errors and refuses bad input without a request (${format})`, async () => {
      const { api, emu } = await ready(format);
      const sms = sessionOf(api, 'sms');
      const watch = watchNotifications();
      try {
        await vscode.commands.executeCommand('partnerExplorer.showRecipientStatus', sms.id, '4242', '+33142000000');
        assert.match(
          watch.shown.pop()?.message ?? '',
          /^SMS Partner: the number does not appear to be a mobile number \(code 9\)\.$/,
        );
        await vscode.commands.executeCommand('partnerExplorer.showRecipientStatus', sms.id, '4242', '+33699999999');
        assert.match(watch.shown.pop()?.message ?? '', /no message with this id was found \(code 4\)/);
        const before = await count(emu, '/message-status');
        await vscode.commands.executeCommand('partnerExplorer.showRecipientStatus', sms.id, '4242', 'call me');
        assert.equal(watch.shown.pop()?.message, 'A phone number has digits only, with an optional + in front.');
        await vscode.commands.executeCommand(
          'partnerExplorer.showRecipientStatus',
          sessionOf(api, 'mail').id,
          '300',
          '+33612345678',
        );
        assert.match(watch.shown.pop()?.message ?? '', /is an SMS Partner request/);
        assert.equal(await count(emu, '/message-status'), before);
      } finally {
        watch.dispose();
      }
    });

    it(`shows the status by tag in the panel: every page read, counts and title (${format})`, async () => {
      const { api, emu } = await ready(format, ['sms']);
      const panel = await vscode.commands.executeCommand<MessageStatusPanel>(
        'partnerExplorer.showStatusByTag',
        sessionOf(api, 'sms').id,
        SAMPLE_TAGS.promo,
      );
      assert.equal(panel.panel.title, 'Tag promo-nov · SMS Partner');
      const data = await shown(panel);
      assert.equal(data.subject, 'tag');
      assert.equal(data.rows.length, 45);
      assert.equal(
        data.summary.reduce((n, e) => n + e.count, 0),
        45,
      );
      assert.equal(data.canCancel, false);
      const pages = (await emu.requests()).filter((r) => r.endpoint === '/bulk-status-by-tag').map((r) => r.page);
      assert.deepEqual(pages, [1, 2, 3]);
      const missing = await vscode.commands.executeCommand<MessageStatusPanel>(
        'partnerExplorer.showStatusByTag',
        sessionOf(api, 'sms').id,
        'nope',
      );
      const error = await waitFor(() => sent(missing).find((m) => m.type === 'error'), 'the error');
      assert.match(error.type === 'error' ? error.message : '', /no message with this tag was found \(code 4\)/);
    });
  }

  it('a tag panel comes back as a tag panel after a reload, even for a tag of digits', async () => {
    const { api } = await ready('json', ['sms']);
    const session = sessionOf(api, 'sms');
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'restoring', vscode.ViewColumn.Active, {
      enableScripts: true,
    });
    await api.panels.deserializeWebviewPanel(panel, {
      service: 'sms',
      accountId: session.id,
      messageId: SAMPLE_TAGS.promo,
      subject: 'tag',
    });
    const restored = api.panels.getTag(session.id, SAMPLE_TAGS.promo);
    assert.ok(restored, 'tracked as a tag');
    assert.equal(panel.title, 'Tag promo-nov · SMS Partner');
    const data = await shown(restored);
    assert.equal(data.rows.length, 45);
    const digits = vscode.window.createWebviewPanel(VIEW_TYPE, 'restoring', vscode.ViewColumn.Active, {});
    await api.panels.deserializeWebviewPanel(digits, { service: 'sms', messageId: '4242', subject: 'tag' });
    assert.equal(api.panels.get(session.id, '4242'), undefined, 'never reopened as message 4242');
    assert.ok(api.panels.getTag(session.id, '4242'), 'but as tag 4242');
  });
});
