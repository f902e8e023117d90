import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PartnerError } from '../../../src/api';
import { toPositionalXml } from '../../emulator/positionalXml';
import { userText } from '../helpers/bundleTranslate';
import { clientFor, rejection, useEmulator } from '../helpers/emulatorFixture';

const SAMPLES = join(__dirname, '../../../../test/fixtures/samples');
const SUB_KEY = 'sub-secret-key-5f2a9c';
const DATE = '2016-03-04 11:23:14';

/** A sub-account list answer whose one item carries exactly these fields, in this order. */
function listWith(item: Record<string, unknown>): Record<string, unknown> {
  return { success: true, code: 200, total: 1, nb_per_page: 20, page: 1, data: [item] };
}

describe('positional XML: each value goes only where its shape fits (issue 12, defect 4)', () => {
  const emulator = useEmulator();
  const serveXml = (body: string) => emulator().inject({ type: 'body', body, contentType: 'application/xml' });
  const serveJson = (body: unknown) =>
    emulator().inject({ type: 'body', body: JSON.stringify(body), contentType: 'application/json' });

  it('rejects [id, email, apiKey, createdAt, credits]: never the key as type, the date as token', async () => {
    const item = {
      id: 1,
      email: 'a@exemple.fr',
      apiKey: SUB_KEY,
      createdAt: DATE,
      credits: { balance: '1.5', currency: 'EUR' },
    };
    serveXml(toPositionalXml(listWith(item)));
    const err = await rejection(clientFor(emulator(), 'mail', 'xml').listSubaccounts());
    assert.ok(err instanceof PartnerError, String(err));
    assert.equal(err.kind, 'malformed');
    const shown = userText(err);
    assert.match(shown.en, /^Unexpected answer from Mail Partner \(data\[0\]: /);
    assert.match(shown.fr, /^Réponse inattendue de Mail Partner \(data\[0\]: /);
    assert.ok(![err.message, shown.en, shown.fr].some((t) => t.includes(SUB_KEY.slice(0, 8))));
  });

  it('reads [id, email, nil, createdAt, credits]: a null fits any optional field', async () => {
    const xml = toPositionalXml(
      listWith({ id: 7, email: 'b@exemple.fr', x: null, createdAt: DATE, credits: { balance: '2', currency: 'EUR' } }),
    );
    serveXml(xml);
    const page = await clientFor(emulator(), 'mail', 'xml').listSubaccounts();
    assert.deepEqual(page.items[0], {
      id: 7,
      email: 'b@exemple.fr',
      createdAtText: DATE,
      createdAt: new Date('2016-03-04T10:23:14Z'),
      balance: { amount: '2', value: 2, currency: 'EUR' },
    });
  });

  it('reads [id, email, type, token, apiKey, credits]: only createdAt can be the missing one', async () => {
    const item = {
      id: 8,
      email: 'c@exemple.fr',
      type: 'advanced',
      token: 'tok8',
      apiKey: SUB_KEY,
      credits: { balance: '2', currency: 'EUR' },
    };
    serveXml(toPositionalXml(listWith(item)));
    const [s] = (await clientFor(emulator(), 'mail', 'xml').listSubaccounts()).items;
    assert.deepEqual(s, {
      id: 8,
      email: 'c@exemple.fr',
      type: 'advanced',
      token: 'tok8',
      apiKey: SUB_KEY,
      balance: { amount: '2', value: 2, currency: 'EUR' },
    });
  });

  it('rejects [id, email, type, createdAt, credits]: "advanced" could as well be a token or a key', async () => {
    serveXml(
      toPositionalXml(
        listWith({
          id: 8,
          email: 'c@exemple.fr',
          type: 'advanced',
          createdAt: DATE,
          credits: { balance: '2', currency: 'EUR' },
        }),
      ),
    );
    const err = await rejection(clientFor(emulator(), 'mail', 'xml').listSubaccounts());
    assert.ok(err instanceof PartnerError && err.kind === 'malformed', String(err));
    assert.match(err.message, /cannot tell type\/token\/apiKey apart/);
  });

  it('rejects [id, email, type, token, createdAt, credits]: token and apiKey undecidable', async () => {
    const item = {
      id: 9,
      email: 'd@exemple.fr',
      type: 'simple',
      token: 'tok9',
      createdAt: DATE,
      credits: { balance: '2', currency: 'EUR' },
    };
    serveXml(toPositionalXml(listWith(item)));
    const err = await rejection(clientFor(emulator(), 'mail', 'xml').listSubaccounts());
    assert.ok(err instanceof PartnerError && err.kind === 'malformed', String(err));
  });

  it("rejects the docs' sub-account XML sample with its root fixed (was: perPage 1)", async () => {
    const docs = readFileSync(join(SAMPLES, 'mail-subaccount-list.xml'), 'utf8').replace('?>', '?>\n<result>');
    serveXml(docs);
    const err = await rejection(clientFor(emulator(), 'mail', 'xml').listSubaccounts());
    assert.ok(err instanceof PartnerError, `decoded as ${JSON.stringify(err)}`);
    assert.equal(err.kind, 'malformed');
  });

  it('rejects a page with more items than its nb_per_page', async () => {
    const item = { id: 1, email: 'a@exemple.fr', credits: { balance: '1', currency: 'EUR' } };
    serveJson({ ...listWith(item), nb_per_page: 1, data: [item, { ...item, id: 2 }] });
    const err = await rejection(clientFor(emulator(), 'mail').listSubaccounts());
    assert.ok(err instanceof PartnerError && err.kind === 'malformed', String(err));
  });

  it('JSON: drops a type, token, apiKey or createdAt of the wrong shape, and a fractional total', async () => {
    serveJson({
      ...listWith({
        id: 3,
        email: 'e@exemple.fr',
        type: '2016-03-04',
        token: DATE,
        apiKey: DATE,
        createdAt: 'hier',
        credits: { balance: '1', currency: 'EUR' },
      }),
      total: 2.5,
    });
    const page = await clientFor(emulator(), 'mail').listSubaccounts();
    assert.equal(page.total, undefined);
    assert.deepEqual(page.items[0], {
      id: 3,
      email: 'e@exemple.fr',
      balance: { amount: '1', value: 1, currency: 'EUR' },
    });
  });

  const rejected: [string, Record<string, unknown>][] = [
    ['a currency that is not three letters', { id: 1, email: 'a', credits: { balance: '1', currency: '4' } }],
    ['an id that is not a positive integer', { id: 0, email: 'a', credits: { balance: '1', currency: 'EUR' } }],
    ['a fractional id', { id: 1.5, email: 'a', credits: { balance: '1', currency: 'EUR' } }],
  ];
  for (const [what, item] of rejected) {
    it(`JSON and XML: rejects ${what}`, async () => {
      serveJson(listWith(item));
      const json = await rejection(clientFor(emulator(), 'mail').listSubaccounts());
      assert.ok(json instanceof PartnerError && json.kind === 'malformed', String(json));
      serveXml(toPositionalXml(listWith(item)));
      const xml = await rejection(clientFor(emulator(), 'mail', 'xml').listSubaccounts());
      assert.ok(xml instanceof PartnerError && xml.kind === 'malformed', String(xml));
    });
  }

  it('SMS status rows [phone, status, stop, date] read as JSON: the date is no cost or token', async () => {
    const row = { phoneNumber: '+33600000001', status: 'Delivered', stopSMS: false, date: '1763800000' };
    const answer = { success: true, code: 200, message_id: '5', StatutResponse_List: [row] };
    serveXml(toPositionalXml(answer));
    const xml = await clientFor(emulator(), 'sms', 'xml').getMessageStatus('5');
    serveJson(answer);
    const json = await clientFor(emulator(), 'sms').getMessageStatus('5');
    assert.deepEqual(xml, json);
    assert.deepEqual(xml.recipients[0], {
      recipient: '+33600000001',
      status: 'Delivered',
      stop: false,
      date: new Date(1763800000_000),
    });
  });

  it('SMS status rows [phone, status, stop, "7"]: fits date, cost and token: rejected', async () => {
    const answer = {
      success: true,
      code: 200,
      message_id: '5',
      StatutResponse_List: [{ p: '+33600000001', s: 'Delivered', st: true, d: '7' }],
    };
    serveXml(toPositionalXml(answer));
    const err = await rejection(clientFor(emulator(), 'sms', 'xml').getMessageStatus('5'));
    assert.ok(err instanceof PartnerError && err.kind === 'malformed', String(err));
  });
});
