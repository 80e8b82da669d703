import { describe, expect, it } from 'vitest';
import { BatchBuilder, documentsOutcome } from './batch-items';

/** A document whose field was moved out (fix rule oversized: moveField) is two items and one document. */
describe('BatchBuilder with moved fields', () => {
  const field = (key: string) => [{ key: `${key}#body`, item: { id: `${key}#body`, body: 'x' } }];

  it('keeps a document\'s items in one batch of at most 25, starting the next batch when they do not fit', () => {
    const builder = new BatchBuilder(3);
    expect(builder.add('a', { id: 'a' }, 1)).toBeUndefined();
    expect(builder.add('b', { id: 'b' }, 2)).toBeUndefined();
    const first = builder.add('c', { id: 'c' }, 3, false, field('c'))!;
    expect(first).toMatchObject({ keys: ['a', 'b'], lastId: 2 });
    const second = builder.flush()!;
    expect(second).toMatchObject({ keys: ['c', 'c#body'], lastId: 3 });
    expect(second.owners).toEqual(new Map([['c#body', 'c']]));
  });

  it('counts documents, not items: a failed field item fails its document once', () => {
    const builder = new BatchBuilder(10);
    builder.add('a', { id: 'a' }, 1, false, field('a'));
    builder.add('b', { id: 'b' }, 2, false, field('b'));
    builder.add('c', { id: 'c' }, 3);
    const batch = builder.flush()!;
    expect(batch.items).toHaveLength(5);
    expect(documentsOutcome(batch, new Set())).toEqual({ written: 3, failed: 0 });
    expect(documentsOutcome(batch, new Set(['a#body']))).toEqual({ written: 2, failed: 1 });
    expect(documentsOutcome(batch, new Set(['a', 'a#body', 'c']))).toEqual({ written: 1, failed: 2 });
  });

  it('drops the field items of a document a later one with the same key replaces', () => {
    const builder = new BatchBuilder(10);
    builder.add('a', { id: 'a', v: 1 }, 1, false, field('a'));
    builder.add('a', { id: 'a', v: 2 }, 2, true);
    const batch = builder.flush()!;
    expect(batch.keys).toEqual(['a']);
    expect(batch.owners.size).toBe(0);
    expect(batch.superseded).toBe(1);
  });
});
