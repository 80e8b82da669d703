import { describe, expect, it } from 'vitest';
import { parseItemFilter } from './item-scalar';
import { allHazards, listAt } from './list-hazards';

describe('list hazards', () => {
  it('are the parents of a dotted path, and the field itself for a range', () => {
    expect(allHazards(parseItemFilter({ tags: 'x', 'a.b.c': { $ne: 1 }, score: { $gte: 2 }, $or: [{ 'e.f': { $exists: true } }, { n: { $in: [1] } }] })))
      .toEqual(['a', 'a.b', 'score', 'e']);
  });

  it('are found where an item holds a list or a set', () => {
    expect(listAt({ a: { b: [1] } }, 'a.b')).toBe(true);
    expect(listAt({ a: new Set(['x']) }, 'a')).toBe(true);
    expect(listAt({ a: { b: 1 } }, 'a.b')).toBe(false);
    expect(listAt({ a: [{ b: [1] }] }, 'a.b')).toBe(false);
  });
});
