import { NumberValue } from '@aws-sdk/lib-dynamodb';
import type { ItemCondition as Condition, ItemScalar as Scalar } from './item-scalar';
import { compareExact } from './exact-number';
import { regexText } from './regex-text';
import type { Document } from '../database-adapter';
import { valueAt } from '../document-path';
import { hazardsOf, listAt, listRefusal } from './list-hazards';

/**
 * The filter evaluated here on an item, with the semantics build-expression.ts gives DynamoDB:
 * for what a request cannot say (lists too long for a 4 KB expression) and to tell whether a
 * list in an item changes the answer (list-hazards.ts).
 *
 * Three-valued: true, false, or the path of a list whose treatment decides the answer. A
 * condition over such a list is undecided; `and` and `or` combine as in Kleene's logic, so a
 * branch that cannot change the result (`{$or: [{status: 'open'}, {'events.kind': 'page'}]}`
 * on an open alert) leaves the answer decided.
 */
export type Verdict = boolean | string;

type Leaf = Exclude<Condition, { kind: 'and' | 'or' }>;

function isNumber(value: unknown): value is number | NumberValue {
  return typeof value === 'number' || value instanceof NumberValue;
}

/** DynamoDB's comparison: only values of one type compare; strings by UTF-8 bytes. */
function compare(a: unknown, b: Scalar): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (isNumber(a) && isNumber(b)) return compareExact(a.toString(), b.toString());
  if (typeof a === 'string' && typeof b === 'string') return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return undefined;
}

function equals(a: unknown, b: Scalar): boolean {
  if (a === null || typeof a === 'boolean' || typeof b === 'boolean' || b === null) return a === b;
  return compare(a, b) === 0;
}

/** build-expression's equalsAny: the value, null for a missing field, or a list holding one. */
function equalsAny(value: unknown, values: Scalar[]): boolean {
  if (Array.isArray(value)) return value.some((element) => values.some((v) => equals(element, v)));
  if (value === undefined) return values.includes(null);
  return values.some((v) => equals(value, v));
}

const RANGE = { gt: (c: number) => c > 0, gte: (c: number) => c >= 0, lt: (c: number) => c < 0, lte: (c: number) => c <= 0 };

function inRange(value: unknown, op: keyof typeof RANGE, bound: Scalar): boolean {
  // As build-expression's compareSpecial: null ranges are null tests, booleans order false < true.
  if (bound === null) return (op === 'gte' || op === 'lte') && (value === undefined || value === null);
  if (typeof bound === 'boolean') return typeof value === 'boolean' && RANGE[op](Number(value) - Number(bound));
  const order = compare(value, bound);
  return order !== undefined && RANGE[op](order);
}

function matchLeaf(leaf: Leaf, item: Document): Verdict {
  const list = hazardsOf(leaf).find((path) => listAt(item, path));
  if (list !== undefined) return list;
  const value = valueAt(item, leaf.field);
  switch (leaf.kind) {
    case 'exists':
      return (value !== undefined) === leaf.exists;
    case 'in':
      return equalsAny(value, leaf.values) !== leaf.negate;
    case 'compare':
      if (leaf.op === 'eq' || leaf.op === 'ne') return equalsAny(value, [leaf.value]) === (leaf.op === 'eq');
      return inRange(value, leaf.op, leaf.value);
    case 'regex': {
      const { match, text } = regexText(leaf.field, leaf.pattern, leaf.options);
      return typeof value === 'string' && (match === 'prefix' ? value.startsWith(text) : value.includes(text));
    }
  }
}

export function matchItem(condition: Condition, item: Document): Verdict {
  if (condition.kind !== 'and' && condition.kind !== 'or') return matchLeaf(condition, item);
  const decisive = condition.kind === 'or';
  let undecided: string | undefined;
  for (const part of condition.conditions) {
    const verdict = matchItem(part, item);
    if (verdict === decisive) return decisive;
    if (typeof verdict === 'string') undecided ??= verdict;
  }
  return undecided ?? !decisive;
}

/** Whether the item matches; throws UNSUPPORTED_OPERATOR when a list in it decides that. */
export function matchesOrRefuse(condition: Condition, item: Document): boolean {
  const verdict = matchItem(condition, item);
  if (typeof verdict === 'string') throw listRefusal(verdict, item.id);
  return verdict;
}
