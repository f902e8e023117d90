import * as assert from 'node:assert/strict';
import {
  checkPhoneNumber,
  checkPhoneNumbers,
  checkRecipientNumber,
  PartnerError,
  type SmsClient,
} from '../../../src/api';
import { STOP_PAGE_SIZE, STOP_SEED } from '../../emulator/routes/stop';
import { french, userText } from '../helpers/bundleTranslate';
import { clientFor, MemoryLogger, rejection, useEmulator } from '../helpers/emulatorFixture';

describe('Phone numbers as the provider takes them', () => {
  const cases: Array<[string, string | undefined]> = [
    ['+33612345678', '+33612345678'],
    ['06 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['0033612345678', '+33612345678'],
    ['+33 (0)6 12 34 56 78', '+33612345678'],
    ['+4915123456789', '+4915123456789'],
    ['612345678', undefined],
    ['+3361234567', undefined],
    ['06 12 34 56 7x', undefined],
    ['', undefined],
    // Issue 24, item 4: the overseas departments' national numbers have their own codes.
    ['0692 12 34 56', '+262692123456'],
    ['0639 01 23 45', '+262639012345'],
    ['0262 20 12 34', '+262262201234'],
    ['0590 27 12 34', '+590590271234'],
    ['0690 00 12 34', '+590690001234'],
    ['0691 22 12 34', '+590691221234'],
    ['0594 10 12 34', '+594594101234'],
    ['0694 20 12 34', '+594694201234'],
    ['0596 30 12 34', '+596596301234'],
    ['0696 20 12 34', '+596696201234'],
    ['0697 20 12 34', '+596697201234'],
    ['+262 (0)692 12 34 56', '+262692123456'],
    ['+33 692 12 34 56', undefined],
    // A bracketed (or not) trunk 0 goes after every code that has one, and only there.
    ['+44 (0)7911 123456', '+447911123456'],
    ['+32 (0)470 12 34 56', '+32470123456'],
    ['+41 (0)79 123 45 67', '+41791234567'],
    ['+212 (0)6 12 34 56 78', '+212612345678'],
    ['+49 (0)151 23456789', '+4915123456789'],
    ['+39 06 1234 5678', '+390612345678'],
    ['+33 0 12 34 56 78', undefined],
    ['+33 00 6 12 34 56 78', undefined],
  ];
  for (const [input, e164] of cases) {
    it(`${JSON.stringify(input)} → ${e164 ?? 'refused'}`, () => {
      const checked = checkPhoneNumber(input);
      assert.equal(checked.ok ? checked.e164 : undefined, e164);
    });
  }
  it('says which code a number of the French plan written with another one needs, in English and French', () => {
    const checked = checkPhoneNumber('+33 692 12 34 56');
    assert.deepEqual(checked, { ok: false, reason: 'countryCode', expected: '262' });
    const key =
      'This number is reached through +{0}, not through the code typed: write it with +{0}, or in French national format (0…).';
    assert.equal(
      french(key, '262'),
      'Ce numéro se compose avec l’indicatif +262, pas avec celui saisi : écrivez-le avec +262, ou au format national français (0…).',
    );
  });
});

describe('The three number checks read what is typed the same way', () => {
  // Copied from a French document: non-breaking and narrow non-breaking spaces, dots, a dash, brackets.
  const typed = '+33\u00a06\u202f12.34-56 (78)';
  it('a test send, a status lookup and the STOP list all see +33612345678', () => {
    const send = checkPhoneNumbers(typed);
    const status = checkRecipientNumber(typed);
    const stop = checkPhoneNumber(typed);
    assert.deepEqual(
      [send.ok && send.recipients, status.ok && status.number, stop.ok && stop.e164],
      [['+33612345678'], '+33612345678', '+33612345678'],
    );
  });
  it('and differ only in what they accept: a national number', () => {
    const send = checkPhoneNumbers('06 12 34 56 78');
    const status = checkRecipientNumber('06 12 34 56 78');
    const stop = checkPhoneNumber('06 12 34 56 78');
    assert.deepEqual(
      [send.ok ? send.recipients : send.reason, status.ok && status.number, stop.ok && stop.e164],
      ['invalid', '0612345678', '+33612345678'],
    );
  });
});

describe('STOP list and number check against the emulator', () => {
  const emulator = useEmulator();
  for (const format of ['json', 'xml'] as const) {
    describe(`${format} answers`, () => {
      it('reads the STOP list page by page, with ids, numbers and dates', async () => {
        const client = clientFor(emulator(), 'sms', format) as SmsClient;
        const first = await client.listStopNumbers(1);
        assert.equal(first.items.length, STOP_PAGE_SIZE);
        assert.deepEqual(
          { id: first.items[0].id, phoneNumber: first.items[0].phoneNumber, at: first.items[0].createdAtText },
          { id: 1, phoneNumber: '+33699999914', at: '2025-03-02 09:15:00' },
        );
        const second = await client.listStopNumbers(2);
        assert.equal(second.items.length, STOP_SEED - STOP_PAGE_SIZE);
        assert.equal((await client.listStopNumbers(3)).items.length, 0);
      });

      it('adds a number once (POST, never retried) and removes it by id (one GET)', async () => {
        const client = clientFor(emulator(), 'sms', format) as SmsClient;
        const added = await client.addStopNumber('06 12 34 56 78');
        assert.equal(added.stopId, STOP_SEED + 1);
        const last = (await client.listStopNumbers(2)).items.at(-1);
        assert.equal(last?.phoneNumber, '+33612345678');
        await client.removeStopNumber(added.stopId!);
        assert.equal(emulator().count({ endpoint: '/stop-sms/add' }), 1);
        assert.equal(emulator().count({ endpoint: '/stop-sms/delete' }), 1);
        const err = await rejection(client.removeStopNumber(added.stopId!));
        assert.ok(err instanceof PartnerError && err.kind === 'api' && err.code === 4, String(err));
        assert.equal(err.isKeyProblem, false);
      });

      it('checks a number: valid mobile with its formats, an invalid one', async () => {
        const client = clientFor(emulator(), 'sms', format) as SmsClient;
        const ok = await client.lookupNumber('0612345678');
        assert.deepEqual(ok, {
          asked: '+33612345678',
          valid: true,
          country: 'France',
          prefix: 33,
          type: 'Mobile',
          e164: '+33612345678',
          international: '+33 6 12 34 56 78',
          national: '06 12 34 56 78',
        });
        const landline = await client.lookupNumber('+33145678901');
        assert.deepEqual(landline, {
          asked: '+33145678901',
          valid: false,
          reason: "Le numéro de téléphone est vide ou n'est pas valide.",
        });
      });
    });
  }

  it('refuses a bad number before any request, and 9 is an invalid number, not the key', async () => {
    const client = clientFor(emulator(), 'sms') as SmsClient;
    await rejection(client.addStopNumber('12'));
    assert.equal(emulator().count({ endpoint: '/stop-sms/add' }), 0);
    emulator().inject({ type: 'apiError', code: 9, path: '/stop-sms/add' });
    const err = await rejection(client.addStopNumber('+33612345678'));
    assert.ok(err instanceof PartnerError, String(err));
    assert.equal(err.isKeyProblem, false);
    assert.equal(userText(err).en, 'SMS Partner: the phone number is invalid (code 9).');
    assert.equal(userText(err).fr, "SMS Partner : le numéro de téléphone n'est pas valide (code 9).");
  });

  it('never logs a number: the add goes in the body, the delete carries an id', async () => {
    const logger = new MemoryLogger();
    const client = clientFor(emulator(), 'sms', 'json', { logger }) as SmsClient;
    const { stopId } = await client.addStopNumber('+33687654321');
    await client.removeStopNumber(stopId!);
    await client.lookupNumber('+33687654321');
    assert.ok(!logger.lines.some((l) => l.includes('87654321')), logger.lines.join('\n'));
  });
});
