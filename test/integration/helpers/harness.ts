import Mocha from 'mocha';
import * as vscode from 'vscode';
import type { ServiceId } from '../../../src/api';
import type { AccountSession } from '../../../src/accounts/accountSession';
import type { PartnerExplorerApi, TestHooks } from '../../../src/testApi';
import type { PanelProtocol, WebviewPanelBase } from '../../../src/panels/webviewPanelBase';
import type { HistorySeries } from '../../../src/webview/creditHistoryProtocol';
import type { StopListNode } from '../../../src/providers/tree/stopListNode';
import type { TreeNode } from '../../../src/providers/tree/treeNode';
import type { Fault } from '../../emulator/partnerEmulator';
import { PartnerEmulator } from '../../emulator/partnerEmulator';
import type { RecipientRecord } from '../../emulator/emulatorData';

export const EXTENSION_ID = 'partner-tools.partner-explorer';

/** The emulator: the launcher's process (over its control API), or one started here. */
export interface EmulatorHandle {
  readonly url: string;
  apiUrl(service: ServiceId): string;
  apiKey(service: ServiceId): string;
  inject(fault: Fault): Promise<void>;
  clearFaults(): Promise<void>;
  latency(ms: number): Promise<void>;
  reset(): Promise<void>;
  requests(): Promise<
    {
      method: string;
      service: ServiceId;
      endpoint: string;
      format: string;
      page?: number;
      aborted?: boolean;
      keyOwner?: string;
      at: number;
    }[]
  >;
  account(service: ServiceId, change: { username?: string; emails?: string[] }): Promise<void>;
  /** Replaces (or creates) a message's recipients; `date` in Unix seconds as text. */
  message(service: ServiceId, messageId: string, rows: EmulatedRecipient[]): Promise<void>;
}

export type EmulatedRecipient = RecipientRecord;

let emulatorHandle: Promise<EmulatorHandle> | undefined;

export function emulator(): Promise<EmulatorHandle> {
  emulatorHandle ??= connect();
  return emulatorHandle;
}

async function connect(): Promise<EmulatorHandle> {
  let base = process.env.PARTNER_EMULATOR_URL;
  if (!base) {
    // No launcher (e.g. `npm run test:electron`): run one in this host, stopped at exit.
    const local = await new PartnerEmulator({ lifetimeMs: 30 * 60_000 }).start();
    base = local.url;
  }
  const control = async (method: string, action: string, body?: unknown) => {
    const res = await fetch(`${base}/__emulator/${action}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) {
      throw new Error(`emulator ${action}: HTTP ${res.status}`);
    }
    return res.json();
  };
  const info = (await control('GET', 'info')) as Record<ServiceId, { apiUrl: string; apiKey: string }>;
  return {
    url: base,
    apiUrl: (s) => info[s].apiUrl,
    apiKey: (s) => info[s].apiKey,
    inject: async (fault) => void (await control('POST', 'faults', fault)),
    clearFaults: async () => void (await control('DELETE', 'faults')),
    latency: async (ms) => void (await control('POST', 'latency', { ms })),
    reset: async () => void (await control('POST', 'reset')),
    requests: async () => (await control('GET', 'requests')) as never,
    account: async (service, change) => void (await control('POST', 'account', { service, ...change })),
    message: async (service, messageId, rows) => void (await control('POST', 'message', { service, messageId, rows })),
  };
}

let activated: PartnerExplorerApi | undefined;

export async function api(): Promise<PartnerExplorerApi> {
  const ext = vscode.extensions.getExtension<PartnerExplorerApi>(EXTENSION_ID);
  if (!ext) {
    throw new Error(`${EXTENSION_ID} is not installed in this host`);
  }
  const exports = await ext.activate();
  await exports.ready;
  activated = exports;
  return exports;
}

/** What the extension made for the tests (Test mode): the panels' recorder and the live-tracking delays. */
export function testHooks(): TestHooks {
  if (!activated?.testing) {
    throw new Error('the extension is not active in Test mode');
  }
  return activated.testing;
}

/** What a panel posted to its webview, oldest first (since it opened or `clearRecord`). */
export function sent<P extends PanelProtocol>(panel: WebviewPanelBase<P>): readonly P['host'][] {
  return testHooks().panels.sent(panel);
}

/** The webview's last report of what it drew. */
export function rendered<P extends PanelProtocol>(panel: WebviewPanelBase<P>): P['report'] | undefined {
  return testHooks().panels.rendered(panel);
}

/** The curves last sent to the open credit-history panel, if it is open. */
export function historySeries(a: PartnerExplorerApi): readonly HistorySeries[] | undefined {
  const view = a.creditHistoryPanel.view;
  const data =
    view &&
    sent(view)
      .filter((m) => m.type === 'data')
      .pop();
  return data?.type === 'data' ? data.series : undefined;
}

/** Forgets what the panel sent and drew so far. */
export function clearRecord<P extends PanelProtocol>(panel: WebviewPanelBase<P>): void {
  testHooks().panels.clear(panel);
}

const config = () => vscode.workspace.getConfiguration('partnerExplorer');

export async function setSetting(key: string, value: unknown): Promise<void> {
  await config().update(key, value, vscode.ConfigurationTarget.Global);
}

/**
 * Changes a setting the clients are built from (the timeout, say) and waits for the
 * reading of `service`'s account that the new client makes at once: a fault injected
 * after this meets the test's own request, not that reading.
 */
export async function setClientSetting(
  a: PartnerExplorerApi,
  service: ServiceId,
  key: string,
  value: unknown,
): Promise<void> {
  const session = sessionOf(a, service);
  const readAt = (): number => (session.state.kind === 'ready' ? session.state.updatedAt.getTime() : 0);
  const before = readAt();
  await setSetting(key, value);
  await waitFor(() => readAt() > before, `${service} read again after ${key} changed`);
}

/** Points both services at the emulator, in the given format, with no keys set. */
export async function resetAll(
  format: 'json' | 'xml' = 'json',
): Promise<{ api: PartnerExplorerApi; emu: EmulatorHandle }> {
  const emu = await emulator();
  const a = await api();
  await emu.reset();
  await setSetting('sms.apiUrl', emu.apiUrl('sms'));
  await setSetting('mail.apiUrl', emu.apiUrl('mail'));
  await setSetting('responseFormat', format);
  await setSetting('requestTimeout', 10);
  await setSetting('statusBar.refreshInterval', 5);
  await setSetting('lowCreditThreshold.sms', 100);
  await setSetting('lowCreditThreshold.mail', 100);
  await setSetting('statusBar.enabled', true);
  await removeAccounts(a);
  await waitFor(() => !a.sessions.all.some((s) => s.hasKey), 'accounts removed');
  await emu.reset();
  return { api: a, emu };
}

/** Forgets every stored account (of one service, or all), as Remove Account does, without asking. */
export async function removeAccounts(a: PartnerExplorerApi, service?: ServiceId): Promise<void> {
  for (const account of a.store.accounts) {
    if (!service || account.service === service) {
      await a.store.remove(account.id);
    }
  }
  await a.sessions.sync();
}

/** The session of a service's pinned account (the one the status bar shows). */
export function sessionOf(a: PartnerExplorerApi, service: ServiceId): AccountSession {
  const session = a.sessions.pinned(service);
  if (!session) {
    throw new Error(`no ${service} account`);
  }
  return session;
}

/** Whether a service has an account with a key. */
export function hasKey(a: PartnerExplorerApi, service: ServiceId): boolean {
  return a.sessions.forService(service).some((s) => s.hasKey);
}

/** The key of a service's pinned account, if any (for tests that check it was not touched). */
export async function keyOf(a: PartnerExplorerApi, service: ServiceId): Promise<{ key: string } | undefined> {
  await a.store.load();
  const pinned = a.store.pinned(service);
  const key = pinned && a.store.key(pinned.id);
  return key ? { key } : undefined;
}

/** Gives a service's pinned account another key, as Replace API Key does, without checking it. */
export async function replaceKey(a: PartnerExplorerApi, service: ServiceId, key: string): Promise<void> {
  await a.store.replaceKey(sessionOf(a, service).id, key);
  await a.sessions.sync();
}

/** Sets both keys through the real command (which checks them with GET /me). */
export async function setKeys(
  a: PartnerExplorerApi,
  emu: EmulatorHandle,
  services: ServiceId[] = ['sms', 'mail'],
): Promise<void> {
  for (const s of services) {
    const ok = await vscode.commands.executeCommand<boolean>('partnerExplorer.setApiKey', s, emu.apiKey(s));
    if (!ok) {
      throw new Error(`setting the ${s} key failed`);
    }
  }
  await waitFor(() => services.every((s) => hasKey(a, s)), 'keys set');
}

/**
 * Setting a key starts the account's first reading in the background (status bar):
 * tests that count requests from a clean log wait for it to land first.
 */
export async function accountsRead(a: PartnerExplorerApi): Promise<void> {
  await waitFor(() => a.sessions.all.every((s) => !s.hasKey || s.state.kind === 'ready'), 'every account read');
}

/**
 * A fresh extension with the SMS key set, its account and first sub-account page shown in the
 * tree and its credits read, then the emulator's log cleared: what action tests start from.
 */
export async function smsAccountShown(): Promise<{ api: PartnerExplorerApi; emu: EmulatorHandle }> {
  const { api, emu } = await resetAll();
  await setKeys(api, emu, ['sms']);
  const sms = api.tree.root('sms');
  await settledChildren(api, sms);
  await settledChildren(api, sms.subaccounts);
  await waitFor(() => sessionOf(api, 'sms').state.kind === 'ready' || undefined, 'credits read');
  await emu.reset();
  return { api, emu };
}

export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) {
        return value;
      }
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Both keys set, both trees loaded, then one full refresh with the status bar
 * polling at the same moment (and once more after): the requests that made.
 */
export async function requestsOfOneFullRefresh(
  a: PartnerExplorerApi,
  emu: EmulatorHandle,
): ReturnType<EmulatorHandle['requests']> {
  await setKeys(a, emu);
  await settledChildren(a, a.tree.root('sms'));
  await settledChildren(a, a.tree.root('mail'));
  await emu.reset();
  await Promise.all([vscode.commands.executeCommand('partnerExplorer.refresh'), a.statusBar.poll()]);
  await a.statusBar.poll();
  return emu.requests();
}

/** A rendered node: what VS Code shows for it. */
export interface Shown {
  readonly node: TreeNode;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly contextValue?: string;
  readonly command?: vscode.Command;
  readonly id?: string;
}

export function show(node: TreeNode): Shown {
  const item = node.getTreeItem();
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  // appendText escapes spaces as &nbsp;: compare what a reader sees.
  const tooltip = (item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : (item.tooltip ?? ''))
    .replace(/&nbsp;/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
  return {
    node,
    label,
    description: String(item.description ?? ''),
    tooltip,
    contextValue: item.contextValue,
    command: item.command,
    id: item.id,
  };
}

export async function children(a: PartnerExplorerApi, node?: TreeNode): Promise<Shown[]> {
  return (await a.tree.getChildren(node)).map(show);
}

/** Waits until a node's children settle to something that is not a loading placeholder. */
/** The SMS account's STOP list node, once the account's children are shown. */
export async function stopNode(a: PartnerExplorerApi): Promise<StopListNode> {
  const account = a.tree.root('sms');
  await settledChildren(a, account);
  return account.stopList!;
}

export async function settledChildren(a: PartnerExplorerApi, node: TreeNode, what = 'children'): Promise<Shown[]> {
  return waitFor(async () => {
    const c = await children(a, node);
    return c.some((n) => n.contextValue === 'placeholder.loading') ? undefined : c;
  }, what);
}

/** Unhandled rejections seen in this extension host while the suite runs. */
export const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));

/** A line in the test report (the host's console does not reach the terminal). */
export function note(text: string): void {
  (Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog(`      ${text}`);
}

/** The extension's log files on disk (the channel's file lives near the extension's log folder). */
export async function findLogFiles(logUri: vscode.Uri): Promise<vscode.Uri[]> {
  // The channel's file lives in the window's exthost log folder, near the extension's own log folder.
  const roots = [logUri, vscode.Uri.joinPath(logUri, '..'), vscode.Uri.joinPath(logUri, '..', '..')];
  const found: vscode.Uri[] = [];
  const walk = async (dir: vscode.Uri, depth: number): Promise<void> => {
    let entries: [string, vscode.FileType][] = [];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      return;
    }
    for (const [name, type] of entries) {
      const uri = vscode.Uri.joinPath(dir, name);
      if (type === vscode.FileType.Directory && depth > 0) {
        await walk(uri, depth - 1);
      } else if (name.endsWith('Partner Explorer.log') && !found.some((f) => f.toString() === uri.toString())) {
        found.push(uri);
      }
    }
  };
  for (const r of roots) {
    await walk(r, 3);
  }
  return found;
}
