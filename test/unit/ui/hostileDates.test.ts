import * as assert from 'node:assert/strict';
import { fromProviderDateTime, fromUnixSeconds } from '../../../src/api/providerDates';
import { formatDate, formatDateTime } from '../../../src/ui/localeFormat';
import { buildStatusView } from '../../../src/panels/messageStatus/statusView';
import { toCsv, toJson, toMarkdown } from '../../../src/panels/messageStatus/statusFormats';
import { projectionWithinHorizon } from '../../../src/ui/creditProjection';
import type { StatusRow } from '../../../src/webview/messageStatusProtocol';
import { clientFor, useEmulator } from '../helpers/emulatorFixture';

const HEADERS = { recipient: 'Recipient', status: 'Status', cost: 'Cost', stop: 'Stop', date: 'Date' };
const LABELS = { ...HEADERS, title: 'Message 5', yes: 'Yes', no: 'No' };
const HOSTILE = '99999999999999';

describe('out-of-range dates never break a render or an export (issue 12, defect 8)', () => {
  const emulator = useEmulator();

  it('reads only dates between 2000 and 2100; others are no Date', () => {
    assert.equal(fromUnixSeconds('1763800000')?.toISOString(), '2025-11-22T08:26:40.000Z');
    for (const raw of [HOSTILE, '1', '946684799', '4102444800']) {
      assert.equal(fromUnixSeconds(raw), undefined, raw);
    }
    assert.equal(fromProviderDateTime('2016-03-04 11:23:14')?.toISOString(), '2016-03-04T10:23:14.000Z');
    for (const raw of ['9999-12-31 23:59:59', '1970-01-01 00:00:00', '2016-13-04 11:23:14']) {
      assert.equal(fromProviderDateTime(raw), undefined, raw);
    }
  });

  it("keeps a status date of 99999999999999 as the provider's text", async () => {
    const row = { recipient: 'a@exemple.fr', token: 't1', status: 'Delivered', cost: 1, stop: false, date: HOSTILE };
    emulator().setMessage('mail', '5', [row]);
    const status = await clientFor(emulator(), 'mail').getMessageStatus('5');
    assert.deepEqual(status.recipients[0], {
      recipient: 'a@exemple.fr',
      token: 't1',
      status: 'Delivered',
      cost: 1,
      stop: false,
      dateText: HOSTILE,
    });
  });

  it('CSV, Markdown and JSON show the raw text, in English and French', () => {
    const recipients = [{ recipient: 'a@exemple.fr', status: 'Delivered', stop: false, dateText: HOSTILE }];
    const view = buildStatusView('mail', 'Mail Partner', { messageId: '5', recipients }, 1_763_800_000_000);
    assert.equal(view.rows[0].date, null);
    for (const separator of [',', ';'] as const) {
      assert.match(
        toCsv(view.rows, HEADERS, separator),
        new RegExp(`Delivered${separator}${separator}0${separator}${HOSTILE}\\r\\n$`),
      );
    }
    for (const locale of ['en', 'fr']) {
      assert.match(toMarkdown(view.rows, LABELS, locale), new RegExp(`\\| ${HOSTILE} \\|\\n$`));
    }
    assert.equal(JSON.parse(toJson(view, view.rows)).recipients[0].date, HOSTILE);
  });

  it('a row whose time is no valid date exports without throwing', () => {
    const row: StatusRow = {
      recipient: 'a',
      masked: 'a',
      status: 'Delivered',
      category: 'delivered',
      cost: null,
      stop: false,
      date: 1e20,
    };
    const view = buildStatusView('sms', 'SMS Partner', { messageId: '5', recipients: [] });
    assert.match(toCsv([row], HEADERS, ','), /Delivered,,0,\r\n$/);
    assert.match(toMarkdown([row], LABELS, 'fr'), /\| No \|  \|\n$/);
    assert.equal(JSON.parse(toJson(view, [row])).recipients[0].date, null);
  });

  it("the date formatters show the provider's text for an invalid or out-of-range date", () => {
    assert.equal(formatDateTime(new Date(NaN), 'en', HOSTILE), HOSTILE);
    assert.equal(formatDate(new Date(8.64e15), 'fr', 'x'), 'x');
    assert.equal(formatDateTime(new Date(Date.UTC(2300, 0, 1)), 'fr'), '');
    assert.equal(formatDate(new Date(Date.UTC(2025, 10, 22)), 'en'), 'Nov 22, 2025');
  });

  it('a threshold projection beyond the horizon is left out (15,000,000 credits, 1 used a week)', () => {
    const now = Date.UTC(2025, 0, 1);
    const perDay = 1 / 7;
    const eta = new Date(now + ((15_000_000 - 100) / perDay) * 86_400_000);
    assert.equal(projectionWithinHorizon(eta, now), undefined);
    const soon = new Date(now + 69 * 86_400_000);
    assert.equal(projectionWithinHorizon(soon, now), soon);
    assert.equal(projectionWithinHorizon(undefined, now), undefined);
  });
});
