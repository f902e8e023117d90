import * as assert from 'node:assert/strict';
import {
  checkEmails,
  checkHtmlContent,
  checkPhoneNumbers,
  checkSchedule,
  checkSender,
  checkSmsText,
  isPartnerError,
  MAX_HTML_BYTES,
  type MailClient,
  type PartnerError,
  type ResponseFormat,
  type SmsClient,
} from '../../../src/api';
import { SEND_TEST_RECIPIENTS } from '../../emulator/routes/send';
import { userText } from '../helpers/bundleTranslate';
import { clientFor, MemoryLogger, rejection, useEmulator } from '../helpers/emulatorFixture';

const FORMATS: ResponseFormat[] = ['json', 'xml'];

describe('Test sends: input checks before any request', () => {
  it('takes international numbers only, at most 5, no duplicates', () => {
    assert.deepEqual(checkPhoneNumbers('+33 6 12 34 56 78, +4915112345678'), {
      ok: true,
      recipients: ['+33612345678', '+4915112345678'],
    });
    assert.deepEqual(checkPhoneNumbers('0612345678'), { ok: false, reason: 'invalid', value: '0612345678' });
    assert.deepEqual(checkPhoneNumbers('+33612345678;+33612345678'), {
      ok: false,
      reason: 'duplicate',
      value: '+33612345678',
    });
    assert.deepEqual(checkPhoneNumbers(' , '), { ok: false, reason: 'empty' });
    // Issue 24, item 4: read as the STOP list reads them (a trunk 0 dropped, a second one refused).
    assert.deepEqual(checkPhoneNumbers('+44 (0)7911 123456, +33 (0)6 12 34 56 78'), {
      ok: true,
      recipients: ['+447911123456', '+33612345678'],
    });
    assert.deepEqual(checkPhoneNumbers('+33 0 12 34 56 78'), { ok: false, reason: 'invalid', value: '+33012345678' });
    assert.deepEqual(checkPhoneNumbers('+33612345678, +33 (0)6 12 34 56 78'), {
      ok: false,
      reason: 'duplicate',
      value: '+33612345678',
    });
    const six = [1, 2, 3, 4, 5, 6].map((i) => `+3361234567${i}`).join(',');
    assert.deepEqual(checkPhoneNumbers(six), { ok: false, reason: 'tooMany' });
  });

  it('checks e-mail syntax', () => {
    assert.deepEqual(checkEmails('a@b.fr; c.d@exemple.com'), { ok: true, recipients: ['a@b.fr', 'c.d@exemple.com'] });
    assert.deepEqual(checkEmails('a@b'), { ok: false, reason: 'invalid', value: 'a@b' });
  });

  it('takes a sender of 3 to 11 letters, digits or spaces, or none', () => {
    assert.deepEqual(checkSender(''), { ok: true, sender: undefined });
    assert.deepEqual(checkSender(' Agence '), { ok: true, sender: 'Agence' });
    assert.deepEqual(checkSender('AB'), { ok: false, reason: 'tooShort' });
    assert.deepEqual(checkSender('ABCDEFGHIJKL'), { ok: false, reason: 'tooLong' });
    assert.deepEqual(checkSender('Agence-01'), { ok: false, reason: 'characters' });
  });

  it('refuses an empty message and one over 10 SMS', () => {
    assert.deepEqual(checkSmsText('  '), { ok: false, reason: 'empty' });
    assert.deepEqual(checkSmsText('a'.repeat(160)), { ok: true, parts: 1 });
    assert.deepEqual(checkSmsText('a'.repeat(153 * 10 + 1)), { ok: false, reason: 'tooLong', parts: 11 });
  });

  it('bounds the HTML content', () => {
    assert.deepEqual(checkHtmlContent(''), { ok: false, reason: 'empty' });
    assert.equal(checkHtmlContent('x'.repeat(MAX_HTML_BYTES + 1)).ok, false);
  });

  it('reads a schedule in Paris time, by five minutes, in the future', () => {
    const now = new Date('2026-11-23T10:00:00Z'); // 11:00 in Paris
    assert.deepEqual(checkSchedule('24/11/2026 9:05', now), {
      ok: true,
      schedule: { date: '24/11/2026', hour: 9, minute: 5 },
    });
    assert.deepEqual(checkSchedule('23/11/2026 10:30', now), { ok: false, reason: 'past' });
    assert.deepEqual(checkSchedule('24/11/2026 09:07', now), { ok: false, reason: 'minute' });
    assert.deepEqual(checkSchedule('31/11/2026 09:00', now), { ok: false, reason: 'date' });
    assert.deepEqual(checkSchedule('tomorrow', now), { ok: false, reason: 'format' });
  });
});

describe('Test sends against the emulator', () => {
  const emulator = useEmulator();

  for (const format of FORMATS) {
    it(`a sandbox SMS answers message_id, nb_sms, cost and currency, and charges nothing (${format})`, async () => {
      const client = clientFor(emulator(), 'sms', format) as SmsClient;
      const before = (await client.getCredits()).credits;
      const result = await client.sendSms({ phoneNumbers: ['+33612345678'], message: 'Hello', sandbox: true });
      assert.match(result.messageId, /^\d+$/);
      assert.deepEqual(
        { ...result, messageId: 'id' },
        {
          service: 'sms',
          messageId: 'id',
          count: 1,
          cost: { amount: '0.038', value: 0.038, currency: 'EUR' },
        },
      );
      const after = (await client.getCredits()).credits;
      assert.equal(after.balance.amount, before.balance.amount);
      const status = await client.getMessageStatus(result.messageId);
      assert.deepEqual(
        status.recipients.map((r) => [r.recipient, r.status]),
        [['+33612345678', 'Waiting']],
      );
      const body = emulator().requests.filter((r) => r.method === 'POST');
      assert.equal(body.length, 1);
    });

    it(`a real SMS lowers the credit by its cost; a real Mail too (${format})`, async () => {
      const sms = clientFor(emulator(), 'sms', format) as SmsClient;
      const result = await sms.sendSms({
        phoneNumbers: ['+33612345678', '+33612345679'],
        message: 'x'.repeat(200),
        sender: 'Agence',
        sandbox: false,
      });
      assert.equal(result.count, 4);
      assert.equal((await sms.getCredits()).credits.balance.amount, '10224.967');
      const mail = clientFor(emulator(), 'mail', format) as MailClient;
      const sent = await mail.sendMail({
        to: ['a@exemple.fr'],
        subject: 'Test',
        htmlContent: '<p>Hi</p>',
        sandbox: false,
      });
      assert.equal(sent.count, 1);
      assert.equal((await mail.getCredits()).credits.balance.amount, '10225.109');
    });

    it(`a scheduled send carries date, time and minute; its recipients wait; Mail answers the planned time (${format})`, async () => {
      const sms = clientFor(emulator(), 'sms', format) as SmsClient;
      const schedule = { date: '24/12/2099', hour: 9, minute: 30 };
      const sent = await sms.sendSms({ phoneNumbers: ['+33612345678'], message: 'Hi', sandbox: true, schedule });
      await sms.getMessageStatus(sent.messageId);
      const status = await sms.getMessageStatus(sent.messageId);
      assert.deepEqual(
        status.recipients.map((r) => r.status),
        ['Waiting'],
        'a scheduled message does not move',
      );
      const mail = clientFor(emulator(), 'mail', format) as MailClient;
      const planned = await mail.sendMail({
        to: ['a@exemple.fr'],
        subject: 'S',
        htmlContent: '<p/>',
        sandbox: true,
        schedule,
      });
      assert.equal(planned.scheduledText, '2099-12-24 09:30:00');
    });

    it(`documented refusals become PartnerErrors with their send meaning (${format})`, async () => {
      const sms = clientFor(emulator(), 'sms', format) as SmsClient;
      const stop = (await rejection(
        sms.sendSms({ phoneNumbers: [SEND_TEST_RECIPIENTS.stopListed], message: 'Hi', sandbox: true }),
      )) as PartnerError;
      assert.ok(isPartnerError(stop));
      assert.equal(stop.code, 14);
      assert.equal(stop.isKeyProblem, false);
      assert.equal(userText(stop).en, 'SMS Partner: a number is on the STOP SMS list (code 14).');
      assert.equal(userText(stop).fr, 'SMS Partner : un numéro est dans la liste STOP SMS (code 14).');
      emulator().inject({ type: 'apiError', code: 96, path: '/send' });
      const ip = (await rejection(
        sms.sendSms({ phoneNumbers: ['+33612345678'], message: 'Hi', sandbox: true }),
      )) as PartnerError;
      assert.equal(userText(ip).en, "SMS Partner: this machine's IP address is not authorized (code 96).");
    });
  }

  it('a refused parameter (code 9) is not a key problem and says what the provider listed', async () => {
    emulator().inject({
      type: 'body',
      path: '/send',
      body: JSON.stringify({
        success: false,
        code: 9,
        errors: [{ elementId: 'children[sender].data', message: 'The sender cannot be longer than 11 characters' }],
      }),
    });
    const logger = new MemoryLogger();
    const sms = clientFor(emulator(), 'sms', 'json', { logger }) as SmsClient;
    const error = (await rejection(
      sms.sendSms({ phoneNumbers: ['+33612345678'], message: 'Hi', sandbox: true }),
    )) as PartnerError;
    assert.equal(error.isKeyProblem, false);
    assert.equal(
      userText(error).en,
      'SMS Partner: a parameter of the send was refused (code 9): The sender cannot be longer than 11 characters',
    );
  });

  it("reads the docs' positional XML refusal list (code 9) as the JSON one", async () => {
    emulator().inject({
      type: 'body',
      path: '/send',
      contentType: 'application/xml',
      body: `<?xml version='1.0' encoding='UTF-8'?>
 <result>
          <entry>false</entry>
          <entry>9</entry>
          <entry>
                <entry>
                  <entry>children[message].data</entry>
                  <entry>The message is required</entry>
                </entry>
                <entry>
                    <entry>children[minute].data</entry>
                    <entry>The minute is required</entry>
                </entry>
      </entry>
</result>`,
    });
    const sms = clientFor(emulator(), 'sms', 'xml') as SmsClient;
    const error = (await rejection(
      sms.sendSms({ phoneNumbers: ['+33612345678'], message: 'Hi', sandbox: true }),
    )) as PartnerError;
    assert.equal(
      userText(error).en,
      'SMS Partner: a parameter of the send was refused (code 9): The message is required; The minute is required',
    );
  });

  it('the log never holds a recipient quoted in a refusal', async () => {
    emulator().inject({
      type: 'body',
      path: '/send',
      body: JSON.stringify({
        success: false,
        code: 9,
        errors: [
          { elementId: 'children[phoneNumbers].data', message: 'This phone number is not valid (+33612345678)' },
        ],
      }),
    });
    const sms = clientFor(emulator(), 'sms') as SmsClient;
    const error = (await rejection(
      sms.sendSms({ phoneNumbers: ['+33612345678'], message: 'Hi', sandbox: true }),
    )) as PartnerError;
    assert.doesNotMatch(error.message, /612345678/);
  });

  it('checks before sending: nothing reaches the API', async () => {
    const sms = clientFor(emulator(), 'sms') as SmsClient;
    await assert.rejects(sms.sendSms({ phoneNumbers: ['0612345678'], message: 'Hi', sandbox: true }), RangeError);
    await assert.rejects(
      sms.sendSms({ phoneNumbers: ['+33612345678'], message: 'Hi', sender: 'AB', sandbox: true }),
      RangeError,
    );
    const mail = clientFor(emulator(), 'mail') as MailClient;
    await assert.rejects(
      mail.sendMail({ to: ['a@b.fr'], subject: ' ', htmlContent: '<p/>', sandbox: true }),
      RangeError,
    );
    assert.equal(emulator().requests.length, 0);
  });

  it('a timeout after sending is one request, never retried', async () => {
    emulator().inject({ type: 'hang', path: '/send' });
    const sms = clientFor(emulator(), 'sms', 'json', { timeoutMs: 300 }) as SmsClient;
    const error = (await rejection(
      sms.sendSms({ phoneNumbers: ['+33612345678'], message: 'Hi', sandbox: false }),
    )) as PartnerError;
    assert.equal(error.kind, 'timeout');
    assert.equal(emulator().requests.filter((r) => r.endpoint === '/send').length, 1);
  });
});
