import * as assert from 'node:assert/strict';
import {
  Pacer,
  PartnerError,
  PROVIDER_PACE,
  SmsClient,
  type AnyClient,
  type ResponseFormat,
  type ServiceId,
} from '../../../src/api';
import { createRequestBody, createRequestProblem } from '../../../src/api/subaccountAdmin';
import { costResumeParams, parseIsoDay } from '../../../src/api/costResume';
import { costMilliIn, sentIn } from '../../emulator/routes/statistics';
import { formatMilli } from '../../emulator/emulatorData';
import type { PartnerEmulator } from '../../emulator/partnerEmulator';
import { userText } from '../helpers/bundleTranslate';
import { clientFor, MemoryLogger, rejection, useEmulator } from '../helpers/emulatorFixture';

const FORMATS: ResponseFormat[] = ['json', 'xml'];
const SERVICES: ServiceId[] = ['sms', 'mail'];

/** A pacer of its own without the statistics rule: these tests count what the emulator does. */
function unpaced(): Pacer {
  return new Pacer({ perOrigin: PROVIDER_PACE.perOrigin, endpoints: [] });
}

function client(emu: PartnerEmulator, service: ServiceId, format: ResponseFormat, logger?: MemoryLogger): AnyClient {
  return clientFor(emu, service, format, { pacer: unpaced(), logger });
}

describe('Sub-account creation and removal', () => {
  const emulator = useEmulator({ smsSubaccounts: 3, mailSubaccounts: 3 });

  for (const service of SERVICES) {
    for (const format of FORMATS) {
      it(`creates a ${service} sub-account in one POST and reads the token (${format})`, async () => {
        const logger = new MemoryLogger();
        const c = client(emulator(), service, format, logger);
        const created = await c.createSubaccount({
          type: 'advanced',
          email: 'nouveau@exemple.fr',
          isBuyer: false,
          creditToAttribute: '10',
          firstname: 'Léa',
        });
        assert.equal(created.email, 'nouveau@exemple.fr');
        assert.match(created.token ?? '', new RegExp(`^${service}tok-new-\\d+$`));
        assert.equal(created.apiKey, undefined);
        assert.equal(created.confirmationSentTo, 'nouveau@exemple.fr');
        const requests = emulator().requests.filter((r) => r.endpoint === '/subaccount/create');
        assert.deepEqual(
          requests.map((r) => [r.method, r.format]),
          [['POST', format]],
        );
        const list = await c.listSubaccounts(1);
        assert.ok(list.items.some((s) => s.email === 'nouveau@exemple.fr' && s.balance.amount === '10.000'));
        assert.equal((await c.getCredits()).credits.balance.amount, '10215.119');
        assert.ok(logger.lines.every((l) => !l.includes(emulator().apiKey(service))));
      });

      it(`removes a ${service} sub-account with one DELETE (${format})`, async () => {
        const c = client(emulator(), service, format);
        const token = (await c.listSubaccounts(1)).items[1].token!;
        await c.removeSubaccount(token);
        const removes = emulator().requests.filter((r) => r.endpoint === '/subaccount/remove');
        assert.deepEqual(
          removes.map((r) => r.method),
          ['DELETE'],
        );
        const after = await c.listSubaccounts(1);
        assert.equal(after.total, 2);
        assert.ok(after.items.every((s) => s.token !== token));
      });

      it(`explains "sub-account does not exist" (404) in English and French, sent once (${format})`, async () => {
        const c = client(emulator(), service, format);
        const err = (await rejection(c.removeSubaccount('no-such-token'))) as PartnerError;
        assert.ok(err instanceof PartnerError);
        assert.equal(err.code, 404);
        assert.equal(err.isKeyProblem, false);
        assert.deepEqual(userText(err), {
          en: `${service === 'sms' ? 'SMS' : 'Mail'} Partner: the sub-account does not exist (it may have been removed already) (code 404).`,
          fr: `${service === 'sms' ? 'SMS' : 'Mail'} Partner : le sous-compte n’existe pas (il a peut-être déjà été supprimé) (code 404).`,
        });
        assert.equal(emulator().requests.filter((r) => r.endpoint === '/subaccount/remove').length, 1);
      });
    }
  }

  it('explains "an account already exists with this e-mail" (SMS code 7) and is not a key problem', async () => {
    const c = client(emulator(), 'sms', 'json');
    const taken = (await c.listSubaccounts(1)).items[0].email;
    const err = (await rejection(c.createSubaccount({ type: 'simple', email: taken }))) as PartnerError;
    assert.equal(err.code, 7);
    assert.equal(err.isKeyProblem, false);
    assert.deepEqual(userText(err), {
      en: 'SMS Partner: an account already exists with this e-mail address (code 7).',
      fr: 'SMS Partner : un compte existe déjà avec cette adresse e-mail (code 7).',
    });
  });

  it('reads SMS code 9 on creation as the main balance, not the key', async () => {
    emulator().inject({
      type: 'apiError',
      code: 9,
      message: 'Le solde doit être supérieur à 0',
      path: '/subaccount/create',
    });
    const c = client(emulator(), 'sms', 'xml');
    const err = (await rejection(c.createSubaccount({ type: 'simple', email: 'x@exemple.fr' }))) as PartnerError;
    assert.equal(err.isKeyProblem, false);
    assert.equal(userText(err).en, 'SMS Partner: the main account balance must be greater than 0 (code 9).');
  });

  it('reads code 1 on removal as the missing token, not the key', async () => {
    emulator().inject({ type: 'apiError', code: 1, path: '/subaccount/remove' });
    const err = (await rejection(client(emulator(), 'sms', 'json').removeSubaccount('x'))) as PartnerError;
    assert.equal(err.isKeyProblem, false);
    assert.equal(userText(err).fr, 'SMS Partner : le jeton du sous-compte est manquant (code 1).');
  });

  it('never retries a creation that timed out after sending (one request)', async () => {
    emulator().inject({ type: 'hang', path: '/subaccount/create' });
    const c = clientFor(emulator(), 'mail', 'json', { pacer: unpaced(), timeoutMs: 300 });
    const err = (await rejection(c.createSubaccount({ type: 'simple' }))) as PartnerError;
    assert.equal(err.kind, 'timeout');
    assert.equal(emulator().requests.filter((r) => r.endpoint === '/subaccount/create').length, 1);
  });

  it('reads an API key when an answer carries one (the docs sample has none), and a made-up Mail e-mail', async () => {
    emulator().inject({
      type: 'body',
      path: '/subaccount/create',
      body: JSON.stringify({
        success: true,
        code: 200,
        subaccount: { email: '9875590@mailpartner.fr', token: 'tok-x', apiKey: 'key-of-the-new-one' },
        parent_email: 'newsletter@exemple.fr',
      }),
    });
    const created = await client(emulator(), 'mail', 'json').createSubaccount({ type: 'simple' });
    assert.deepEqual(created, { email: '9875590@mailpartner.fr', token: 'tok-x', apiKey: 'key-of-the-new-one' });
  });

  it('checks a request before sending anything', () => {
    assert.equal(createRequestProblem('sms', { type: 'simple' }), 'emailRequired');
    assert.equal(createRequestProblem('mail', { type: 'simple' }), undefined);
    assert.equal(createRequestProblem('mail', { type: 'advanced' }), 'emailRequired');
    assert.equal(createRequestProblem('sms', { type: 'simple', email: 'pas une adresse' }), 'email');
    assert.equal(createRequestProblem('sms', { type: 'simple', email: 'a@b.fr', isBuyer: true }), 'isBuyerSimple');
    assert.equal(createRequestProblem('sms', { type: 'simple', email: 'a@b.fr', creditToAttribute: '0' }), 'credit');
    assert.equal(
      createRequestProblem('sms', { type: 'simple', email: 'a@b.fr', title: 'x'.repeat(101) }),
      'nameTooLong',
    );
    assert.deepEqual(
      createRequestBody({ type: 'advanced', email: ' a@b.fr ', creditToAttribute: '2.5', lastname: ' Durand ' }),
      { type: 'advanced', parameters: { email: 'a@b.fr', isBuyer: 0, creditToAttribute: 2.5, lastname: 'Durand' } },
    );
  });
});

describe('Sending statistics (cost-resume)', () => {
  const emulator = useEmulator();

  for (const format of FORMATS) {
    it(`reads twelve months of messages and cost, oldest first (${format})`, async () => {
      const c = client(emulator(), 'sms', format) as SmsClient;
      const months = await c.costResume({ kind: 'lastTwelveMonths' });
      assert.equal(months.length, 12);
      const now = new Date();
      const last = months[11];
      assert.deepEqual([last.year, last.month], [now.getFullYear(), now.getMonth() + 1]);
      assert.equal(last.sent, sentIn(last.year, last.month));
      assert.equal(last.cost, formatMilli(costMilliIn(last.year, last.month)));
      assert.ok(
        months.every((m, i) => i === 0 || m.year * 12 + m.month === months[i - 1].year * 12 + months[i - 1].month + 1),
      );
    });

    it(`sends a custom range as DD-MM-YYYY (${format})`, async () => {
      const c = client(emulator(), 'sms', format) as SmsClient;
      const months = await c.costResume({
        kind: 'custom',
        from: parseIsoDay('2024-11-15')!,
        to: parseIsoDay('2025-02-03')!,
      });
      assert.deepEqual(
        months.map((m) => `${m.year}-${m.month}`),
        ['2024-11', '2024-12', '2025-1', '2025-2'],
      );
    });
  }

  it('explains the documented errors (1, 10) and a 429 in English and French', async () => {
    const c = clientFor(emulator(), 'sms', 'xml', {
      pacer: unpaced(),
      apiKey: 'wrong-key',
    }) as SmsClient;
    const wrong = (await rejection(c.costResume({ kind: 'lastMonth' }))) as PartnerError;
    assert.equal(wrong.isKeyProblem, true);
    assert.equal(userText(wrong).en, 'SMS Partner: the API key is wrong (code 10). Set the API key again.');
    assert.match(userText(wrong).fr, /^SMS Partner : la clé API est incorrecte \(code 10\)/);
    emulator().inject({ type: 'rateLimit', retryAfter: '60', path: '/statistics/cost-resume' });
    const limited = (await rejection(
      (clientFor(emulator(), 'sms', 'json', { pacer: unpaced() }) as SmsClient).costResume({ kind: 'lastMonth' }),
    )) as PartnerError;
    assert.equal(limited.kind, 'rateLimited');
    assert.equal(userText(limited).en, 'SMS Partner is limiting requests (HTTP 429). Try again in 60 s.');
  });

  it('the emulator refuses the sixth request in a minute with HTTP 429 (the documented 5 a minute)', async () => {
    const c = clientFor(emulator(), 'sms', 'json', {
      pacer: unpaced(),
      retry: { rateLimitWaits: 0, retries: 0 },
    }) as SmsClient;
    for (let i = 0; i < 5; i++) {
      await c.costResume({ kind: 'lastMonth' });
    }
    const err = (await rejection(c.costResume({ kind: 'lastMonth' }))) as PartnerError;
    assert.equal(err.kind, 'rateLimited');
  });

  it('the shared pacing lets one cost-resume go at once and the next only 12.5 s later', () => {
    let t = 0;
    const pacer = new Pacer(PROVIDER_PACE, () => t);
    const origin = 'https://api.smspartner.fr';
    assert.equal(pacer.estimateWaitMs(origin, 1, 'statistics/cost-resume'), 0);
    assert.equal(pacer.estimateWaitMs(origin, 2, 'statistics/cost-resume'), 12_500);
    t += 1;
    assert.equal(pacer.estimateWaitMs(origin, 1, 'subaccount/list'), 0);
  });

  it('builds the documented query for each range', () => {
    assert.deepEqual(costResumeParams({ kind: 'lastMonth' }), { interval: 'last_month' });
    assert.deepEqual(costResumeParams({ kind: 'lastTwelveMonths' }), { interval: 'last_twelve_months' });
    assert.deepEqual(
      costResumeParams({ kind: 'custom', from: parseIsoDay('2022-10-21')!, to: parseIsoDay('2022-10-21')! }),
      { interval: 'custom', from: '21-10-2022', to: '21-10-2022' },
    );
    assert.equal(parseIsoDay('2023-02-29'), undefined);
    assert.equal(parseIsoDay('21-10-2022'), undefined);
  });
});
