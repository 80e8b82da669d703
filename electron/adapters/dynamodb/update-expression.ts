import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { isDeepStrictEqual } from 'node:util';
import { AppError } from '../../../shared/errors';
import type { Update } from '../../../shared/query';
import type { Document } from '../database-adapter';
import { isPlainObject, valueAt } from '../document-path';
import { and, type Expression, type ExpressionBuilder } from './build-expression';
import { toItemValue } from './item-value';

/**
 * `$set`, `$unset` and `$inc` as one UpdateExpression. MongoDB creates missing parent documents
 * on `$set: {'a.b': 1}` and ignores `$unset` of a path under a missing parent; DynamoDB refuses
 * both, so `adaptToItem` rewrites the update for the item as it is, with conditions that the
 * shape it relied on has not changed.
 */

type Operation =
  | { kind: 'set'; path: string[]; value: unknown }
  | { kind: 'inc'; path: string[]; by: number }
  | { kind: 'unset'; path: string[] };

export function operations(update: Update): Operation[] {
  return [
    ...Object.entries(update.$set ?? {}).map(([f, value]): Operation => ({ kind: 'set', path: f.split('.'), value: toItemValue(value) })),
    ...Object.entries(update.$inc ?? {}).map(([f, by]): Operation => ({ kind: 'inc', path: f.split('.'), by })),
    ...Object.keys(update.$unset ?? {}).map((f): Operation => ({ kind: 'unset', path: f.split('.') })),
  ];
}

export interface UpdateParts {
  updateExpression: string;
  /** Conditions the rewrite relies on. */
  conditions: Expression[];
}

export function buildUpdate(ops: Operation[], b: ExpressionBuilder, conditions: Expression[] = []): UpdateParts {
  const sets: string[] = [];
  const removes: string[] = [];
  for (const op of ops) {
    const path = b.path(op.path.join('.'));
    if (op.kind === 'set') sets.push(`${path} = ${b.value(op.value)}`);
    else if (op.kind === 'inc') sets.push(`${path} = if_not_exists(${path}, ${b.value(0)}) + ${b.value(op.by)}`);
    else removes.push(path);
  }
  const clauses = [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].filter(Boolean);
  return { updateExpression: clauses.join(' '), conditions };
}

function nested(path: string[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, segment) => ({ [segment]: inner }), value);
}

function deepMerge(a: unknown, b: unknown): unknown {
  if (!isPlainObject(a) || !isPlainObject(b)) return b;
  const result = { ...a };
  for (const [k, v] of Object.entries(b)) result[k] = deepMerge(result[k], v);
  return result;
}

/**
 * The update rewritten for the item's current shape: a `$set`/`$inc` under a missing parent sets
 * the first missing ancestor to a whole sub-document (conditioned on it still being absent);
 * an `$unset` under a missing parent is dropped (conditioned likewise).
 */
export function adaptToItem(ops: Operation[], item: Document, b: ExpressionBuilder): UpdateParts {
  const adapted: Operation[] = [];
  const created = new Map<string, { path: string[]; value: unknown }>();
  const conditions: Expression[] = [];
  for (const op of ops) {
    let depth = 0;
    let parent: unknown = item;
    while (depth < op.path.length - 1 && isPlainObject(parent) && op.path[depth]! in parent) {
      parent = parent[op.path[depth]!];
      depth++;
    }
    if (depth === op.path.length - 1 && isPlainObject(parent)) {
      adapted.push(op);
      continue;
    }
    const prefix = op.path.slice(0, depth + 1);
    if (isPlainObject(parent)) {
      // prefix[depth] is missing: create it, or drop an unset below it.
      conditions.push(`attribute_not_exists(${b.path(prefix.join('.'))})`);
      if (op.kind === 'unset') continue;
      const key = prefix.join('.');
      const value = nested(op.path.slice(depth + 1), op.kind === 'set' ? op.value : op.by);
      created.set(key, { path: prefix, value: deepMerge(created.get(key)?.value, value) });
      continue;
    }
    if (op.kind === 'unset') continue;
    const at = op.path.slice(0, depth).join('.');
    throw new AppError('INVALID_QUERY', `Cannot create field '${op.path[depth]}' in '${at}': it holds a ${Array.isArray(parent) ? 'list' : 'non-document value'}.`, { field: op.path.join('.') });
  }
  for (const { path, value } of created.values()) adapted.push({ kind: 'set', path, value });
  return buildUpdate(adapted, b, [and([...new Set(conditions)])]);
}

/** Whether the update changes the item (MongoDB's modifiedCount counts only real changes). */
export function changes(ops: Operation[], before: Document): boolean {
  return ops.some((op) => {
    const old = valueAt(before, op.path.join('.'));
    if (op.kind === 'unset') return old !== undefined;
    if (op.kind === 'inc') return old === undefined || op.by !== 0;
    if (old instanceof NumberValue || op.value instanceof NumberValue) return String(old) !== String(op.value);
    return !isDeepStrictEqual(old, op.value);
  });
}
