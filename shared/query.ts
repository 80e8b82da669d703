import { z } from 'zod';
import { checkInputLimits, fieldNameProblem, isPrototypeKey } from './input-limits';
import { literalKey } from './extended-json';
import { fromLiteral, type TypedValue } from './typed-value';

/**
 * The query language both adapters speak: a subset of MongoDB's, validated here so that the
 * renderer can check a filter as it is typed and the main process before it runs it.
 * MongoDB's semantics are the reference for every operator.
 */

export const PlainScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type PlainScalar = z.infer<typeof PlainScalarSchema>;
/** A value a condition compares with: JSON's, or a typed value sent as Extended JSON (`{$date}`, `{$oid}`, ...). */
export type Scalar = PlainScalar | TypedValue;

export const COMPARISON_OPERATORS = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte'] as const;
export const SUPPORTED_OPERATORS = [...COMPARISON_OPERATORS, '$in', '$nin', '$exists', '$regex', '$options', '$and', '$or'] as const;
/** Server-side code and aggregation expressions: refused on every backend, never translated. */
export const REFUSED_OPERATORS = ['$where', '$function', '$accumulator', '$expr'] as const;

export type ComparisonOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';

/**
 * The parsed form of a filter that translators work on. `V` is the value type: Scalar as parsed;
 * an adapter may first map typed values to its backend's own (DynamoDB: the migration's mapping).
 */
export type Condition<V = Scalar> =
  | { kind: 'compare'; field: string; op: ComparisonOp; value: V }
  | { kind: 'in'; field: string; values: V[]; negate: boolean }
  | { kind: 'exists'; field: string; exists: boolean }
  /** `$regex` with its `$options` (letters of `imsxu`), as MongoDB reads them. */
  | { kind: 'regex'; field: string; pattern: string; options: string }
  | { kind: 'and'; conditions: Condition<V>[] }
  | { kind: 'or'; conditions: Condition<V>[] };

export type Filter = Record<string, unknown>;

export class QueryError extends Error {
  override readonly name = 'QueryError';
  constructor(
    readonly code: 'INVALID_QUERY' | 'UNSUPPORTED_OPERATOR',
    message: string,
    /** Where in the input the problem is, e.g. `$or.1.priority.$gt`. */
    readonly path: string,
  ) {
    super(message);
  }
}

/** A field path: no empty segment, and no segment starting with $ (operators, positional `$`). */
const FIELD = /^[^$.][^.]*(\.[^$.][^.]*)*$/;

/** Why `field` cannot name a field in a filter, sort or projection, or undefined when it can. */
export function queryFieldProblem(field: string): string | undefined {
  const stored = fieldNameProblem(field);
  if (stored) return stored;
  if (!FIELD.test(field)) return `"${field}" is not a field name: it must not be empty, start a segment with $ or contain empty path segments`;
  // MongoDB reads a trailing $ as a positional projection, not a name.
  if (field.split('.').some((segment) => segment.endsWith('$'))) return `"${field}" is not a field name: a segment must not end with $`;
  const special = field.split('.').find(isPrototypeKey);
  // JavaScript objects turn this key into a prototype, so it would vanish and widen the query.
  if (special) return `the field name "${special}" is refused in a filter, sort or projection`;
  return undefined;
}

function checkField(field: string, path: string): void {
  const problem = queryFieldProblem(field);
  if (problem) throw new QueryError('INVALID_QUERY', problem, path);
}

function checkScalar(value: unknown, path: string): Scalar {
  const typed = typeof value === 'object' && value !== null ? literalAt(value, path) : undefined;
  if (typed !== undefined) {
    if (typeof typed === 'number' && !Number.isFinite(typed)) throw new QueryError('INVALID_QUERY', `expected a finite number at ${path}`, path);
    return typed;
  }
  const parsed = PlainScalarSchema.safeParse(value);
  if (!parsed.success || (typeof value === 'number' && !Number.isFinite(value))) {
    throw new QueryError('INVALID_QUERY', `expected a string, finite number, boolean, null or an Extended JSON value ({"$date": ...}, {"$oid": ...}, ...) at ${path}, got ${describe(value)}`, path);
  }
  return parsed.data;
}

function literalAt(value: object, path: string): TypedValue | number | undefined {
  try {
    return fromLiteral(value, path);
  } catch (error) {
    throw new QueryError('INVALID_QUERY', (error as Error).message, path);
  }
}

const REGEX_OPTIONS = /^[imsxu]*$/;

/** `{$regularExpression: {pattern, options}}`: what a shell `/abc/i` becomes in Extended JSON. */
function regularExpression(value: unknown): { pattern: string; options: string } | undefined {
  if (!isPlainObject(value) || Object.keys(value).length !== 1 || !isPlainObject(value.$regularExpression)) return undefined;
  const { pattern, options = '' } = value.$regularExpression;
  return typeof pattern === 'string' && typeof options === 'string' ? { pattern, options } : undefined;
}

function regexCondition(field: string, pattern: unknown, options: unknown, path: string): Condition {
  const literal = regularExpression(pattern);
  const text = literal ? literal.pattern : pattern;
  if (typeof text !== 'string') throw new QueryError('INVALID_QUERY', `$regex needs a pattern string or /regex/, got ${describe(pattern)}`, path);
  if (options !== undefined && typeof options !== 'string') throw new QueryError('INVALID_QUERY', `$options needs a string of flags, got ${describe(options)}`, path);
  const flags = [...new Set(`${literal?.options ?? ''}${options ?? ''}`)].sort().join('');
  if (!REGEX_OPTIONS.test(flags)) throw new QueryError('INVALID_QUERY', `$options takes the flags i, m, s, x and u; got "${flags}"`, path);
  if (text.includes('\0')) throw new QueryError('INVALID_QUERY', 'a $regex pattern cannot contain a NUL character', path);
  return { kind: 'regex', field, pattern: text, options: flags };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function unknownOperator(op: string, path: string): never {
  if ((REFUSED_OPERATORS as readonly string[]).includes(op)) {
    throw new QueryError('UNSUPPORTED_OPERATOR', `${op} runs code on the server and is refused`, path);
  }
  throw new QueryError('UNSUPPORTED_OPERATOR', `${op} is not supported; use one of ${SUPPORTED_OPERATORS.join(' ')}`, path);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFieldCondition(field: string, spec: unknown, path: string): Condition[] {
  const regex = regularExpression(spec);
  if (regex) return [regexCondition(field, regex.pattern, regex.options, path)];
  if (!isPlainObject(spec) || !Object.keys(spec).some((k) => k.startsWith('$')) || literalKey(spec) !== undefined) {
    return [{ kind: 'compare', field, op: 'eq', value: checkScalar(spec, path) }];
  }
  const entries = Object.entries(spec);
  if (entries.length === 0) throw new QueryError('INVALID_QUERY', `empty operator object for "${field}"`, path);
  if ('$options' in spec && !('$regex' in spec)) throw new QueryError('INVALID_QUERY', '$options is only read together with $regex', `${path}.$options`);
  return entries.filter(([op]) => op !== '$options').map(([op, operand]): Condition => {
    const at = `${path}.${op}`;
    if (!op.startsWith('$')) throw new QueryError('INVALID_QUERY', `cannot mix operators and plain fields in the condition on "${field}"`, at);
    switch (op) {
      case '$eq': case '$ne': case '$gt': case '$gte': case '$lt': case '$lte':
        return { kind: 'compare', field, op: op.slice(1) as ComparisonOp, value: checkScalar(operand, at) };
      case '$in': case '$nin':
        if (!Array.isArray(operand)) throw new QueryError('INVALID_QUERY', `${op} needs an array, got ${describe(operand)}`, at);
        return { kind: 'in', field, negate: op === '$nin', values: operand.map((v, i) => checkScalar(v, `${at}.${i}`)) };
      case '$regex':
        return regexCondition(field, operand, spec.$options, at);
      case '$exists':
        if (typeof operand !== 'boolean') throw new QueryError('INVALID_QUERY', `$exists needs true or false, got ${describe(operand)}`, at);
        return { kind: 'exists', field, exists: operand };
      default:
        return unknownOperator(op, at);
    }
  });
}

function parseLogical(op: '$and' | '$or', operand: unknown, path: string): Condition {
  if (!Array.isArray(operand) || operand.length === 0) throw new QueryError('INVALID_QUERY', `${op} needs a non-empty array of filters`, path);
  return { kind: op === '$and' ? 'and' : 'or', conditions: operand.map((f, i) => parseFilterAt(f, `${path}.${i}`)) };
}

function parseFilterAt(filter: unknown, path: string): Condition {
  if (!isPlainObject(filter)) throw new QueryError('INVALID_QUERY', `a filter must be an object, got ${describe(filter)}`, path);
  const conditions: Condition[] = [];
  for (const [key, value] of Object.entries(filter)) {
    const at = path ? `${path}.${key}` : key;
    if (key === '$and' || key === '$or') conditions.push(parseLogical(key, value, at));
    else if (key.startsWith('$')) unknownOperator(key, at);
    else {
      checkField(key, at);
      conditions.push(...parseFieldCondition(key, value, at));
    }
  }
  return { kind: 'and', conditions };
}

/**
 * Parses a MongoDB-style filter into conditions, or throws a QueryError that names the
 * operator or the path that is wrong. `{}` parses to an empty `and`: everything matches.
 */
export function parseFilter(filter: unknown): Condition {
  const tooBig = checkInputLimits(filter);
  if (tooBig) throw new QueryError('INVALID_QUERY', `The filter is refused: ${tooBig.message}.`, tooBig.path);
  return parseFilterAt(filter, '');
}

/** True when a parsed filter matches every document: `{}`, `{$and: [{}]}`, `{$or: [{}, ...]}`. */
export function matchesEverything(condition: Condition): boolean {
  if (condition.kind === 'and') return condition.conditions.every(matchesEverything);
  if (condition.kind === 'or') return condition.conditions.some(matchesEverything);
  return false;
}

/**
 * An object whose own keys are kept exactly: zod's records drop a `__proto__` key without a
 * word, which turned `{"__proto__": "x"}` into `{}`. Values are checked, the object passes
 * through as sent, and `checkKey` decides which keys are acceptable.
 */
export function ownRecord<T extends z.ZodType>(value: T, checkKey: (key: string) => string | undefined = fieldNameProblem) {
  return z.custom<Record<string, z.output<T>>>(isPlainObject, 'expected an object').superRefine((record, ctx) => {
    for (const [key, inner] of Object.entries(record)) {
      const problem = checkKey(key);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [key] });
      const parsed = value.safeParse(inner);
      if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [key, ...issue.path] });
    }
  });
}

/** The same check as a zod schema, for contract inputs and the renderer's filter bar. */
export const FilterSchema = ownRecord(z.unknown(), () => undefined).superRefine((filter, ctx) => {
  try {
    parseFilter(filter);
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message, path: error.path ? error.path.split('.') : [], params: { code: error.code } });
  }
});

/** `{field: 1}` keeps fields, `{field: 0}` drops them; the two are not mixed. */
export const ProjectionSchema = ownRecord(z.union([z.literal(0), z.literal(1)]), queryFieldProblem).superRefine((projection, ctx) => {
  const values = new Set(Object.entries(projection).filter(([k]) => k !== '_id').map(([, v]) => v));
  if (values.size > 1) ctx.addIssue({ code: 'custom', message: 'a projection either keeps fields (1) or drops them (0), not both' });
});
export type Projection = z.infer<typeof ProjectionSchema>;

/** The seed's form: `[['timestamp', -1]]`. */
export const SortSchema = z.array(z.tuple([
  z.string().superRefine((field, ctx) => {
    const problem = queryFieldProblem(field);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  z.union([z.literal(1), z.literal(-1)]),
])).max(32, 'sort on at most 32 fields');
export type Sort = z.infer<typeof SortSchema>;

/** Update keys are field names kept as data (`__proto__` included); the key field is fixed. */
function updateFieldProblem(field: string): string | undefined {
  if (field === 'id') return 'the key field id cannot be updated';
  return fieldNameProblem(field) ?? (FIELD.test(field) ? undefined : `"${field}" is not a field name`);
}

const fieldMap = <T extends z.ZodType>(value: T) => ownRecord(value, updateFieldProblem);

/** `$set`, `$unset` and `$inc`; a replacement document is not an update. */
export const UpdateSchema = z.strictObject({
  $set: fieldMap(z.unknown()).optional(),
  $unset: fieldMap(z.union([z.literal(''), z.literal(1), z.literal(true)])).optional(),
  $inc: fieldMap(z.number().refine(Number.isFinite, 'must be a finite number')).optional(),
}).refine((u) => Object.values(u).some((part) => part && Object.keys(part).length > 0), 'an update needs at least one field in $set, $unset or $inc')
  .superRefine((update, ctx) => {
    const tooBig = checkInputLimits(update);
    if (tooBig) ctx.addIssue({ code: 'custom', message: `The update is refused: ${tooBig.message}`, path: tooBig.path ? tooBig.path.split('.') : [] });
  });
export type Update = z.infer<typeof UpdateSchema>;

/** `FindOptions.index` values besides a GSI name: the table's own key, or a forced Scan. */
export const TABLE_INDEX = 'table';
export const SCAN_INDEX = 'scan';

export const FindOptionsSchema = z.object({
  projection: ProjectionSchema.optional(),
  sort: SortSchema.optional(),
  limit: z.number().int().positive().max(10_000).optional(),
  /** Opaque: whatever the previous page returned as `nextCursor`. */
  cursor: z.string().optional(),
  /**
   * DynamoDB only: the index the read must use: a GSI name, `table` for the table's own key, or
   * `scan` to force a Scan. Unset: the planner chooses. MongoDB's own planner ignores it.
   */
  index: z.string().regex(/^[A-Za-z0-9_.-]{1,255}$/, 'an index name: letters, digits, _ . - only').optional(),
});
export type FindOptions = z.infer<typeof FindOptionsSchema>;
