import { AppError } from '../../../shared/errors';
import type { Condition } from '../../../shared/query';
import type { Document } from '../database-adapter';
import { isPlainObject } from '../document-path';

/**
 * Where a list in an item would make DynamoDB's answer differ from MongoDB's. MongoDB looks
 * inside arrays: `{'events.kind': 'page'}` matches `events: [{kind: 'page'}]` and
 * `{scores: {$gt: 5}}` matches `scores: [1, 9]`; a DynamoDB document path or comparison does
 * not. Equality and `$in` on a list itself are exact (`contains`), so they carry no hazard.
 *
 * The adapter widens each such condition to also admit items with a list there, and refuses
 * (UNSUPPORTED_OPERATOR) when one comes back: a typed error instead of a silently different result.
 */
export function hazardsOf(condition: Exclude<Condition, { kind: 'and' | 'or' }>): string[] {
  const segments = condition.field.split('.');
  const parents = segments.slice(0, -1).map((_, i) => segments.slice(0, i + 1).join('.'));
  const comparesElements = condition.kind === 'compare' && !['eq', 'ne'].includes(condition.op);
  return comparesElements ? [...parents, condition.field] : parents;
}

export function allHazards(condition: Condition): string[] {
  if (condition.kind === 'and' || condition.kind === 'or') return [...new Set(condition.conditions.flatMap(allHazards))];
  return hazardsOf(condition);
}

function listAt(item: Document, path: string): boolean {
  let current: unknown = item;
  for (const segment of path.split('.')) {
    if (!isPlainObject(current)) return false;
    current = current[segment];
  }
  return Array.isArray(current) || current instanceof Set;
}

/** Throws when an item holds a list where the filter would need MongoDB's array semantics. */
export function refuseListHazards(items: Document[], hazards: string[]): void {
  if (hazards.length === 0) return;
  for (const item of items) {
    const path = hazards.find((h) => listAt(item, h));
    if (path !== undefined) {
      throw new AppError('UNSUPPORTED_OPERATOR', `"${path}" holds a list in item ${String(item.id)}: MongoDB would match inside that list, which a DynamoDB expression cannot. Filter with equality or $in on the list itself, or on another field.`, { field: path, id: item.id });
    }
  }
}
