import { NumberValue } from '@aws-sdk/lib-dynamodb';
import type { Sort } from '../../shared/query';
import type { Document } from './database-adapter';
import { isPlainObject, valueAt } from './document-path';

/**
 * MongoDB's sort order, for backends that sort in memory: missing and null first, then numbers,
 * strings (by UTF-8 bytes, as both servers compare them), objects, arrays by their smallest
 * element ascending or largest descending, binary, booleans.
 */
function rank(value: unknown): number {
  if (value === undefined || value === null) return 1;
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof NumberValue) return 2;
  if (typeof value === 'string') return 3;
  if (isPlainObject(value)) return 4;
  if (value instanceof Uint8Array) return 6;
  if (typeof value === 'boolean') return 7;
  return 8;
}

function toNumber(value: unknown): number {
  return value instanceof NumberValue ? Number(value.toString()) : Number(value);
}

function compareValues(a: unknown, b: unknown): number {
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (typeof a === 'string') return Buffer.compare(Buffer.from(a), Buffer.from(b as string));
  if (rank(a) === 2) return toNumber(a) - toNumber(b);
  if (typeof a === 'boolean') return Number(a) - Number(b);
  if (a instanceof Uint8Array) return Buffer.compare(a, b as Uint8Array);
  if (isPlainObject(a) && isPlainObject(b)) {
    const left = Object.entries(a);
    const right = Object.entries(b);
    for (let i = 0; i < Math.min(left.length, right.length); i++) {
      const [ka, va] = left[i]!;
      const [kb, vb] = right[i]!;
      const step = rank(va) - rank(vb) || Buffer.compare(Buffer.from(ka), Buffer.from(kb)) || compareValues(va, vb);
      if (step !== 0) return step;
    }
    return left.length - right.length;
  }
  return 0;
}

/** An array sorts by its smallest element ascending and its largest descending; an empty one before null. */
function sortKey(value: unknown, direction: 1 | -1): unknown {
  if (value instanceof Set) value = [...value];
  if (!Array.isArray(value)) return value;
  if (value.length === 0) return undefined;
  return value.reduce((best: unknown, v: unknown) => (compareValues(v, best) * direction < 0 ? v : best), value[0]);
}

/** Sorts in place by the sort spec, ties broken by `tieBreak` ascending so pages are stable. */
export function sortDocuments(documents: Document[], sort: Sort, tieBreak: string): Document[] {
  const spec: Sort = [...sort, [tieBreak, 1]];
  return documents.sort((a, b) => {
    for (const [field, direction] of spec) {
      const order = compareValues(sortKey(valueAt(a, field), direction), sortKey(valueAt(b, field), direction)) * direction;
      if (order !== 0) return order;
    }
    return 0;
  });
}
