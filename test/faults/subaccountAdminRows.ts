/**
 * Fault-run rows for sub-account creation and the Usage panel's ranges: what the user may
 * type, and what is refused before anything is sent.
 */
import { createClient, parseIsoDay, type SubaccountCreateRequest } from '../../src/api';
import { createRequestProblem } from '../../src/api/subaccountAdmin';
import type { PartnerEmulator } from '../emulator/partnerEmulator';

type ExpectInput = (tried: string, saw: string, ok: boolean) => void;

export async function subaccountAdminRows(emulator: PartnerEmulator, expectInput: ExpectInput): Promise<void> {
  const cases: [string, 'sms' | 'mail', SubaccountCreateRequest, string | undefined][] = [
    ['simple, e-mail', 'sms', { type: 'simple', email: 'agence@exemple.fr' }, undefined],
    ['simple, no e-mail (SMS)', 'sms', { type: 'simple' }, 'emailRequired'],
    ['simple, no e-mail (Mail: generated)', 'mail', { type: 'simple' }, undefined],
    ['advanced, no e-mail (Mail)', 'mail', { type: 'advanced' }, 'emailRequired'],
    ['e-mail "agence@"', 'sms', { type: 'simple', email: 'agence@' }, 'email'],
    ['e-mail with a space', 'sms', { type: 'simple', email: 'a gence@exemple.fr' }, 'email'],
    ['e-mail of 300 characters', 'sms', { type: 'simple', email: `${'a'.repeat(290)}@exemple.fr` }, 'email'],
    ['isBuyer on a simple sub-account', 'sms', { type: 'simple', email: 'a@b.fr', isBuyer: true }, 'isBuyerSimple'],
    ['credit "0"', 'sms', { type: 'simple', email: 'a@b.fr', creditToAttribute: '0' }, 'credit'],
    ['credit "-5"', 'sms', { type: 'simple', email: 'a@b.fr', creditToAttribute: '-5' }, 'credit'],
    ['credit "1.2345"', 'sms', { type: 'simple', email: 'a@b.fr', creditToAttribute: '1.2345' }, 'credit'],
    ['credit "1e3"', 'sms', { type: 'simple', email: 'a@b.fr', creditToAttribute: '1e3' }, 'credit'],
    ['credit "12.5"', 'sms', { type: 'advanced', email: 'a@b.fr', creditToAttribute: '12.5' }, undefined],
    ['title of 101 characters', 'sms', { type: 'simple', email: 'a@b.fr', title: 'x'.repeat(101) }, 'nameTooLong'],
    ['type "premium"', 'sms', { type: 'premium' as 'simple', email: 'a@b.fr' }, 'type'],
  ];
  for (const [what, service, request, expected] of cases) {
    const problem = createRequestProblem(service, request);
    expectInput(
      `create sub-account: ${what}`,
      problem ? `refused before sending (${problem})` : 'sent',
      problem === expected,
    );
  }

  // A refused request never reaches the provider.
  emulator.reset();
  const client = createClient('sms', { baseUrl: emulator.apiUrl('sms'), apiKey: emulator.apiKey('sms') });
  let threw = false;
  try {
    await client.createSubaccount({ type: 'simple', email: 'agence@' });
  } catch {
    threw = true;
  }
  const sent = emulator.requests.filter((r) => r.endpoint === '/subaccount/create').length;
  expectInput('create sub-account with e-mail "agence@" through the client', `${sent} request(s)`, threw && sent === 0);
  threw = false;
  try {
    await client.removeSubaccount('   ');
  } catch {
    threw = true;
  }
  const removes = emulator.requests.filter((r) => r.endpoint === '/subaccount/remove').length;
  expectInput('remove sub-account with a blank token', `${removes} request(s)`, threw && removes === 0);

  // The Usage panel's custom range: real calendar days only.
  for (const [input, ok] of [
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['21-10-2022', false],
    ['2024-1-5', false],
    ['', false],
  ] as const) {
    const day = parseIsoDay(input);
    expectInput(`usage custom range day ${JSON.stringify(input)}`, day ? 'accepted' : 'refused', Boolean(day) === ok);
  }
}
