import * as assert from 'node:assert/strict';
import { mapLimit } from '../../../src/accounts/boundedParallel';

describe('mapLimit', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit(25, 6, async (i) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 1 + (i % 3)));
      running--;
      return i * 2;
    });
    assert.deepEqual(
      out,
      Array.from({ length: 25 }, (_, i) => i * 2),
    );
    assert.equal(peak, 6);
  });

  it('handles zero tasks and rejects when a task fails', async () => {
    assert.deepEqual(await mapLimit(0, 6, async () => 1), []);
    await assert.rejects(
      mapLimit(3, 2, async (i) => (i === 1 ? Promise.reject(new Error('boom')) : i)),
      /boom/,
    );
  });
});
