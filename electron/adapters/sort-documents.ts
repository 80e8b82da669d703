import { NumberValue } from '@aws-sdk/lib-dynamodb';
import type { Sort } from '../../shared/query';
import type { Document } from './database-adapter';
import { isPlainObject } from './document-path';

/** The sort key of an empty array: MongoDB orders it before null and missing fields. */
const EMPTY_ARRAY = Symbol('empty array');

/**
 * MongoDB's sort order, for backends that sort in memory: an empty array, then missing and null,
 * numbers, strings (by UTF-8 bytes, as both servers compare them), objects, arrays, binary, booleans.
 */
function rank(value: unknown): number {
  if (value === EMPTY_ARRAY) return 0;
  if (value === undefined || value === null) return 1;
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof NumberValue) return 2;
  if (typeof value === 'string') return 3;
  if (isPlainObject(value)) return 4;
  if (Array.isArray(value)) return 5;
  if (value instanceof Uint8Array) return 6;
  if (typeof value === 'boolean') return 7;
  return 8;
}

function toNumber(value: unknown): number {
  return value instanceof NumberValue ? Number(value.toString()) : Number(value);
}

/** Field by field (name, then value) for documents, element by element for arrays, as BSON compares them. */
function compareSequences(left: [string, unknown][], right: [string, unknown][]): number {
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const [ka, va] = left[i]!;
    const [kb, vb] = right[i]!;
    const step = rank(va) - rank(vb) || Buffer.compare(Buffer.from(ka), Buffer.from(kb)) || compareValues(va, vb);
    if (step !== 0) return step;
  }
  return left.length - right.length;
}

function compareValues(a: unknown, b: unknown): number {
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (typeof a === 'string') return Buffer.compare(Buffer.from(a), Buffer.from(b as string));
  if (rank(a) === 2) return toNumber(a) - toNumber(b);
  if (typeof a === 'boolean') return Number(a) - Number(b);
  if (a instanceof Uint8Array) return Buffer.compare(a, b as Uint8Array);
  if (isPlainObject(a) && isPlainObject(b)) return compareSequences(Object.entries(a), Object.entries(b));
  if (Array.isArray(a) && Array.isArray(b)) return compareSequences(a.map((v) => ['', v]), b.map((v) => ['', v]));
  return 0;
}

/**
 * Every value a sort path reaches, as MongoDB's sort keys see them: a path steps through an
 * array into each of its documents (an element that is not a document gives null), and an
 * array at the end of the path gives its elements (an empty one gives EMPTY_ARRAY).
 */
function keysAt(value: unknown, segments: string[]): unknown[] {
  const current = value instanceof Set ? [...value] : value;
  if (segments.length === 0) {
    if (!Array.isArray(current)) return [current];
    return current.length === 0 ? [EMPTY_ARRAY] : current;
  }
  if (Array.isArray(current)) {
    if (current.length === 0) return [undefined];
    return current.flatMap((element) => (isPlainObject(element) ? keysAt(element, segments) : [undefined]));
  }
  if (!isPlainObject(current)) return [undefined];
  return keysAt(current[segments[0]!], segments.slice(1));
}

/** With several values, the smallest sorts ascending and the largest descending. */
function sortKey(document: Document, field: string, direction: 1 | -1): unknown {
  const keys = keysAt(document, field.split('.'));
  return keys.reduce((best, v) => (compareValues(v, best) * direction < 0 ? v : best), keys[0]);
}

/** Sorts in place by the sort spec, ties broken by `tieBreak` ascending so pages are stable. */
export function sortDocuments(documents: Document[], sort: Sort, tieBreak: string): Document[] {
  const spec: Sort = [...sort, [tieBreak, 1]];
  return documents.sort((a, b) => {
    for (const [field, direction] of spec) {
      const order = compareValues(sortKey(a, field, direction), sortKey(b, field, direction)) * direction;
      if (order !== 0) return order;
    }
    return 0;
  });
}
