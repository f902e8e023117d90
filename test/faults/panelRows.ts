/**
 * Fault-run rows for the issue-12 defects that live in the panels and transfers
 * (3, 9, 14), at the level the fault run reaches without VS Code: the same decision
 * functions the extension uses, the real client against the emulator, and the
 * user's text in English and French from the l10n bundles the extension ships.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, isPartnerError, type AnyClient, type PartnerLogger } from '../../src/api';
import { exportFileName, exportLocation } from '../../src/panels/messageStatus/exportPath';
import { stillOwned } from '../../src/panels/messageStatus/readingOwner';
import type { PartnerEmulator } from '../emulator/partnerEmulator';

type Expect = (tried: string, saw: string, ok: boolean) => void;

const ROOT = join(__dirname, '../../..');
const french = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.fr.json'), 'utf8')) as Record<string, string>;

/** What `vscode.l10n.t` gives in English and in French for a key of the bundles. */
function both(key: string, ...args: string[]): string {
  const fill = (text: string) => text.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? '');
  if (!(key in french)) {
    throw new Error(`no French for "${key}"`);
  }
  return `${fill(key)} | FR: ${fill(french[key])}`;
}

export async function panelRows(emulator: PartnerEmulator, logger: PartnerLogger, expect: Expect): Promise<void> {
  const client = (signal: AbortSignal, format: 'json' | 'xml' = 'json'): AnyClient =>
    createClient('mail', {
      baseUrl: emulator.apiUrl('mail'),
      apiKey: emulator.apiKey('mail'),
      format,
      timeoutMs: 5000,
      signal,
      logger,
    });

  // Defect 3: a reading belongs to the account that read it.
  emulator.reset();
  let account = new AbortController();
  const readUnder = account.signal;
  const status = await client(account.signal).getMessageStatus('4242');
  const shownBefore = stillOwned(readUnder, account.signal) ? status.recipients.length : 0;
  account.abort(); // Clear API Key, another key or another API URL
  account = new AbortController();
  const shownAfter = stillOwned(readUnder, account.signal) ? status.recipients.length : 0;
  expect(
    `message panel after the account changed (defect 3): ${shownBefore} rows before`,
    `${shownAfter} rows shown, copied or exported; the panel reads again: ${both('{0} has no API key set.', 'Mail Partner')}`,
    shownBefore > 0 && shownAfter === 0,
  );

  // Defect 9: Export CSV proposes a folder the user can write to, and says when a write fails.
  const name = exportFileName('sms', '4242');
  // Locations as URIs: a remote or virtual folder keeps its scheme; no home is joined onto it.
  const join = (base: string, file: string) => `${base}/${file}`;
  const proposed = [
    exportLocation(name, 'file:///home/ana/projet', 'file:///home/ana', join),
    exportLocation(name, undefined, 'file:///home/ana', join),
    exportLocation(name, 'vscode-vfs://github/ana/projet', undefined, join),
  ];
  const failure = both('Could not export to {0}: {1}', '/readonly/message-sms-4242.csv', 'EACCES: permission denied');
  expect(
    'Export CSV: where the save dialog starts (defect 9)',
    `${proposed.join(' ; ')} (was /${name}); a failed write: ${failure}`,
    proposed[0] === 'file:///home/ana/projet/message-sms-4242.csv' &&
      proposed[1] === 'file:///home/ana/message-sms-4242.csv' &&
      proposed[2] === 'vscode-vfs://github/ana/projet/message-sms-4242.csv',
  );

  // Defect 14: a transfer already sent completes when only the format or timeout changes.
  emulator.reset();
  emulator.latencyMs = 300;
  const lifetime = new AbortController();
  const token = emulator.service('mail').subaccounts[0].token;
  const sending = client(lifetime.signal).addSubaccountCredit(token, '1');
  // The settings change builds a new client on the same account lifetime; nothing is aborted.
  client(lifetime.signal, 'xml');
  let saw: string;
  let ok = false;
  try {
    const result = await sending;
    saw = `completed: main ${result.credit.amount} ${result.credit.currency}, sub-account ${result.subaccountCredit.amount}`;
    ok = emulator.count({ endpoint: '/subaccount/credit/add' }) === 1;
  } catch (error) {
    saw = isPartnerError(error) ? `${error.message}` : String(error);
  }
  emulator.latencyMs = 0;
  expect('credit transfer in flight while responseFormat changes (defect 14)', saw, ok);
}
