import * as assert from 'node:assert/strict';
import {
  checkRecipientNumber,
  checkTag,
  PartnerError,
  SmsClient,
  type AnyClient,
  type ResponseFormat,
} from '../../../src/api';
import { SAMPLE_TAGS, SCHEDULED_MESSAGES, TAG_PAGE_SIZE } from '../../emulator/routes/messages';
import { userText } from '../helpers/bundleTranslate';
import { clientFor, rejection, useEmulator } from '../helpers/emulatorFixture';

const FORMATS: ResponseFormat[] = ['json', 'xml'];

async function apiError(promise: Promise<unknown>): Promise<PartnerError> {
  const err = await rejection(promise);
  assert.ok(err instanceof PartnerError, String(err));
  return err;
}

describe('Message actions against the emulator (cancel, one recipient, by tag)', () => {
  const emulator = useEmulator();

  for (const format of FORMATS) {
    describe(`${format} answers`, () => {
      for (const service of ['sms', 'mail'] as const) {
        it(`cancels a scheduled ${service} send with one GET, and explains each documented refusal`, async () => {
          const client: AnyClient = clientFor(emulator(), service, format);
          const done = await client.cancelMessage(SCHEDULED_MESSAGES.later);
          assert.match(done.providerMessage ?? '', /annulé/);
          assert.equal(emulator().count({ endpoint: '/message-cancel', method: 'GET' }), 1);
          const again = await apiError(client.cancelMessage(SCHEDULED_MESSAGES.later));
          assert.deepEqual([again.code, again.context], [5, 'cancel']);
          assert.match(userText(again).en, /this send was already cancelled \(code 5\)/);
          const soon = await apiError(client.cancelMessage(SCHEDULED_MESSAGES.soon));
          assert.equal(soon.code, 6);
          assert.match(userText(soon).en, /less than 5 minutes away and can no longer be cancelled/);
          assert.match(userText(soon).fr, /dans moins de 5 minutes et ne peut plus être annulé/);
          const sent = await apiError(client.cancelMessage('4242'));
          assert.match(userText(sent).en, /already been sent/);
          const missing = await apiError(client.cancelMessage('999999'));
          assert.match(userText(missing).en, /no message with this id was found \(code 4\)/);
          assert.equal(missing.isKeyProblem, false);
        });
      }

      it('reads one SMS recipient by number (international or national), with date, cost and country', async () => {
        const client = clientFor(emulator(), 'sms', format) as SmsClient;
        const row = await client.getRecipientStatus(SCHEDULED_MESSAGES.later, '06 12 34 56 71');
        assert.equal(row.messageId, SCHEDULED_MESSAGES.later);
        assert.equal(row.recipient, '+33612345671');
        assert.equal(row.status, 'Waiting');
        assert.equal(row.stop, false);
        assert.equal(row.cost, 0.045);
        assert.equal(row.currency, 'EUR');
        assert.equal(row.countryCode, 'FR');
        assert.ok(row.date instanceof Date);
        const [request] = emulator().requests.filter((r) => r.endpoint === '/message-status');
        assert.equal(request.format, format);
      });

      it('explains the documented recipient-status errors; code 9 is a number, not the key', async () => {
        const client = clientFor(emulator(), 'sms', format) as SmsClient;
        const landline = await apiError(client.getRecipientStatus('4242', '+33142000000'));
        assert.deepEqual([landline.code, landline.isKeyProblem], [9, false]);
        assert.match(userText(landline).en, /does not appear to be a mobile number \(code 9\)\.$/);
        const missing = await apiError(client.getRecipientStatus('4242', '+33699999999'));
        assert.equal(missing.code, 4);
      });

      it('pages through the recipients of a tag: total, pages, and an empty page past the end', async () => {
        const client = clientFor(emulator(), 'sms', format) as SmsClient;
        const first = await client.getStatusByTag(SAMPLE_TAGS.promo, 1);
        assert.deepEqual([first.page, first.total, first.recipients.length], [1, 45, TAG_PAGE_SIZE]);
        const last = await client.getStatusByTag(SAMPLE_TAGS.promo, 3);
        assert.equal(last.recipients.length, 5);
        const after = await client.getStatusByTag(SAMPLE_TAGS.promo, 4);
        assert.equal(after.recipients.length, 0);
        const unknown = await apiError(client.getStatusByTag('nope', 1));
        assert.match(userText(unknown).en, /no message with this tag was found \(code 4\)/);
      });
    });
  }

  it('a cancel that times out is sent once and never retried', async () => {
    emulator().inject({ type: 'delay', ms: 600, path: '/message-cancel' });
    const client = clientFor(emulator(), 'sms', 'json', { timeoutMs: 200 });
    const err = await apiError(client.cancelMessage(SCHEDULED_MESSAGES.later));
    assert.equal(err.kind, 'timeout');
    await new Promise((r) => setTimeout(r, 700));
    assert.equal(emulator().count({ endpoint: '/message-cancel' }), 1);
  });

  it('refuses bad input before sending anything', async () => {
    const client = clientFor(emulator(), 'sms') as SmsClient;
    await assert.rejects(client.cancelMessage('12a'), RangeError);
    await assert.rejects(client.getRecipientStatus('12', 'call me'), RangeError);
    await assert.rejects(client.getStatusByTag('  '), RangeError);
    assert.equal(emulator().requests.length, 0);
    assert.deepEqual(checkRecipientNumber('0033 6 12 34 56 78'), { ok: true, number: '+33612345678' });
    assert.deepEqual(checkRecipientNumber('12345'), { ok: false, reason: 'length' });
    assert.deepEqual(checkTag('x'.repeat(65)), { ok: false, reason: 'tooLong' });
    assert.deepEqual(checkTag('a\nb'), { ok: false, reason: 'characters' });
  });
});
