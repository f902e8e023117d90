import * as assert from 'node:assert/strict';
import type { MessageStatus } from '../../../../src/api';
import { decideTracking, DEFAULT_TRACKING, nextStep, sentAt } from '../../../../src/panels/messageStatus/liveTracking';
import { maskRecipient } from '../../../../src/ui/personalData';
import { buildStatusView } from '../../../../src/panels/messageStatus/statusView';
import { escapeMarkdown, toCsv, toJson, toMarkdown } from '../../../../src/panels/messageStatus/statusFormats';

const HOUR = 3_600_000;

function message(statuses: string[], recipients = statuses.map((_, i) => `+3361000000${i}`)): MessageStatus {
  return {
    messageId: '9000',
    recipients: statuses.map((status, i) => ({
      recipient: recipients[i],
      status,
      stop: false,
      date: new Date(1_000_000 + i),
    })),
  };
}

describe('live delivery tracking', () => {
  it('marks the rows whose status moved since the previous reading and counts each move', () => {
    const first = buildStatusView('sms', 'SMS Partner', message(['Waiting', 'Waiting', 'Waiting', 'Delivered']), 100);
    const second = buildStatusView(
      'sms',
      'SMS Partner',
      message(['Delivered', 'Delivered', 'Waiting', 'Delivered']),
      200,
      first,
    );
    assert.deepEqual(second.changes, [{ from: 'Waiting', to: 'Delivered', count: 2 }]);
    assert.equal(second.previousFetchedAt, 100);
    assert.deepEqual(
      second.rows.map((r) => r.previousStatus),
      ['Waiting', 'Waiting', undefined, undefined],
    );
    const third = buildStatusView(
      'sms',
      'SMS Partner',
      message(['Delivered', 'Delivered', 'UNDELIV', 'Delivered']),
      300,
      second,
    );
    assert.deepEqual(third.changes, [{ from: 'Waiting', to: 'UNDELIV', count: 1 }]);
    assert.deepEqual(
      third.rows.map((r) => r.previousStatus),
      [undefined, undefined, 'Waiting', undefined],
    );
  });

  it('pairs a recipient that appears twice occurrence by occurrence', () => {
    const twice = ['+33600000001', '+33600000001'];
    const first = buildStatusView('sms', 'SMS Partner', message(['Waiting', 'Delivered'], twice), 1);
    const second = buildStatusView('sms', 'SMS Partner', message(['Delivered', 'Delivered'], twice), 2, first);
    assert.deepEqual(second.changes, [{ from: 'Waiting', to: 'Delivered', count: 1 }]);
  });

  it('refreshes while someone waits, backs off while nothing changes, and says why it stops', () => {
    const waiting = buildStatusView('sms', 'SMS Partner', message(['Waiting', 'Delivered']), 0);
    const done = buildStatusView('sms', 'SMS Partner', message(['UNDELIV', 'Delivered']), 0);
    const now = 10 * HOUR;
    const base = { enabled: true, visible: true, now, sentAt: now - HOUR, step: 0 };
    assert.deepEqual(decideTracking(waiting, base, DEFAULT_TRACKING), { state: 'live', nextAt: now + 15_000 });
    assert.deepEqual(decideTracking(waiting, { ...base, step: 9 }, DEFAULT_TRACKING), {
      state: 'live',
      nextAt: now + 300_000,
    });
    assert.deepEqual(decideTracking(done, base, DEFAULT_TRACKING), { state: 'final' });
    assert.deepEqual(decideTracking(waiting, { ...base, visible: false }, DEFAULT_TRACKING), { state: 'paused' });
    assert.deepEqual(decideTracking(waiting, { ...base, sentAt: now - 49 * HOUR }, DEFAULT_TRACKING), {
      state: 'expired',
    });
    assert.deepEqual(decideTracking(waiting, { ...base, enabled: false }, DEFAULT_TRACKING), { state: 'off' });
    const steps = [0, 1, 2, 3, 4, 4];
    let step = 0;
    for (const expected of steps.slice(1)) {
      step = nextStep(step, false, DEFAULT_TRACKING);
      assert.equal(step, expected);
    }
    assert.equal(nextStep(4, true, DEFAULT_TRACKING), 0, 'a change starts over');
    // The oldest recipient date is when the message went out.
    assert.equal(sentAt(waiting, 5_000_000), 1_000_000);
  });
});

describe('hiding personal data', () => {
  it('masks e-mails and phone numbers so rows stay distinguishable but nobody is reachable', () => {
    assert.equal(maskRecipient('jean.dupont@exemple.fr'), 'j•••@e•••.fr');
    assert.equal(maskRecipient('+33612345678'), '+336••••••78');
    assert.equal(maskRecipient('0612345678'), '06••••••78');
    assert.equal(maskRecipient('+33 6 12 34 56 78'), '+336••••••78');
    assert.equal(maskRecipient('<img src=x>'), '<••••••••');
    for (const secret of ['jean.dupont@exemple.fr', '+33612345678', '0612345678']) {
      assert.ok(!maskRecipient(secret).includes(secret.slice(2, 8)), secret);
    }
  });

  it('applies to CSV, Markdown and JSON copies when the toggle is on', () => {
    const view = buildStatusView(
      'mail',
      'Mail Partner',
      {
        messageId: '7',
        recipients: [
          {
            recipient: 'jean.dupont@exemple.fr',
            status: 'Delivered',
            stop: false,
            cost: 0.5,
            date: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
          },
        ],
      },
      1,
    );
    const labels = {
      title: 'Message 7',
      recipient: 'Recipient',
      status: 'Status',
      cost: 'Cost',
      stop: 'Unsubscribed',
      date: 'Date',
      yes: 'Yes',
      no: 'No',
    };
    for (const text of [
      toCsv(view.rows, labels, ',', true),
      toMarkdown(view.rows, labels, 'en', true),
      toJson(view, view.rows, true),
    ]) {
      assert.ok(!text.includes('dupont'), text);
    }
    assert.ok(toJson(view, view.rows, false).includes('jean.dupont@exemple.fr'));
  });
});

describe('Markdown copy', () => {
  it('is a table whose cells stay text wherever it is pasted', () => {
    const view = buildStatusView(
      'mail',
      'Mail Partner',
      {
        messageId: '666',
        recipients: [
          { recipient: '[click](command:workbench.action.quit)', status: '<b>Delivered</b>', stop: true, cost: 1.5 },
          { recipient: 'a|b@x.fr', status: '*Waiting*\nnext', stop: false },
        ],
      },
      1,
    );
    const md = toMarkdown(
      view.rows,
      {
        title: 'Message 666 · Mail Partner',
        recipient: 'Recipient',
        status: 'Status',
        cost: 'Cost',
        stop: 'Unsubscribed',
        date: 'Date',
        yes: 'Yes',
        no: 'No',
      },
      'fr',
    );
    const lines = md.trimEnd().split('\n');
    assert.equal(lines[0], '### Message 666 · Mail Partner');
    assert.equal(lines[2], '| Recipient | Status | Cost | Unsubscribed | Date |');
    assert.equal(lines[3], '| --- | --- | ---: | --- | ---: |');
    assert.equal(
      lines[4],
      '| \\[click\\]\\(command:workbench\\.action\\.quit\\) | &lt;b&gt;Delivered&lt;/b&gt; | 1,5 | Yes |  |',
    );
    assert.equal(lines[5], '| a\\|b@x\\.fr | \\*Waiting\\* next |  | No |  |');
    assert.equal(lines.length, 6, 'one line per row');
    assert.equal(escapeMarkdown('a_b'), 'a\\_b');
  });
});
