import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { sortDocuments } from './sort-documents';

describe('sortDocuments', () => {
  const docs = () => [
    { id: 'bool', x: true }, { id: 'str', x: 'abc' }, { id: 'miss' }, { id: 'num', x: 5 },
    { id: 'nul', x: null }, { id: 'list', x: [5, 'a'] }, { id: 'map', x: { a: 1 } }, { id: 'big', x: NumberValue.from('12345678901234567890') },
  ];

  it('orders types as MongoDB does, arrays by their smallest element ascending', () => {
    expect(sortDocuments(docs(), [['x', 1]], 'id').map((d) => d.id)).toEqual(['miss', 'nul', 'list', 'num', 'big', 'str', 'map', 'bool']);
  });

  it('orders arrays by their largest element descending', () => {
    expect(sortDocuments(docs(), [['x', -1]], 'id').map((d) => d.id)).toEqual(['bool', 'map', 'str', 'list', 'big', 'num', 'miss', 'nul']);
  });

  it('compares strings by UTF-8 bytes and breaks ties by the tie-break field', () => {
    const sorted = sortDocuments([{ id: 'b', s: '\u{1F600}' }, { id: 'a', s: '\uFFFF' }, { id: 'c', s: 'z' }, { id: 'd', s: 'z' }], [['s', 1]], 'id');
    expect(sorted.map((d) => d.id)).toEqual(['c', 'd', 'a', 'b']);
  });

  it('sorts a path through an array of documents by the values it reaches, an element without the field as null', () => {
    const sorted = (direction: 1 | -1) => sortDocuments([
      { id: 'docs', m: [{ n: 5 }, { n: 1 }] }, { id: 'one', m: { n: 3 } }, { id: 'gap', m: [{ n: 4 }, { other: 1 }] }, { id: 'none', m: [] },
    ], [['m.n', direction]], 'id').map((d) => d.id);
    expect(sorted(1)).toEqual(['gap', 'none', 'docs', 'one']);
    expect(sorted(-1)).toEqual(['docs', 'gap', 'one', 'none']);
  });

  it('sorts an empty array before null and missing ascending, and after them descending', () => {
    const docs = () => [{ id: 'e', x: [] }, { id: 'n', x: null }, { id: 'm' }, { id: 'one', x: [[1], 0] }];
    expect(sortDocuments(docs(), [['x', 1]], 'id').map((d) => d.id)).toEqual(['e', 'm', 'n', 'one']);
    expect(sortDocuments(docs(), [['x', -1]], 'id').map((d) => d.id)).toEqual(['one', 'm', 'n', 'e']);
  });
});
