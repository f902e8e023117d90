import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MemoryMemento } from '../../helpers/memoryMemento';
import { RecentMessages } from '../../../src/accounts/recentMessages';
import { AccountSessions } from '../../../src/accounts/accountSessions';
import { AccountStore } from '../../../src/accounts/accountStore';
import { PartnerLog } from '../../../src/log/partnerLog';
import { MessageStatusPanels } from '../../../src/panels/messageStatus/messageStatusPanels';
import { StatusBarCredits, type WindowFocus } from '../../../src/providers/statusBar/statusBarCredits';
import { AccountsTreeProvider } from '../../../src/providers/tree/accountsTreeProvider';
import { readSettings, type PartnerSettings } from '../../../src/settings/partnerSettings';
import { api, resetAll, waitFor, type EmulatorHandle } from '../helpers/harness';

/** A SecretStorage kept in memory: these tests build the extension's parts themselves. */
class MemorySecrets implements vscode.SecretStorage {
  private readonly values = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  readonly onDidChange = this.emitter.event;
  async get(key: string) {
    return this.values.get(key);
  }
  async store(key: string, value: string) {
    this.values.set(key, value);
    this.emitter.fire({ key });
  }
  async delete(key: string) {
    this.values.delete(key);
    this.emitter.fire({ key });
  }
}

class TestFocus implements WindowFocus {
  focused = true;
  private readonly emitter = new vscode.EventEmitter<boolean>();
  readonly onDidChangeFocus = this.emitter.event;
  set(focused: boolean) {
    this.focused = focused;
    this.emitter.fire(focused);
  }
}

/** The same parts activate() wires, built here so they can be created and disposed many times. */
async function buildParts(emu: EmulatorHandle, settings: PartnerSettings, focus?: WindowFocus) {
  const channel = vscode.window.createOutputChannel('Partner Explorer (lifecycle test)', { log: true });
  const memento = new MemoryMemento();
  const keys = new AccountStore(new MemorySecrets(), memento, {});
  const log = new PartnerLog(channel, () => keys.knownKeys());
  const run = <T>(task: () => Promise<T>) => task();
  const sessions = new AccountSessions(keys, settings, log, run);
  await keys.add('sms', emu.apiKey('sms'));
  await keys.add('mail', emu.apiKey('mail'));
  await sessions.sync();
  const tree = new AccountsTreeProvider(sessions);
  const statusBar = new StatusBarCredits(sessions, settings, () => undefined, focus);
  const extensionUri = (await api()).storage
    ? vscode.extensions.getExtension('partner-tools.partner-explorer')!.extensionUri
    : vscode.Uri.file('/');
  const panels = new MessageStatusPanels(sessions, new RecentMessages(memento), {
    extensionUri,
    liveTracking: () => true,
  });
  const disposables: vscode.Disposable[] = [channel, keys, sessions, tree, statusBar, panels];
  return { sessions, tree, statusBar, panels, dispose: () => disposables.reverse().forEach((d) => d.dispose()) };
}

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('Lifecycle', () => {
  it('creating and disposing the extension parts 20 times cancels requests in flight and leaves no timer running', async () => {
    const { emu } = await resetAll();
    const settings = readSettings();
    await emu.inject({ type: 'hang', times: 0 });
    await new Promise((r) => setTimeout(r, 200));
    const before = timers();
    for (let i = 0; i < 20; i++) {
      const parts = await buildParts(emu, settings);
      void parts.tree.refresh();
      void parts.statusBar.poll();
      await new Promise((r) => setTimeout(r, 20));
      parts.dispose();
    }
    await waitFor(
      async () => {
        const requests = await emu.requests();
        return requests.length > 0 && requests.every((r) => r.aborted) ? requests : undefined;
      },
      'every hung request cancelled',
      5000,
    );
    await new Promise((r) => setTimeout(r, 1500));
    // A leak would leave one or more timers per cycle (20+); VS Code's own
    // debounces may hold one or two for a moment.
    const after = timers();
    assert.ok(after - before <= 2, `timers before ${before}, after 20 cycles ${after}`);
    await emu.clearFaults();
  });

  it('status-bar polling runs only while the window is focused, and catches up once when focus returns', async function () {
    this.timeout(30_000);
    const { emu } = await resetAll();
    const settings: PartnerSettings = { ...readSettings(), refreshIntervalMin: 0.02 }; // every 1.2 s
    const focus = new TestFocus();
    const parts = await buildParts(emu, settings, focus);
    try {
      await waitFor(
        () => parts.sessions.all.length === 2 && parts.sessions.all.every((s) => s.state.kind === 'ready'),
        'first reading',
      );
      const count = async () =>
        (await emu.requests()).filter((r) => r.endpoint === '/me' && r.service === 'sms').length;
      let start = await count();
      await new Promise((r) => setTimeout(r, 3700));
      const focusedPolls = (await count()) - start;
      assert.ok(focusedPolls >= 2 && focusedPolls <= 4, `focused: ${focusedPolls} polls in 3.7 s`);
      focus.set(false);
      await new Promise((r) => setTimeout(r, 300));
      start = await count();
      await new Promise((r) => setTimeout(r, 4000));
      assert.equal((await count()) - start, 0, 'no request while unfocused');
      focus.set(true);
      await waitFor(async () => (await count()) > start, 'a refresh after focus returns', 5000);
    } finally {
      parts.dispose();
    }
  });
});
