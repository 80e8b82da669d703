import { describe, expect, it } from 'vitest';
import { BatchBuilder } from './batch-items';

describe('BatchBuilder', () => {
  it('cuts batches of 25 and carries the last _id each accounts for', () => {
    const builder = new BatchBuilder();
    const batches = [];
    for (let i = 0; i < 60; i++) {
      const batch = builder.add(`k${i}`, { id: `k${i}` }, i);
      if (batch) batches.push(batch);
    }
    batches.push(builder.flush()!);
    expect(batches.map((b) => b.items.length)).toEqual([25, 25, 10]);
    expect(batches.map((b) => b.lastId)).toEqual([24, 49, 59]);
    expect(batches.map((b) => b.seq)).toEqual([0, 1, 2]);
    expect(builder.flush()).toBeUndefined();
  });

  it('keeps the later document of a repeated key, as writing them in order would', () => {
    const builder = new BatchBuilder(3);
    builder.add('a', { id: 'a', v: 1 }, 1);
    builder.add('b', { id: 'b', v: 1 }, 2);
    builder.add('a', { id: 'a', v: 2 }, 3);
    const batch = builder.add('c', { id: 'c', v: 1 }, 4)!;
    expect(batch.items).toEqual([{ id: 'b', v: 1 }, { id: 'a', v: 2 }, { id: 'c', v: 1 }]);
    expect(batch.keys).toEqual(['b', 'a', 'c']);
    expect(batch.superseded).toBe(1);
  });

  it('covers documents that produced no item, even in a batch with no items', () => {
    const builder = new BatchBuilder();
    builder.add('a', { id: 'a' }, 1);
    builder.skip(2);
    const first = builder.flush()!;
    expect(first).toMatchObject({ lastId: 2, unconverted: 1, items: [{ id: 'a' }] });
    builder.skip(3);
    expect(builder.flush()).toMatchObject({ lastId: 3, unconverted: 1, items: [] });
  });
});

describe('BatchBuilder with a key an earlier batch wrote', () => {
  it('lists it as replaced, apart from keys superseded in the same batch', () => {
    const builder = new BatchBuilder(2);
    builder.add('a', { id: 'a' }, 1);
    builder.add('b', { id: 'b' }, 2);
    builder.add('a', { id: 'a', v: 2 }, 3, true);
    builder.add('a', { id: 'a', v: 3 }, 4, true);
    expect(builder.flush()).toMatchObject({ items: [{ id: 'a', v: 3 }], replaced: ['a'], superseded: 1 });
  });
});
