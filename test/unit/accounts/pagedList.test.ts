import * as assert from 'node:assert/strict';
import { PartnerError, type StopPage, type Subaccount, type SubaccountPage } from '../../../src/api';
import { StopList } from '../../../src/accounts/stopList';
import { SubaccountList } from '../../../src/accounts/subaccountList';

/** A page source whose answers the test releases one by one, in any order. */
class Gate<P> {
  readonly asked: number[] = [];
  private readonly waiting: { page: number; resolve: (p: P) => void; reject: (e: unknown) => void }[] = [];
  canLoad = true;

  read(page: number): Promise<P> {
    this.asked.push(page);
    return new Promise<P>((resolve, reject) => this.waiting.push({ page, resolve, reject }));
  }

  /** Answers the oldest pending request for `page`. */
  answer(page: number, result: P): Promise<void> {
    this.take(page).resolve(result);
    return settle();
  }

  fail(page: number, error: unknown): Promise<void> {
    this.take(page).reject(error);
    return settle();
  }

  get pending(): number[] {
    return this.waiting.map((w) => w.page);
  }

  private take(page: number): { resolve: (p: P) => void; reject: (e: unknown) => void } {
    const i = this.waiting.findIndex((w) => w.page === page);
    assert.ok(i >= 0, `page ${page} was asked for`);
    return this.waiting.splice(i, 1)[0];
  }
}

/** Lets the list's promise chains run. */
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

const stops = (page: number, ids: number[]): StopPage => ({
  page,
  items: ids.map((id) => ({ id, phoneNumber: `+336000000${String(id).padStart(2, '0')}` })),
});

const sub = (id: number): Subaccount => ({
  id,
  email: `s${id}@client.example`,
  token: `tok${id}`,
  balance: { amount: '1.5', value: 1.5, currency: 'EUR' },
});
const subs = (page: number, ids: number[], total = 5): SubaccountPage => ({
  page,
  perPage: 2,
  total,
  items: ids.map(sub),
});

function stopList(): { gate: Gate<StopPage>; list: StopList } {
  const gate = new Gate<StopPage>();
  const list = new StopList({
    get canLoad() {
      return gate.canLoad;
    },
    listStopNumbers: (page) => gate.read(page),
  });
  return { gate, list };
}

function subaccountList(): { gate: Gate<SubaccountPage>; list: SubaccountList } {
  const gate = new Gate<SubaccountPage>();
  const list = new SubaccountList({
    get canLoad() {
      return gate.canLoad;
    },
    listSubaccounts: (page) => gate.read(page),
    seen: () => undefined,
  });
  return { gate, list };
}

const ids = (list: { items: readonly { id: number }[] }): number[] => list.items.map((i) => i.id);

describe('PagedList (under StopList and SubaccountList)', () => {
  it('callers during a load share the one request in flight', async () => {
    const { gate, list } = stopList();
    const first = list.loadMore();
    const second = list.loadMore();
    const third = list.ensureLoaded();
    assert.equal(list.loading, true);
    assert.deepEqual(gate.asked, [1]);
    await gate.answer(1, stops(1, [1, 2]));
    await Promise.all([first, second, third]);
    assert.deepEqual(ids(list), [1, 2]);
    assert.equal(list.pagesLoaded, 1);
    assert.equal(list.loading, false);
    assert.deepEqual(gate.asked, [1]);
  });

  it('an answer made stale by a reset is dropped, and its failure shows no error', async () => {
    const { gate, list } = stopList();
    void list.loadMore();
    list.reset();
    assert.equal(list.loading, false);
    await gate.answer(1, stops(1, [1, 2]));
    assert.deepEqual(ids(list), []);
    assert.equal(list.pagesLoaded, 0);

    void list.loadMore();
    list.reset();
    await gate.fail(1, new Error('late failure'));
    assert.equal(list.error, undefined);
    assert.equal(list.loading, false);
  });

  it('a reload during a load wins: the older page that answers last is dropped', async () => {
    const { gate, list } = subaccountList();
    void list.loadMore();
    await gate.answer(1, subs(1, [1, 2]));
    void list.loadMore();
    assert.deepEqual(gate.pending, [2]);
    const reloaded = list.reload();
    assert.deepEqual(gate.pending, [2, 1]);
    await gate.answer(1, subs(1, [1, 2]));
    await reloaded;
    await gate.answer(2, subs(2, [3, 4]));
    assert.deepEqual(ids(list), [1, 2], 'page 2 was asked before the reload: not kept');
    assert.equal(list.pagesLoaded, 1);
    assert.equal(list.loading, false);
    void list.loadMore();
    assert.deepEqual(gate.pending, [2], 'the next page is asked again');
  });

  it('an error is kept and shown; retry asks again for the page that failed, only that', async () => {
    const { gate, list } = stopList();
    void list.loadMore();
    await gate.answer(1, stops(1, [1, 2]));
    void list.loadMore();
    await gate.fail(2, new Error('HTTP 500'));
    assert.equal((list.error as Error).message, 'HTTP 500');
    assert.equal(list.loading, false);
    assert.deepEqual(ids(list), [1, 2], 'what was read stays');
    const retried = list.retry();
    assert.equal(list.error, undefined, 'the error clears as the retry starts');
    await gate.answer(2, stops(2, [3, 4]));
    await retried;
    assert.deepEqual(gate.asked, [1, 2, 2]);
    assert.deepEqual(ids(list), [1, 2, 3, 4]);
  });

  it('retry after a failed reload reads the loaded pages again, not the next one', async () => {
    const { gate, list } = subaccountList();
    void list.loadMore();
    await gate.answer(1, subs(1, [1, 2]));
    void list.reload();
    await gate.fail(1, new Error('HTTP 502'));
    assert.equal((list.error as Error).message, 'HTTP 502');
    void list.retry();
    assert.deepEqual(gate.pending, [1]);
    await gate.answer(1, subs(1, [1, 2]));
    assert.equal(list.error, undefined);
    assert.deepEqual(ids(list), [1, 2]);
    assert.equal(list.complete, false);
  });

  it('a short page completes the list; load more then asks nothing', async () => {
    const { gate, list } = stopList();
    void list.loadMore();
    await gate.answer(1, stops(1, [1, 2]));
    void list.loadMore();
    await gate.answer(2, stops(2, [3]));
    assert.equal(list.complete, true);
    await list.loadMore();
    await list.loadAll();
    assert.deepEqual(gate.asked, [1, 2]);

    const sl = subaccountList();
    void sl.list.loadMore();
    await sl.gate.answer(1, subs(1, [1, 2], 2));
    assert.equal(sl.list.complete, true, 'the total is reached');
  });

  it('a cancellation it did not ask for shows no error; the sub-account list reads again quietly', async () => {
    const cancelled = (): PartnerError => new PartnerError({ kind: 'cancelled', service: 'sms', host: '127.0.0.1' });
    const { gate, list } = stopList();
    void list.loadMore();
    await gate.fail(1, cancelled());
    assert.equal(list.error, undefined);
    assert.equal(list.loading, false);

    const sl = subaccountList();
    void sl.list.loadMore();
    await sl.gate.fail(1, cancelled());
    assert.equal(sl.list.error, undefined);
    assert.deepEqual(sl.gate.pending, [1], 'read again');
    await sl.gate.answer(1, subs(1, [1, 2]));
    assert.deepEqual(ids(sl.list), [1, 2]);

    // With no client left to read again, the sub-account list keeps the cancellation as its error.
    const gone = subaccountList();
    void gone.list.loadMore();
    gone.gate.canLoad = false;
    await gone.gate.fail(1, cancelled());
    assert.equal((gone.list.error as PartnerError).kind, 'cancelled');
    assert.deepEqual(gone.gate.asked, [1]);
  });

  it('tells its listeners when a load starts and ends, until they unsubscribe; reads nothing without a client', async () => {
    const { gate, list } = stopList();
    const seen: string[] = [];
    const subscription = list.onDidChange(() => seen.push(list.loading ? 'loading' : `${list.items.length} items`));
    void list.loadMore();
    await gate.answer(1, stops(1, [1, 2]));
    assert.deepEqual(seen, ['loading', '2 items']);
    subscription.dispose();
    void list.loadMore();
    await gate.answer(2, stops(2, [3, 4]));
    assert.equal(seen.length, 2);

    gate.canLoad = false;
    await list.loadMore();
    await list.reload();
    assert.deepEqual(gate.asked, [1, 2]);
  });
});
