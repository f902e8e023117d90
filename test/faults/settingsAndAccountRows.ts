/**
 * Fault-run rows for issue 12's settings and account defects: the refresh
 * interval a typo or a folder can set (2), what other extensions can read (6),
 * abort listeners on a long-lived signal (7) and credit history per account (13).
 */
import { getEventListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accountRef, CreditHistory } from '../../src/accounts/creditHistory';
import { createClient, type ServiceId } from '../../src/api';
import { withLinkedSignal } from '../../src/api/abortable';
import { exportedApi } from '../../src/exportedApi';
import { boundedNumber, NUMBER_SETTINGS } from '../../src/settings/numberSettings';
import type { PartnerEmulator } from '../emulator/partnerEmulator';
import { MemoryMemento } from '../helpers/memoryMemento';
import { english, french } from '../unit/helpers/bundleTranslate';

const ROOT = join(__dirname, '../../..');
const bundle = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, string>;

type ExpectInput = (tried: string, saw: string, ok: boolean) => void;

export async function settingsAndAccountRows(emulator: PartnerEmulator, expectInput: ExpectInput): Promise<void> {
  // 2. The refresh interval: 0 is off, else whole minutes from 1; anything else is the default.
  const refresh = NUMBER_SETTINGS['statusBar.refreshInterval'];
  const warning = '{0} must be {1} (off) or a whole number from {2} to {3}; using {4}.';
  for (const [input, expected] of [
    [0.001, 5],
    [0, 0],
    [1, 1],
    [2.5, 5],
    [-5, 5],
    [1441, 5],
  ] as const) {
    const { value, valid } = boundedNumber(input, refresh);
    const args = ['partnerExplorer.statusBar.refreshInterval', 0, refresh.min, refresh.max, refresh.fallback] as const;
    const used = value === 0 ? 'status bar polls only on demand' : `status bar polls every ${value} min`;
    const saw = valid ? used : `${used}; warning: ${english(warning, ...args)} | FR: ${french(warning, ...args)}`;
    expectInput(`statusBar.refreshInterval ${input}`, saw, value === expected && (value === 0 || value >= 1));
  }
  const manifest = bundle('package.json') as unknown as {
    capabilities: { untrustedWorkspaces: { restrictedConfigurations?: string[] } };
    contributes: { configuration: { properties: Record<string, { scope?: string }> } };
  };
  const name = 'partnerExplorer.statusBar.refreshInterval';
  const scope = manifest.contributes.configuration.properties[name].scope;
  const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations?.includes(name) ?? false;
  expectInput(
    `a folder's .vscode/settings.json sets ${name}: 0.001`,
    `ignored (scope ${scope}${restricted ? ', restricted in untrusted folders' : ''})`,
    scope === 'application' && restricted,
  );

  // 6. Another extension calling getExtension('partner-tools.partner-explorer').exports.
  const live = { keys: { get: () => emulator.apiKey('sms') } };
  for (const [mode, label] of [
    [1, 'Production'],
    [2, 'Development'],
    [3, 'Test'],
  ] as const) {
    const exported = exportedApi(mode, live);
    expectInput(
      `another extension reads our exports (${label} mode)`,
      exported ? 'the live parts (tests only)' : 'undefined: nothing',
      (mode === 3) === (exported !== undefined),
    );
  }

  // 7. 100 status reads, each with its own signal, linked to one long-lived signal.
  emulator.reset();
  const session = new AbortController();
  const client = createClient('sms', {
    baseUrl: emulator.apiUrl('sms'),
    apiKey: emulator.apiKey('sms'),
    signal: session.signal,
    timeoutMs: 2000,
  });
  for (let i = 0; i < 100; i++) {
    await withLinkedSignal([new AbortController().signal, session.signal], (signal) =>
      client.getMessageStatus('4242', { signal }),
    );
  }
  const left = getEventListeners(session.signal, 'abort').length;
  expectInput(
    `100 status reads linked to the session's signal (${emulator.requests.length} requests)`,
    `${left} abort listeners left on it`,
    left === 0 && emulator.requests.length === 100,
  );

  // 13. Account A, then a key of another account (a sub-account's own key) on the same service.
  const memento = new MemoryMemento();
  const history = new CreditHistory(memento);
  const read = async (service: ServiceId, apiKey: string, at: number) => {
    const account = await createClient(service, { baseUrl: emulator.apiUrl(service), apiKey }).getCredits();
    const ref = accountRef(service, account.user.username);
    await history.record(
      ref,
      account.credits.service === 'sms' ? account.credits.sms : account.credits.mails,
      account.credits.balance.value,
      at,
    );
    return { ref, username: account.user.username };
  };
  const day = 86_400_000;
  const a = await read('sms', emulator.apiKey('sms'), 0);
  await read('sms', emulator.apiKey('sms'), day);
  const sub = (
    await createClient('sms', { baseUrl: emulator.apiUrl('sms'), apiKey: emulator.apiKey('sms') }).listSubaccounts(1)
  ).items[1];
  const b = await read('sms', sub.apiKey ?? '', 2 * day);
  const shownForB = history.points(b.ref).map((p) => p.count);
  const stored = memento.dump();
  const clear =
    !stored.includes(a.username) && !stored.includes(b.username) && !stored.includes(emulator.apiKey('sms'));
  expectInput(
    'credit history after a key change to another account',
    `chart and trend of the new account: ${JSON.stringify(shownForB)}; the first account's ${history.points(a.ref).length} readings kept apart; ${clear ? 'no e-mail or key' : 'E-MAIL OR KEY'} in globalState`,
    shownForB.length === 1 && history.points(a.ref).length === 2 && clear,
  );
  await history.forget(a.ref);
  expectInput(
    'Clear API Key, "Clear Key and History"',
    `${history.points(a.ref).length} readings of that account left; the other account's ${history.points(b.ref).length} kept`,
    history.points(a.ref).length === 0 && history.points(b.ref).length === 1,
  );
}
