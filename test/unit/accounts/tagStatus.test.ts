import * as assert from 'node:assert/strict';
import type { RecipientStatus, TagStatusPage } from '../../../src/api';
import { MAX_TAG_PAGES, readTagStatus, type TagProgress } from '../../../src/accounts/tagStatus';
import { exportFileName } from '../../../src/panels/messageStatus/exportPath';

const row = (i: number): RecipientStatus => ({
  recipient: `+3361234${String(i).padStart(4, '0')}`,
  status: 'Delivered',
  stop: false,
});

/** A provider serving `rows` in pages of `size`; `answerPage` may lie about which page it sent. */
function source(rows: number, size: number, options: { total?: boolean; answerPage?: (asked: number) => number } = {}) {
  const asked: number[] = [];
  return {
    asked,
    getStatusByTag: async (_tag: string, page: number): Promise<TagStatusPage> => {
      asked.push(page);
      const served = options.answerPage?.(page) ?? page;
      const recipients = Array.from({ length: Math.max(0, Math.min(size, rows - (served - 1) * size)) }, (_, i) =>
        row((served - 1) * size + i),
      );
      return { page: served, total: options.total === false ? undefined : rows, recipients };
    },
  };
}

describe('status by tag: reading every page', () => {
  it('stops at the total, with progress for each page', async () => {
    const s = source(45, 20);
    const progress: TagProgress[] = [];
    const status = await readTagStatus(s, 'promo', undefined, (p) => progress.push(p));
    assert.deepEqual(s.asked, [1, 2, 3]);
    assert.equal(status.recipients.length, 45);
    assert.equal(status.messageId, 'promo');
    assert.equal(status.truncated, false);
    assert.deepEqual(
      progress.map((p) => [p.page, p.loaded, p.total]),
      [
        [1, 20, 45],
        [2, 40, 45],
        [3, 45, 45],
      ],
    );
  });

  it('without a total, stops at the first empty page', async () => {
    const s = source(40, 20, { total: false });
    const status = await readTagStatus(s, 'x');
    assert.deepEqual(s.asked, [1, 2, 3]);
    assert.equal(status.recipients.length, 40);
  });

  it('stops when the provider answers another page than asked (no endless page 1), and says rows may be missing', async () => {
    const s = source(100, 20, { answerPage: () => 1 });
    const status = await readTagStatus(s, 'x');
    assert.deepEqual(s.asked, [1, 2]);
    assert.equal(status.recipients.length, 20);
    assert.equal(status.truncated, true);
  });

  it('never reads more than MAX_TAG_PAGES pages', async () => {
    const s = source(10_000_000, 1, { total: false });
    const status = await readTagStatus(s, 'x');
    assert.equal(s.asked.length, MAX_TAG_PAGES);
    assert.equal(status.truncated, true);
  });

  it('names a tag export safely, whatever the tag holds', () => {
    assert.equal(exportFileName('sms', 'promo-nov', 'tag'), 'tag-sms-promo-nov.csv');
    assert.equal(exportFileName('sms', '../../etc/passwd', 'tag'), 'tag-sms-.._.._etc_passwd.csv');
    assert.equal(exportFileName('sms', 'été 2026', 'tag'), 'tag-sms-été_2026.csv');
    assert.equal(exportFileName('sms', '4242'), 'message-sms-4242.csv');
  });
});
