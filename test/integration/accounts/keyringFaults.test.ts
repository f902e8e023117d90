import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AccountSessions } from '../../../src/accounts/accountSessions';
import { AccountStore } from '../../../src/accounts/accountStore';
import { CreditHistory } from '../../../src/accounts/creditHistory';
import { RecentMessages } from '../../../src/accounts/recentMessages';
import { removeAccount } from '../../../src/commands/apiKeyCommands';
import { PartnerLog } from '../../../src/log/partnerLog';
import { readSettings } from '../../../src/settings/partnerSettings';
import { MemoryMemento } from '../../helpers/memoryMemento';
import { watchNotifications } from '../helpers/notifications';

const LOCKED = 'Cannot create an item in a locked collection';

/**
 * A keyring kept in memory whose operations can be refused: the store takes any SecretStorage,
 * so the fault comes from outside, as a locked OS keyring's would.
 */
class FlakyKeyring implements vscode.SecretStorage {
  readonly values = new Map<string, string>();
  /** Refuses a store when this says so (given the store's number, from 1). */
  refuseStore: (n: number) => boolean = () => false;
  refuseDelete = false;
  private stores = 0;
  private readonly emitter = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  readonly onDidChange = this.emitter.event;
  async get(key: string) {
    return this.values.get(key);
  }
  async store(key: string, value: string) {
    if (this.refuseStore(++this.stores)) {
      throw new Error(LOCKED);
    }
    this.values.set(key, value);
    this.emitter.fire({ key });
  }
  async delete(key: string) {
    if (this.refuseDelete) {
      throw new Error(LOCKED);
    }
    this.values.delete(key);
    this.emitter.fire({ key });
  }
  dispose() {
    this.emitter.dispose();
  }
}

describe('Key store faults: no key lost, no key left behind unsaid', () => {
  it('only the accounts in the saved list are read: any other secret is neither an account nor touched', async () => {
    const keyring = new FlakyKeyring();
    // One key per service with no account list: a layout no released version wrote.
    keyring.values.set('partnerExplorer.apiKey.sms', 'stray-sms-key-123456');
    const state = new MemoryMemento();
    const store = new AccountStore(keyring, state, {});
    await store.load();
    assert.deepEqual(store.accounts, []);
    assert.deepEqual([...keyring.values], [['partnerExplorer.apiKey.sms', 'stray-sms-key-123456']]);
    assert.deepEqual(state.keys(), [], 'nothing written');
    store.dispose();
    keyring.dispose();
  });

  it('a removal the keyring refuses to delete says the key is still stored, and deletes it at the next start', async () => {
    const keyring = new FlakyKeyring();
    const state = new MemoryMemento();
    const store = new AccountStore(keyring, state, {});
    await store.load();
    const { account } = await store.add('sms', 'sms-key-to-remove-123456');
    const secret = `partnerExplorer.account.${account.id}.apiKey`;
    const settings = readSettings();
    const channel = vscode.window.createOutputChannel('Partner Explorer (keyring test)', { log: true });
    const log = new PartnerLog(channel, () => store.knownKeys());
    const sessions = new AccountSessions(store, settings, log, (task) => task());
    await sessions.sync();
    const notifications = watchNotifications();
    try {
      keyring.refuseDelete = true;
      const deps = {
        store,
        sessions,
        log,
        settings: () => settings,
        history: new CreditHistory(state),
        recent: new RecentMessages(state),
        confirm: async () => undefined,
      };
      const name = sessions.get(account.id)?.name;
      assert.ok(name);
      assert.equal(await removeAccount(deps, account.id, false), true);
      assert.deepEqual(store.accounts, [], 'the account is gone from the list');
      assert.equal(keyring.values.get(secret), 'sms-key-to-remove-123456', 'the keyring kept the key');
      const said = notifications.shown.map((n) => [n.level, n.message]);
      assert.deepEqual(said, [
        [
          'warning',
          `${name} removed, but the system keyring refused to delete its API key: it is still stored there. ` +
            "Partner Explorer will delete it at the next start; to revoke the key now, regenerate it in the provider's dashboard.",
        ],
      ]);
    } finally {
      notifications.dispose();
      sessions.dispose();
      store.dispose();
      channel.dispose();
    }

    // The next start, the keyring working again.
    keyring.refuseDelete = false;
    const next = new AccountStore(keyring, state, {});
    await next.load();
    assert.equal(keyring.values.has(secret), false, 'deleted at the next start');
    assert.deepEqual(next.accounts, []);
    next.dispose();
    keyring.dispose();
  });
});
