import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PartnerError, type MailClient, type SmsClient } from '../../../src/api';
import { userText } from '../helpers/bundleTranslate';
import { clientFor, rejection, useEmulator } from '../helpers/emulatorFixture';

// The docs' own answers, served verbatim over HTTP by the emulator.
const SAMPLES = join(__dirname, '../../../../test/fixtures/samples');
const sample = (name: string) => readFileSync(join(SAMPLES, name), 'utf8');

describe("the provider docs' answer samples", () => {
  const emulator = useEmulator();
  const serve = (name: string) =>
    emulator().inject({
      type: 'body',
      body: sample(name),
      contentType: name.endsWith('.xml') ? 'application/xml' : 'application/json',
    });

  it('decodes SMS /me in JSON and XML to the same values (XML captured a moment later)', async () => {
    serve('sms-me.json');
    const json = await (clientFor(emulator(), 'sms', 'json') as SmsClient).getCredits();
    serve('sms-me.xml');
    const xml = await (clientFor(emulator(), 'sms', 'xml') as SmsClient).getCredits();
    assert.deepEqual(json, {
      user: { username: 'exemple@email.com', firstname: 'John', lastname: 'Doe' },
      credits: {
        service: 'sms',
        sms: 269082,
        smsEco: 444570,
        hlr: 2045023,
        toSend: 0,
        balance: { amount: '10225.119', value: 10225.119, currency: 'EUR' },
      },
    });
    assert.deepEqual(xml, {
      user: { username: 'exemple@email.com', firstname: 'John', lastname: 'Doe' },
      credits: {
        service: 'sms',
        sms: 269070,
        smsEco: 444551,
        hlr: 2044937,
        toSend: 0,
        balance: { amount: '10224.688', value: 10224.688, currency: 'EUR' },
      },
    });
  });

  it('decodes the recorded SMS /me variant (creditSmsLowCost, no names)', async () => {
    serve('sms-me-recorded-variant.json');
    const account = await (clientFor(emulator(), 'sms') as SmsClient).getCredits();
    assert.deepEqual(account, {
      user: { username: 'example@gmail.com' },
      credits: {
        service: 'sms',
        sms: 20,
        smsEco: 37,
        hlr: 180,
        toSend: 0,
        balance: { amount: '0.900', value: 0.9, currency: 'EUR' },
      },
    });
  });

  it('decodes Mail /me in JSON and XML', async () => {
    serve('mail-me.json');
    const json = await (clientFor(emulator(), 'mail', 'json') as MailClient).getCredits();
    serve('mail-me.xml');
    const xml = await (clientFor(emulator(), 'mail', 'xml') as MailClient).getCredits();
    assert.deepEqual(json.credits, {
      service: 'mail',
      mails: 269082,
      balance: { amount: '10225.119', value: 10225.119, currency: 'EUR' },
    });
    assert.deepEqual(xml.credits, {
      service: 'mail',
      mails: 269070,
      balance: { amount: '10224.688', value: 10224.688, currency: 'EUR' },
    });
    assert.deepEqual(json.user, xml.user);
  });

  it('decodes Mail bulk-status JSON and XML to identical results', async () => {
    serve('mail-bulk-status.json');
    const json = await clientFor(emulator(), 'mail', 'json').getMessageStatus('300');
    serve('mail-bulk-status.xml');
    const xml = await clientFor(emulator(), 'mail', 'xml').getMessageStatus('300');
    assert.deepEqual(xml, json);
    assert.equal(json.messageId, 'xxx');
    assert.deepEqual(json.recipients[1], {
      recipient: 'email2',
      token: 'yyy',
      status: 'Delivered',
      cost: 1,
      stop: true,
      date: new Date(1599061044 * 1000),
    });
  });

  it('decodes SMS bulk-status (message_id, StatutResponse_List, stopSMS)', async () => {
    serve('sms-bulk-status.json');
    const status = await clientFor(emulator(), 'sms').getMessageStatus('111');
    assert.deepEqual(status, {
      messageId: '111',
      recipients: [
        { recipient: '+336XXXXXXX1', status: 'Delivered', stop: false, date: new Date(1517989111000) },
        { recipient: '+336XXXXXXX2', status: 'Delivered', stop: false, date: new Date(1517989101000) },
      ],
    });
  });

  it('decodes the Mail sub-account list JSON', async () => {
    serve('mail-subaccount-list.json');
    const page = await clientFor(emulator(), 'mail').listSubaccounts();
    assert.equal(page.total, 29);
    assert.equal(page.items.length, 2);
    assert.equal(page.items[1].apiKey, 'ApiKey2 du sous compte');
    assert.deepEqual(page.items[1].balance, { amount: '10.245', value: 10.245, currency: 'EUR' });
  });

  it("rejects the docs' broken sub-account list XML (no <result> root) with a clear error", async () => {
    serve('mail-subaccount-list.xml');
    const err = await rejection(clientFor(emulator(), 'mail', 'xml').listSubaccounts());
    assert.ok(err instanceof PartnerError);
    assert.equal(err.kind, 'malformed');
    assert.equal(err.malformed?.kind, 'notXml');
    assert.match(userText(err).en, /^Unexpected answer from Mail Partner \(not well-formed XML, line 3\)/);
    assert.match(userText(err).fr, /^Réponse inattendue de Mail Partner \(XML mal formé, ligne 3\)/);
  });

  it('decodes the wrong-key error in JSON and XML to the same error', async () => {
    serve('error-wrong-key.json');
    const json = await rejection(clientFor(emulator(), 'sms', 'json').getCredits());
    serve('error-wrong-key.xml');
    const xml = await rejection(clientFor(emulator(), 'sms', 'xml').getCredits());
    assert.ok(json instanceof PartnerError && xml instanceof PartnerError);
    assert.equal(json.code, 10);
    assert.equal(xml.code, 10);
    assert.equal(xml.providerMessage, 'Clé API incorrecte');
    assert.equal(json.message, xml.message);
    assert.deepEqual(userText(json), userText(xml));
  });

  it('decodes the credit transfer answer', async () => {
    serve('subaccount-credit-add.json');
    const result = await clientFor(emulator(), 'sms').addSubaccountCredit('token1', '100');
    assert.deepEqual(result, {
      credit: { amount: '2869.2', value: 2869.2, currency: 'EUR' },
      subaccountCredit: { amount: '61.8', value: 61.8, currency: 'EUR' },
    });
  });
});
