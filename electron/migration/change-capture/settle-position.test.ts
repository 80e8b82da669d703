import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OplogChange } from '../../adapters/mongodb/oplog';
import { settle } from './follow-changes';

const change = (atMs: number, i: number): OplogChange => ({ position: { t: Math.floor(atMs / 1000), i }, op: 'u', collection: 'alerts', id: i, at: atMs });

describe('the saved oplog position trails the writes by SETTLE_SECONDS of wall time before the read', () => {
  afterEach(() => vi.useRealTimers());

  it('does not pass a change written 1.1 s before the read began, even when the apply ended later and its second is 2 s old', () => {
    const readAt = 10_001_000;
    // After a slow apply; the old code measured from here, in the Timestamp's whole seconds.
    vi.useFakeTimers({ now: readAt + 1_000 });
    const recent = change(9_999_900, 7);
    expect(settle([recent], { t: 0, i: 0 }, false, readAt)).toEqual({ t: 0, i: 0 });
  });

  it('passes changes written at least 2 s before the read began, up to the newest of them', () => {
    const readAt = 10_001_000;
    const changes = [change(9_990_000, 1), change(9_998_999, 2), change(9_999_500, 3)];
    expect(settle(changes, { t: 0, i: 0 }, false, readAt)).toEqual({ t: 9998, i: 2 });
  });

  it('on a full read, trails the last change read instead of the clock', () => {
    const changes = [change(5_000_000, 1), change(5_001_000, 2), change(5_003_500, 3)];
    expect(settle(changes, { t: 0, i: 0 }, true, 9_000_000)).toEqual({ t: 5001, i: 2 });
  });
});
