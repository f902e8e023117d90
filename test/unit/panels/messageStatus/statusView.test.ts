import * as assert from 'node:assert/strict';
import { buildStatusView, isFinal } from '../../../../src/panels/messageStatus/statusView';
import { categorize } from '../../../../src/ui/statusCategory';
import { toCsv } from '../../../../src/panels/messageStatus/statusFormats';

describe('status view', () => {
  it('groups documented and operator statuses, and leaves unknown ones as other', () => {
    const cases: [string, string][] = [
      ['Delivered', 'delivered'],
      ['delivered', 'delivered'],
      ['DELIVRD', 'delivered'],
      ['Not delivered', 'failed'],
      ['ko', 'failed'],
      ['UNDELIV', 'failed'],
      ['EXPIRED', 'failed'],
      ['REJECTD', 'failed'],
      ['UNKNOWN', 'failed'],
      ['Waiting', 'waiting'],
      ['PENDING', 'waiting'],
      ['ENROUTE', 'waiting'],
      ['ACCEPTD', 'waiting'],
      ['Bounced-Soft', 'other'],
      ['', 'other'],
    ];
    for (const [status, category] of cases) {
      assert.equal(categorize(status), category, status);
    }
  });

  it('counts each status as written, most frequent first, and keeps every row', () => {
    const view = buildStatusView(
      'mail',
      'Mail Partner',
      {
        messageId: '42',
        recipients: [
          { recipient: 'a@x.fr', status: 'Delivered', stop: false, cost: 1, date: new Date(1000) },
          { recipient: 'b@x.fr', status: 'Weird', stop: true },
          { recipient: 'c@x.fr', status: 'Delivered', stop: false },
        ],
      },
      5,
    );
    assert.deepEqual(view.summary, [
      { status: 'Delivered', category: 'delivered', count: 2 },
      { status: 'Weird', category: 'other', count: 1 },
    ]);
    assert.deepEqual(view.rows[1], {
      recipient: 'b@x.fr',
      masked: 'b•••@x•••.fr',
      status: 'Weird',
      category: 'other',
      cost: null,
      stop: true,
      date: null,
    });
    assert.deepEqual(view.changes, []);
    assert.equal(view.previousFetchedAt, null);
    assert.equal(view.rows[0].date, 1000);
    assert.equal(view.fetchedAt, 5);
    assert.equal(isFinal(view), true);
  });

  it('writes CSV that Excel opens right in French and English, and defuses formulas', () => {
    const rows = [
      {
        recipient: '+33600000001',
        masked: '+336•••••••01',
        status: 'Delivered',
        category: 'delivered' as const,
        cost: 0.045,
        stop: false,
        date: Date.UTC(2025, 0, 2, 3, 4, 5),
      },
      {
        recipient: '=HYPERLINK("http://x")',
        masked: '=••••••••',
        status: 'a;b "c"',
        category: 'other' as const,
        cost: null,
        stop: true,
        date: null,
      },
    ];
    const headers = { recipient: 'Destinataire', status: 'Statut', cost: 'Coût', stop: 'Désabonné', date: 'Date' };
    const fr = toCsv(rows, headers, ';');
    assert.equal(
      fr,
      'Destinataire;Statut;Coût;Désabonné;Date\r\n' +
        '+33600000001;Delivered;0,045;0;2025-01-02T03:04:05.000Z\r\n' +
        '"\'=HYPERLINK(""http://x"")";"a;b ""c""";;1;\r\n',
    );
    const en = toCsv(rows.slice(0, 1), headers, ',');
    assert.equal(en.split('\r\n')[1], '+33600000001,Delivered,0.045,0,2025-01-02T03:04:05.000Z');
  });
});
