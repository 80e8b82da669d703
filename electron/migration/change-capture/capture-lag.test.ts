import { describe, expect, it } from 'vitest';
import type { OplogChange } from '../../adapters/mongodb/oplog';
import { LagTracker } from './capture-lag';

const change = (collection: string, at: number, i: number): OplogChange => ({ position: { t: Math.floor(at / 1000), i }, op: 'i', collection, id: i, at });

describe('lag while one batch applies and the next is read', () => {
  it('counts both batches as pending until each is applied, the oldest change setting the seconds behind', () => {
    const lag = new LagTracker(['alerts', 'incidents'], 3);
    const first = [change('alerts', 1_000, 1), change('incidents', 2_000, 2)];
    const second = [change('alerts', 4_000, 3)];
    lag.read(first, false);
    lag.read(second, false);
    expect(lag.status(5_000)).toMatchObject({ pending: 3, secondsBehind: 4, applied: 0, inSync: false });
    lag.done(first);
    expect(lag.status(5_000)).toMatchObject({ pending: 1, secondsBehind: 1, applied: 2, inSync: true });
    expect(lag.status(5_000).collections).toEqual([
      { collection: 'alerts', pending: 1, secondsBehind: 1, applied: 1 },
      { collection: 'incidents', pending: 0, secondsBehind: 0, applied: 1 },
    ]);
    lag.done(second);
    expect(lag.status(5_000)).toMatchObject({ pending: 0, secondsBehind: 0, applied: 3, inSync: true });
  });

  it('is not in sync while a read fills its limit, whatever the lag', () => {
    const lag = new LagTracker(['alerts']);
    lag.read([], true);
    expect(lag.status().inSync).toBe(false);
  });
});
