import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../../shared/query';
import { allHazards, refuseListHazards } from './list-hazards';

describe('list hazards', () => {
  it('are the parents of a dotted path, and the field itself for a range', () => {
    expect(allHazards(parseFilter({ tags: 'x', 'a.b.c': { $ne: 1 }, score: { $gte: 2 }, $or: [{ 'e.f': { $exists: true } }, { n: { $in: [1] } }] })))
      .toEqual(['a', 'a.b', 'score', 'e']);
  });

  it('refuse an item holding a list there, naming the field and the item', () => {
    expect(() => refuseListHazards([{ id: 'ok', score: 3 }, { id: 'bad', score: [1, 9] }], ['score']))
      .toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATOR', message: expect.stringMatching(/"score" holds a list in item bad/) }));
    expect(() => refuseListHazards([{ id: 'ok', a: { b: 1 } }, { id: 'ok2' }], ['a', 'a.b'])).not.toThrow();
  });
});
