import { describe, expect, it } from 'vitest';
import { ContiguousBatches } from './contiguous-batches';

describe('ContiguousBatches', () => {
  it('moves only past batches whose predecessors are all done', () => {
    const tracker = new ContiguousBatches<string>();
    expect(tracker.complete(1, 'b')).toEqual([]);
    expect(tracker.complete(2, 'c')).toEqual([]);
    expect(tracker.complete(0, 'a')).toEqual(['a', 'b', 'c']);
    expect(tracker.complete(4, 'e')).toEqual([]);
    expect(tracker.complete(3, 'd')).toEqual(['d', 'e']);
  });
});
