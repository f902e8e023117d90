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
  it('the keyring refusing one of two old keys during the move loses neither account', async () => {
    const keyring = new FlakyKeyring();
    keyring.values.set('partnerExplorer.apiKey.sms', 'legacy-sms-key-123456');
    keyring.values.set('partnerExplorer.apiKey.mail', 'legacy-mail-key-654321');
    keyring.refuseStore = (n) => n === 2; // The first key moves, the second does not.
    const state = new MemoryMemento();
    const first = new AccountStore(keyring, state, {});
    await first.load();
    assert.deepEqual(
      first.accounts.map((a) => [a.service, a.source, first.key(a.id)]),
      [
        ['sms', 'secretStorage', 'legacy-sms-key-123456'],
        ['mail', 'session', 'legacy-mail-key-654321'],
      ],
      'both usable in this session',
    );
    first.dispose();

    // The next start, the keyring working again.
    keyring.refuseStore = () => false;
    const next = new AccountStore(keyring, state, {});
    await next.load();
    assert.deepEqual(
      next.accounts.map((a) => [a.service, a.source, next.key(a.id)]),
      [
        ['sms', 'secretStorage', 'legacy-sms-key-123456'],
        ['mail', 'secretStorage', 'legacy-mail-key-654321'],
      ],
    );
    assert.deepEqual(
      [...keyring.values.keys()].sort(),
      next.accounts.map((a) => `partnerExplorer.account.${a.id}.apiKey`).sort(),
      'each key once, under its account; the old ones gone',
    );
    next.dispose();
    keyring.dispose();
  });

  it('a list saved while a key is still unmoved keeps the moved account, and the old key goes only then', async () => {
    const keyring = new FlakyKeyring();
    keyring.values.set('partnerExplorer.apiKey.sms', 'legacy-sms-key-123456');
    keyring.values.set('partnerExplorer.apiKey.mail', 'legacy-mail-key-654321');
    keyring.refuseStore = (n) => n === 2;
    const state = new MemoryMemento();
    const first = new AccountStore(keyring, state, {});
    await first.load();
    assert.equal(keyring.values.get('partnerExplorer.apiKey.sms'), 'legacy-sms-key-123456', 'nothing saved yet');
    // Something saves the list this session (a rename), the keyring still refusing the mail key.
    await first.rename(first.forService('sms')[0].id, 'Agence');
    assert.equal(keyring.values.has('partnerExplorer.apiKey.sms'), false, 'moved, listed, then deleted');
    assert.equal(keyring.values.get('partnerExplorer.apiKey.mail'), 'legacy-mail-key-654321', 'kept to move again');
    first.dispose();

    keyring.refuseStore = () => false;
    const next = new AccountStore(keyring, state, {});
    await next.load();
    assert.deepEqual(
      next.accounts.map((a) => [a.service, a.label, next.key(a.id)]),
      [
        ['sms', 'Agence', 'legacy-sms-key-123456'],
        ['mail', undefined, 'legacy-mail-key-654321'],
      ],
    );
    assert.equal(keyring.values.has('partnerExplorer.apiKey.mail'), false);
    next.dispose();
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
