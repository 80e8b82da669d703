import { AppError } from '../../../shared/errors';
import type { ItemCondition as Condition } from './item-scalar';
import type { Document } from '../database-adapter';
import { isPlainObject } from '../document-path';

/**
 * Where a list in an item would make DynamoDB's answer differ from MongoDB's. MongoDB looks
 * inside arrays: `{'events.kind': 'page'}` matches `events: [{kind: 'page'}]` and
 * `{scores: {$gt: 5}}` matches `scores: [1, 9]`; a DynamoDB document path or comparison does
 * not. Equality and `$in` on a list itself are exact (`contains`), so they carry no hazard.
 *
 * The adapter widens each such condition to also admit items with a list there, decides each
 * item it reads with match-item.ts, and refuses (UNSUPPORTED_OPERATOR) when a list decides the
 * answer: a typed error instead of a silently different result. Reads look for such an item
 * before their first page, so find, findOne and countDocuments refuse the same filters.
 */
export function hazardsOf(condition: Exclude<Condition, { kind: 'and' | 'or' }>): string[] {
  const segments = condition.field.split('.');
  const parents = segments.slice(0, -1).map((_, i) => segments.slice(0, i + 1).join('.'));
  // Ranges and patterns: MongoDB tries each element of a list, DynamoDB compares the list.
  const comparesElements = (condition.kind === 'compare' && !['eq', 'ne'].includes(condition.op)) || condition.kind === 'regex';
  return comparesElements ? [...parents, condition.field] : parents;
}

export function allHazards(condition: Condition): string[] {
  if (condition.kind === 'and' || condition.kind === 'or') return [...new Set(condition.conditions.flatMap(allHazards))];
  return hazardsOf(condition);
}

/** Whether the item holds a list (or a set) at the path. */
export function listAt(item: Document, path: string): boolean {
  let current: unknown = item;
  for (const segment of path.split('.')) {
    if (!isPlainObject(current)) return false;
    current = current[segment];
  }
  return Array.isArray(current) || current instanceof Set;
}

export function listRefusal(path: string, id: unknown): AppError {
  return new AppError('UNSUPPORTED_OPERATOR', `"${path}" holds a list in item ${String(id)}: MongoDB would match inside that list, which a DynamoDB expression cannot. Filter with equality or $in on the list itself, or on another field.`, { field: path, id });
}
