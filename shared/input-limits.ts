import { COLLECTION_NAMES } from './catalogue';

/**
 * Every size and shape limit on what a caller may send, in one place. The contract's schemas
 * (shared/query.ts, shared/contract.ts, shared/connection.ts) check them before anything runs,
 * so a hostile input is refused as VALIDATION / INVALID_QUERY naming the limit, never a stack
 * overflow or a server error.
 */
export const INPUT_LIMITS = {
  /** Nesting of objects and arrays in one filter, document or update: MongoDB's own BSON limit. */
  maxDepth: 100,
  /** Values (objects, arrays and scalars) in one filter, document or update. */
  maxValues: 100_000,
  /** Characters in one field name (a DynamoDB attribute name may be longer; nothing real is). */
  maxFieldNameLength: 1_024,
  /** Characters in a MongoDB URL or a DynamoDB endpoint. */
  maxUrlLength: 8_192,
  /** A DynamoDB table name is 3-255 characters of [A-Za-z0-9_.-]; `<prefix>_<collection>` must fit. */
  maxTableNameLength: 255,
} as const;

/** The longest prefix for which every catalogue table name (`<prefix>_<collection>`) is still legal. */
export const MAX_TABLE_PREFIX_LENGTH = INPUT_LIMITS.maxTableNameLength - 1 - Math.max(...COLLECTION_NAMES.map((n) => n.length));
export const TABLE_PREFIX_PATTERN = /^[A-Za-z0-9_.-]*$/;

/**
 * Keys that JavaScript objects treat specially. `__proto__` assigned as a key replaces the
 * prototype instead of adding a field, so parsers and SDKs drop it silently; where a key must
 * name a field (filters, sorts, projections) it is refused rather than lost.
 */
export const PROTOTYPE_KEYS = ['__proto__'] as const;

export function isPrototypeKey(key: string): boolean {
  return (PROTOTYPE_KEYS as readonly string[]).includes(key);
}

export interface LimitProblem {
  /** Which limit: `maxDepth`, `maxValues`, `maxFieldNameLength` or `fieldName`. */
  limit: keyof typeof INPUT_LIMITS | 'fieldName';
  message: string;
  /** Dotted path of the offending value (truncated), '' for the top. */
  path: string;
}

/** Why a field name cannot be stored or queried at all, or undefined when it can. */
export function fieldNameProblem(key: string): string | undefined {
  if (key.length > INPUT_LIMITS.maxFieldNameLength) return `a field name is longer than ${INPUT_LIMITS.maxFieldNameLength} characters (limit maxFieldNameLength)`;
  if (key.includes('\0')) return `the field name ${JSON.stringify(key)} contains a NUL character`;
  return undefined;
}

interface Visit { value: unknown; depth: number; key?: string; parent?: Visit }

/** The dotted path to a visited value, shortened: it goes into an error message. */
function pathOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) keys.unshift(at.key.slice(0, 40));
  return keys.length > 8 ? `${keys.slice(0, 8).join('.')}...` : keys.join('.');
}

/**
 * Walks a value without recursion (so no input can overflow the stack here) and reports the
 * first limit it breaks: nesting deeper than maxDepth, more than maxValues values, or a field
 * name that is too long or holds a NUL.
 */
export function checkInputLimits(value: unknown): LimitProblem | undefined {
  const stack: Visit[] = [{ value, depth: 0 }];
  let seen = 0;
  while (stack.length > 0) {
    const visit = stack.pop()!;
    if (++seen > INPUT_LIMITS.maxValues) return { limit: 'maxValues', message: `the input holds more than ${INPUT_LIMITS.maxValues} values (limit maxValues)`, path: '' };
    const current = visit.value;
    if (typeof current !== 'object' || current === null) continue;
    if (visit.depth >= INPUT_LIMITS.maxDepth) return { limit: 'maxDepth', message: `the input is nested more than ${INPUT_LIMITS.maxDepth} levels deep (limit maxDepth)`, path: pathOf(visit) };
    const isArray = Array.isArray(current);
    for (const [key, inner] of isArray ? current.map((v, i) => [String(i), v] as const) : Object.entries(current)) {
      const child: Visit = { value: inner, depth: visit.depth + 1, key, parent: visit };
      const problem = isArray ? undefined : fieldNameProblem(key);
      if (problem) return { limit: problem.includes('NUL') ? 'fieldName' : 'maxFieldNameLength', message: problem, path: pathOf(child) };
      stack.push(child);
    }
  }
  return undefined;
}
