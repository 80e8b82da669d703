import { describe, expect, it } from 'vitest';
import { changesProblem, changesToUpdate, documentChanges, parseDocumentText } from './document-changes';

const before = {
  id: 'a-1', _id: { $oid: '6662b1876bc4d9ccea000007' }, status: 'active', timestamp: { $date: '2026-03-04T05:06:07Z' },
  count: { $numberLong: '9007199254740993' }, note: 'old', tags: ['db'],
};

describe('the changes of a whole-document edit', () => {
  it('finds added, removed and changed fields, with their types, and nothing for untouched ones', () => {
    const text = JSON.stringify({ ...before, status: 'acknowledged', timestamp: { $date: '2026-03-05T00:00:00Z' }, note: undefined, owner: 'Ann', tags: 'db' }, null, 2);
    const after = parseDocumentText(text).value!;
    expect(documentChanges(before, after)).toEqual([
      { field: 'status', kind: 'changed', before: 'active', after: 'acknowledged', typeBefore: 'string', typeAfter: 'string' },
      { field: 'timestamp', kind: 'changed', before: before.timestamp, after: { $date: '2026-03-05T00:00:00Z' }, typeBefore: 'date', typeAfter: 'date' },
      { field: 'note', kind: 'removed', before: 'old', typeBefore: 'string' },
      { field: 'tags', kind: 'changed', before: ['db'], after: 'db', typeBefore: 'array', typeAfter: 'string' },
      { field: 'owner', kind: 'added', after: 'Ann', typeAfter: 'string' },
    ]);
  });

  it('keeps types: shell literals become Extended JSON, a Long keeps its digits', () => {
    const after = parseDocumentText('{id: "a-1", at: ISODate("2026-03-04T00:00:00Z"), n: NumberLong("9007199254740993"), x: {"$date": "2026-01-01T00:00:00Z"}}').value!;
    expect(after).toEqual({ id: 'a-1', at: { $date: '2026-03-04T00:00:00Z' }, n: { $numberLong: '9007199254740993' }, x: { $date: '2026-01-01T00:00:00Z' } });
  });

  it('builds one update: $set for changed and added, $unset for removed', () => {
    const changes = documentChanges({ id: 'a', a: 1, b: 2 }, { id: 'a', a: 3, c: { $date: '2026-01-01T00:00:00Z' } });
    expect(changesToUpdate(changes)).toEqual({ $set: { a: 3, c: { $date: '2026-01-01T00:00:00Z' } }, $unset: { b: '' } });
    expect(changesToUpdate(documentChanges({ id: 'a', b: 2 }, { id: 'a' }))).toEqual({ $unset: { b: '' } });
  });

  it('refuses changes to id and _id, and text that is not a document', () => {
    expect(changesProblem(documentChanges(before, { ...before, id: 'other' }))).toContain('id cannot be changed');
    const { _id, ...withoutObjectId } = before;
    expect(_id).toBeDefined();
    expect(changesProblem(documentChanges(before, withoutObjectId))).toContain('_id cannot be changed');
    expect(changesProblem(documentChanges(before, { ...before }))).toBeUndefined();
    expect(parseDocumentText('{"a": ').problem).toContain('Not a valid document');
    expect(parseDocumentText('[1]').problem).toContain('is an object');
    expect(parseDocumentText('{a: Date.now()}').problem).toBeDefined();
  });
});
