import * as assert from 'node:assert/strict';
import {
  accountRef,
  addPoint,
  CreditHistory,
  creditTrend,
  MAX_POINTS,
  MIN_SPACING_MS,
  thresholdEta,
  type CreditPoint,
} from '../../../src/accounts/creditHistory';
import { MemoryMemento } from '../../helpers/memoryMemento';

const DAY = 86_400_000;

describe('credit history', () => {
  it('keeps readings in order, skips repeats, keeps a change as a step, and stays bounded', () => {
    let points: CreditPoint[] = [];
    points = addPoint(points, { t: 0, count: 1000, balance: 10 });
    points = addPoint(points, { t: 60_000, count: 1000, balance: 10 });
    assert.equal(points.length, 1, 'the same values a minute later add nothing');
    points = addPoint(points, { t: 120_000, count: 990, balance: 9.9 });
    assert.equal(points.length, 2, 'a change is kept');
    points = addPoint(points, { t: 180_000, count: 980, balance: 9.8 });
    assert.deepEqual(
      points.map((p) => p.count),
      [1000, 980],
      'close readings replace each other',
    );
    for (let i = 1; i <= MAX_POINTS + 10; i++) {
      points = addPoint(points, { t: 180_000 + i * MIN_SPACING_MS, count: 980 - i, balance: 1 });
    }
    assert.equal(points.length, MAX_POINTS);
    assert.equal(points[points.length - 1].count, 980 - MAX_POINTS - 10, 'the newest are kept');
  });

  it('computes the burn rate from falls only and the date the threshold will be crossed', () => {
    const now = 10 * DAY;
    const points: CreditPoint[] = [
      { t: now - 4 * DAY, count: 1000, balance: 0 },
      { t: now - 3 * DAY, count: 900, balance: 0 },
      { t: now - 2 * DAY, count: 1400, balance: 0 }, // a top-up of 500
      { t: now, count: 1200, balance: 0 },
    ];
    const trend = creditTrend(points, now);
    assert.ok(trend);
    assert.equal(trend.change, 200);
    assert.equal(trend.perDay, 300 / 4);
    const eta = thresholdEta(1200, 100, trend, now);
    assert.equal(eta?.getTime(), now + (1100 / 75) * DAY);
    assert.equal(thresholdEta(50, 100, trend, now), undefined, 'already below');
    assert.equal(creditTrend(points.slice(-1), now), undefined, 'one reading is no trend');
    assert.equal(
      creditTrend(
        [
          { t: now - 60_000, count: 5, balance: 0 },
          { t: now, count: 4, balance: 0 },
        ],
        now,
      ),
      undefined,
      'a minute is no trend',
    );
    assert.equal(
      thresholdEta(1200, 100, { change: 5, perDay: 0, spanMs: DAY }, now),
      undefined,
      'nothing used, no date',
    );
  });
});

describe('credit history per account', () => {
  const a = accountRef('sms', 'agence.durand@exemple.fr');
  const b = accountRef('sms', 'chloe.2@client-sms.example');

  it('names an account by a hash of service and username: stable, case-blind, never the e-mail', () => {
    assert.match(a.id, /^[0-9a-f]{64}$/);
    assert.deepEqual(accountRef('sms', ' Agence.Durand@exemple.fr '), a);
    assert.notEqual(
      accountRef('mail', 'agence.durand@exemple.fr').id,
      a.id,
      'the same login on the other service is another account',
    );
    assert.notEqual(b.id, a.id);
  });

  it("keeps each account's readings apart and forgets one account only", async () => {
    const memento = new MemoryMemento();
    const history = new CreditHistory(memento);
    await history.record(a, 1000, 10, 0);
    await history.record(a, 900, 9, DAY);
    await history.record(b, 351, 15.838, 2 * DAY);
    assert.deepEqual(
      history.points(a).map((p) => p.count),
      [1000, 900],
    );
    assert.deepEqual(
      history.points(b).map((p) => p.count),
      [351],
    );
    assert.ok(!memento.dump().includes('agence') && !memento.dump().includes('chloe'), 'no username in the state');
    await history.forget(a);
    assert.deepEqual(history.points(a), []);
    assert.deepEqual(
      history.points(b).map((p) => p.count),
      [351],
    );
    assert.ok(!memento.dump().includes('1000'));
  });
});
