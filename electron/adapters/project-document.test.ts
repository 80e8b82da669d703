import { describe, expect, it } from 'vitest';
import { projectDocument } from './project-document';

describe('projectDocument', () => {
  const doc = { id: '1', a: { b: 1, c: 2 }, list: [{ b: 1, c: 2 }, 3, { c: 4 }], s: 'x' };

  it('keeps the included fields, nested and through arrays of sub-documents', () => {
    expect(projectDocument(doc, { 'a.b': 1, s: 1 })).toEqual({ a: { b: 1 }, s: 'x' });
    expect(projectDocument(doc, { 'list.b': 1 })).toEqual({ list: [{ b: 1 }, {}] });
    expect(projectDocument(doc, { missing: 1 })).toEqual({});
  });

  it('drops the excluded fields and ignores _id', () => {
    expect(projectDocument(doc, { 'a.b': 0, list: 0, _id: 0 })).toEqual({ id: '1', a: { c: 2 }, s: 'x' });
    expect(projectDocument(doc, { _id: 0 })).toEqual(doc);
  });
});
