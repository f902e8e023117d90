import * as assert from 'node:assert/strict';
import { MailClient, PartnerError, SmsClient, type ResponseFormat } from '../../../src/api';
import { SAMPLE_MESSAGES } from '../../emulator/emulatorData';
import { userText } from '../helpers/bundleTranslate';
import { clientFor, rejection, useEmulator } from '../helpers/emulatorFixture';

const FORMATS: ResponseFormat[] = ['json', 'xml'];

describe('PartnerClient against the emulator', () => {
  const emulator = useEmulator({ smsSubaccounts: 45, mailSubaccounts: 20 });

  for (const format of FORMATS) {
    describe(`${format} answers`, () => {
      it('reads SMS credits with every count, the user and the exact balance', async () => {
        const client = clientFor(emulator(), 'sms', format) as SmsClient;
        const account = await client.getCredits();
        assert.equal(emulator().requests[0].format, format);
        assert.deepEqual(account, {
          user: { username: 'agence.durand@exemple.fr', firstname: 'Claire', lastname: 'Durand' },
          credits: {
            service: 'sms',
            sms: 269082,
            smsEco: 444570,
            hlr: 2045023,
            toSend: 12,
            balance: { amount: '10225.119', value: 10225.119, currency: 'EUR' },
          },
        });
      });

      it('reads Mail credits', async () => {
        const client = clientFor(emulator(), 'mail', format) as MailClient;
        const account = await client.getCredits();
        assert.deepEqual(account, {
          user: { username: 'newsletter@exemple.fr' },
          credits: {
            service: 'mail',
            mails: 269082,
            balance: { amount: '10225.119', value: 10225.119, currency: 'EUR' },
          },
        });
      });

      it('pages through sub-accounts: first, last (partial) and past-the-end pages', async () => {
        const client = clientFor(emulator(), 'sms', format);
        const first = await client.listSubaccounts(1);
        assert.equal(first.total, 45);
        assert.equal(first.perPage, 20);
        assert.equal(first.page, 1);
        assert.equal(first.items.length, 20);
        const s = first.items[0];
        assert.equal(s.id, 1001);
        assert.equal(s.email, 'bruno.1@client-sms.example');
        assert.equal(s.type, 'simple');
        assert.equal(s.token, 'smstok00001');
        assert.equal(s.apiKey, 'sms-subkey-00001-9c4e');
        assert.equal(s.createdAtText, '2019-02-02 01:07:13');
        // 01:07:13 in Paris in February is 00:07:13 UTC.
        assert.equal(s.createdAt?.toISOString(), '2019-02-02T00:07:13.000Z');
        assert.deepEqual(s.balance, { amount: '7.919', value: 7.919, currency: 'EUR' });
        const last = await client.listSubaccounts(3);
        assert.equal(last.items.length, 5);
        assert.equal(last.items[4].id, 1045);
        const past = await client.listSubaccounts(4);
        assert.deepEqual(past.items, []);
        assert.equal(past.total, 45);
      });

      it('lists an empty sub-account list as empty', async () => {
        emulator().service('mail').subaccounts.length = 0;
        const page = await clientFor(emulator(), 'mail', format).listSubaccounts();
        assert.equal(page.total, 0);
        assert.deepEqual(page.items, []);
      });

      it('keeps a one-row list a list and phone numbers as text', async () => {
        emulator().setMessage('sms', '900', [
          { recipient: '+33600000001', token: '007', status: 'Delivered', cost: 1, stop: false, date: '1763800000' },
        ]);
        const status = await clientFor(emulator(), 'sms', format).getMessageStatus('900');
        assert.equal(status.messageId, '900');
        assert.equal(status.recipients.length, 1);
        assert.equal(status.recipients[0].recipient, '+33600000001');
        assert.equal(status.recipients[0].status, 'Delivered');
        assert.equal(status.recipients[0].stop, false);
        assert.equal(status.recipients[0].date?.toISOString(), '2025-11-22T08:26:40.000Z');
      });

      it('reads Mail message status with cost, token, stop flag and dates', async () => {
        const status = await clientFor(emulator(), 'mail', format).getMessageStatus(SAMPLE_MESSAGES.docs.mail);
        assert.deepEqual(status, {
          messageId: '300',
          recipients: [
            {
              recipient: 'email1',
              token: 'xxx',
              status: 'Delivered',
              cost: 1,
              stop: true,
              date: new Date(1599061044000),
            },
            {
              recipient: 'email2',
              token: 'yyy',
              status: 'Delivered',
              cost: 1,
              stop: true,
              date: new Date(1599061044000),
            },
          ],
        });
      });

      it('passes unknown statuses and hostile text through unchanged', async () => {
        const campaign = await clientFor(emulator(), 'mail', format).getMessageStatus(SAMPLE_MESSAGES.campaign);
        const statuses = new Set(campaign.recipients.map((r) => r.status));
        assert.ok(statuses.has('Bounced-Soft'));
        assert.ok(statuses.has('DELIVRD'));
        assert.equal(campaign.recipients.length, 48);
        const hostile = await clientFor(emulator(), 'mail', format).getMessageStatus(SAMPLE_MESSAGES.hostile);
        assert.equal(hostile.recipients[0].recipient, '<img src=x onerror=alert(1)>');
        assert.equal(hostile.recipients[0].status, '<b>Delivered</b>');
      });

      it('moves credit to and from a sub-account, once, and reports both balances', async () => {
        const client = clientFor(emulator(), 'sms', format);
        const added = await client.addSubaccountCredit('smstok00002', '100.5');
        assert.deepEqual(added.credit, { amount: '10124.619', value: 10124.619, currency: 'EUR' });
        assert.deepEqual(added.subaccountCredit, { amount: '116.338', value: 116.338, currency: 'EUR' });
        const removed = await client.removeSubaccountCredit('smstok00002', '0.338');
        assert.equal(removed.subaccountCredit.amount, '116');
        assert.equal(removed.credit.amount, '10124.957');
        assert.equal(emulator().count({ method: 'POST' }), 2);
        const body = emulator().requests.filter((r) => r.method === 'POST');
        assert.ok(body.every((r) => r.keyOk));
      });

      it('gives the documented meaning of a wrong key, in English and French', async () => {
        const client = clientFor(emulator(), 'sms', format, { apiKey: 'not-the-right-key-123' });
        const err = await rejection(client.getCredits());
        assert.ok(err instanceof PartnerError);
        assert.equal(err.kind, 'api');
        assert.equal(err.code, 10);
        assert.equal(err.isKeyProblem, true);
        assert.equal(err.providerMessage, 'Clé API incorrecte');
        const shown = userText(err);
        assert.equal(shown.en, 'SMS Partner: the API key is wrong (code 10). Set the API key again.');
        assert.equal(shown.fr, 'SMS Partner : la clé API est incorrecte (code 10). Saisissez à nouveau la clé API.');
        assert.ok(![err.message, shown.en, shown.fr].some((text) => text.includes('not-the-right-key-123')));
      });

      it('reports a missing key (code 1) and an unknown message (code 4)', async () => {
        const noKey = await rejection(clientFor(emulator(), 'mail', format, { apiKey: '' }).getCredits());
        assert.ok(noKey instanceof PartnerError && noKey.code === 1);
        assert.match(userText(noKey).en, /Mail Partner: the API key is missing \(code 1\)/);
        const missing = await rejection(clientFor(emulator(), 'mail', format).getMessageStatus('123456'));
        assert.ok(missing instanceof PartnerError);
        assert.equal(missing.code, 4);
        assert.equal(userText(missing).en, 'Mail Partner: no message with this id was found (code 4).');
      });

      it('explains every documented transfer error', async () => {
        const client = clientFor(emulator(), 'sms', format);
        const unknown = await rejection(client.addSubaccountCredit('no-such-token', '5'));
        assert.ok(unknown instanceof PartnerError);
        assert.equal(unknown.code, 7);
        assert.equal(userText(unknown).en, 'SMS Partner: the sub-account does not exist (code 7).');
        const tooMuch = await rejection(client.removeSubaccountCredit('smstok00001', '9999'));
        assert.ok(tooMuch instanceof PartnerError);
        assert.equal(tooMuch.code, 8);
        assert.equal(userText(tooMuch).fr, 'SMS Partner : le crédit est insuffisant (code 8).');
        const badKey = await rejection(
          clientFor(emulator(), 'sms', format, { apiKey: 'wrong-key-abcdef' }).addSubaccountCredit('smstok00001', '1'),
        );
        assert.ok(badKey instanceof PartnerError && badKey.code === 9 && badKey.isKeyProblem);
      });
    });
  }

  it('maps every documented general error code to a human message, and unknown ones to the raw text', async () => {
    const expected: Record<number, RegExp> = {
      11: /insufficient credit/,
      20: /account is disabled/,
      30: /account is blocked/,
      40: /API access is denied/,
      96: /IP address is not authorized/,
      500: /queueing problem/,
    };
    for (const [code, pattern] of Object.entries(expected)) {
      emulator().inject({ type: 'apiError', code: Number(code) });
      const err = await rejection(clientFor(emulator(), 'sms').getCredits());
      assert.ok(err instanceof PartnerError, `code ${code}`);
      assert.equal(err.code, Number(code));
      assert.match(userText(err).en, pattern);
    }
    emulator().inject({ type: 'apiError', code: 77, message: 'Quota journalier atteint' });
    const unknown = await rejection(clientFor(emulator(), 'mail').getCredits());
    assert.ok(unknown instanceof PartnerError);
    assert.equal(userText(unknown).en, 'Mail Partner returned error code 77: Quota journalier atteint.');
  });

  it('refuses invalid message ids and amounts without sending anything', async () => {
    const client = clientFor(emulator(), 'sms');
    await assert.rejects(client.getMessageStatus('12a'), RangeError);
    await assert.rejects(client.getMessageStatus('   '), RangeError);
    await assert.rejects(client.addSubaccountCredit('smstok00001', '-3'), RangeError);
    await assert.rejects(client.addSubaccountCredit('smstok00001', '1.2345'), RangeError);
    await assert.rejects(client.listSubaccounts(0), RangeError);
    assert.equal(emulator().requests.length, 0);
  });

  it('sends the key in the query for GET and in the JSON body for POST, never both', async () => {
    const client = clientFor(emulator(), 'mail');
    await client.getCredits();
    await client.addSubaccountCredit('mailtok00001', '1');
    assert.deepEqual(
      emulator().requests.map((r) => [r.method, r.endpoint, r.keyOk]),
      [
        ['GET', '/me', true],
        ['POST', '/subaccount/credit/add', true],
      ],
    );
  });
});
