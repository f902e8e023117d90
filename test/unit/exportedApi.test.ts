import * as assert from 'node:assert/strict';
import { exportedApi } from '../../src/exportedApi';

describe('what other extensions can read from activate()', () => {
  // A stand-in with the shape of the live parts: a key store and a session holding a key.
  const live = {
    keys: { get: async () => ({ key: 'sms-demo-key-6f1c2a9e4b7d' }) },
    sessions: { sms: { apiKey: 'sms-demo-key-6f1c2a9e4b7d' } },
  };

  it('nothing in Production or Development mode', () => {
    for (const mode of [1, 2]) {
      const exported = exportedApi(mode, live);
      assert.equal(exported, undefined, `mode ${mode}`);
      assert.ok(!JSON.stringify(exported ?? null).includes('demo-key'));
    }
  });

  it('the live parts in Test mode only, for the integration tests and the benchmark', () => {
    assert.equal(exportedApi(3, live), live);
  });
});
