import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { AppError } from '../../../shared/errors';
import type { ItemCondition as Condition, ItemScalar as Scalar } from './item-scalar';
import { hazardsOf } from './list-hazards';
import { regexText } from './regex-text';

/**
 * Translates the query language's Condition AST into DynamoDB condition expressions with
 * MongoDB's semantics. Every attribute name and value goes through a placeholder, so reserved
 * words and odd names are never a special case.
 *
 * Where DynamoDB differs from MongoDB, the expression compensates:
 * - `{x: v}` also matches a list containing v (MongoDB matches array elements);
 * - `{x: null}` matches a missing x, a NULL, and a list containing null;
 * - `$ne`/`$nin` are the negation of the positive form, so they match missing attributes;
 * - range operators on null or booleans (which DynamoDB refuses) become equality / type tests.
 * What cannot be made equal is refused with UNSUPPORTED_OPERATOR: positional paths such as `a.0`,
 * and (at run time, see list-hazards.ts) paths and ranges MongoDB would evaluate inside a list.
 */

/** A number DynamoDB can compare: the SDK would throw past 2^53, the server past its range. */
function checkDynamoNumber(value: unknown): void {
  if (typeof value !== 'number') return;
  const magnitude = Math.abs(value);
  if (magnitude > Number.MAX_SAFE_INTEGER || (magnitude !== 0 && magnitude < 1e-130)) {
    throw new AppError('INVALID_QUERY', `The number ${value} cannot be compared in DynamoDB: filter numbers must lie within ±${Number.MAX_SAFE_INTEGER} and not be smaller than 1E-130.`, { value: String(value) });
  }
}

/** A translated condition: an expression, or a constant when the condition is always true or false. */
export type Expression = string | boolean;

export class ExpressionBuilder {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};
  private readonly nameIds = new Map<string, string>();
  private readonly valueIds = new Map<string, string>();

  /** `a.b` -> `#n0.#n1`; the same segment always gets the same placeholder. */
  path(field: string): string {
    return field.split('.').map((segment) => {
      if (/^\d+$/.test(segment)) {
        throw new AppError('UNSUPPORTED_OPERATOR', `The path "${field}" addresses an array position; positional paths are not translated to DynamoDB. Filter on a named field instead.`, { field });
      }
      let id = this.nameIds.get(segment);
      if (!id) {
        id = `#n${this.nameIds.size}`;
        this.nameIds.set(segment, id);
        this.names[id] = segment;
      }
      return id;
    }).join('.');
  }

  value(value: unknown): string {
    checkDynamoNumber(value);
    const key = value instanceof NumberValue ? `exact:${value.toString()}` : `${typeof value}:${JSON.stringify(value)}`;
    let id = this.valueIds.get(key);
    if (!id) {
      id = `:v${this.valueIds.size}`;
      this.valueIds.set(key, id);
      this.values[id] = value;
    }
    return id;
  }

  /**
   * The placeholders the given expressions use, to send with a request: DynamoDB refuses unused
   * ones, and a branch that turned out constant may have allocated some.
   */
  attributes(...expressions: (string | undefined)[]): { ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> } {
    const text = expressions.join(' ');
    const used = <T>(map: Record<string, T>) => Object.fromEntries(Object.entries(map).filter(([id]) => new RegExp(`${id}(?!\\d)`).test(text)));
    const names = used(this.names);
    const values = used(this.values);
    return {
      ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
      ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
    };
  }
}

export function and(parts: Expression[]): Expression {
  if (parts.includes(false)) return false;
  const strings = parts.filter((p): p is string => typeof p === 'string');
  if (strings.length === 0) return true;
  return strings.length === 1 ? strings[0]! : `(${strings.join(' AND ')})`;
}

export function or(parts: Expression[]): Expression {
  if (parts.includes(true)) return true;
  const strings = parts.filter((p): p is string => typeof p === 'string');
  if (strings.length === 0) return false;
  return strings.length === 1 ? strings[0]! : `(${strings.join(' OR ')})`;
}

function not(part: Expression): Expression {
  return typeof part === 'boolean' ? !part : `(NOT ${part})`;
}

function isNull(path: string, b: ExpressionBuilder): string {
  return `(attribute_not_exists(${path}) OR attribute_type(${path}, ${b.value('NULL')}))`;
}

/** A list attribute containing one of the values (`contains` on a string would be a substring test). */
function listContains(path: string, values: Scalar[], b: ExpressionBuilder): Expression {
  return and([`attribute_type(${path}, ${b.value('L')})`, or(values.map((v) => `contains(${path}, ${b.value(v)})`))]);
}

// DynamoDB allows at most 100 operands in one IN.
const IN_LIMIT = 100;

function equalsAny(path: string, values: Scalar[], b: ExpressionBuilder): Expression {
  const scalars = values.filter((v) => v !== null);
  const parts: Expression[] = [];
  for (let i = 0; i < scalars.length; i += IN_LIMIT) {
    const chunk = scalars.slice(i, i + IN_LIMIT);
    parts.push(chunk.length === 1 ? `${path} = ${b.value(chunk[0])}` : `${path} IN (${chunk.map((v) => b.value(v)).join(', ')})`);
  }
  if (scalars.length < values.length) parts.push(isNull(path, b));
  if (values.length > 0) parts.push(listContains(path, values, b));
  return or(parts);
}

/**
 * DynamoDB refuses `<`/`>` on NULL and BOOL operands; MongoDB orders null alone and false < true
 * within their own types, so the range becomes an equality or a type test.
 */
function compareSpecial(path: string, op: 'gt' | 'gte' | 'lt' | 'lte', value: null | boolean, b: ExpressionBuilder): Expression {
  if (value === null) return op === 'gte' || op === 'lte' ? isNull(path, b) : false;
  const isBool = () => `attribute_type(${path}, ${b.value('BOOL')})`;
  if (op === 'gt') return value ? false : `${path} = ${b.value(true)}`;
  if (op === 'lt') return value ? `${path} = ${b.value(false)}` : false;
  if (op === 'gte') return value ? `${path} = ${b.value(true)}` : isBool();
  return value ? isBool() : `${path} = ${b.value(false)}`;
}

const RANGE_SYMBOL = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

interface BuildOptions {
  /** Also admit items with a list where MongoDB would look inside it (see list-hazards.ts). */
  admitListHazards?: boolean;
  /** Leave `$in`/`$nin` out (as always true): a wider request, decided here by match-item.ts. */
  skipLists?: boolean;
}

export function buildExpression(condition: Condition, b: ExpressionBuilder, options: BuildOptions = {}): Expression {
  if (condition.kind === 'and') return and(condition.conditions.map((c) => buildExpression(c, b, options)));
  if (condition.kind === 'or') return or(condition.conditions.map((c) => buildExpression(c, b, options)));
  if (options.skipLists && condition.kind === 'in') return true;
  const term = buildTerm(condition, b);
  if (!options.admitListHazards) return term;
  return or([term, ...hazardsOf(condition).map((path) => `attribute_type(${b.path(path)}, ${b.value('L')})`)]);
}

function buildTerm(condition: Exclude<Condition, { kind: 'and' | 'or' }>, b: ExpressionBuilder): Expression {
  switch (condition.kind) {
    case 'exists': {
      const path = b.path(condition.field);
      return condition.exists ? `attribute_exists(${path})` : `attribute_not_exists(${path})`;
    }
    case 'in': {
      const positive = equalsAny(b.path(condition.field), condition.values, b);
      return condition.negate ? not(positive) : positive;
    }
    case 'compare': {
      const path = b.path(condition.field);
      const { op, value } = condition;
      if (op === 'eq' || op === 'ne') {
        const positive = equalsAny(path, [value], b);
        return op === 'ne' ? not(positive) : positive;
      }
      // Like MongoDB, DynamoDB compares only values of the same type: a number never matches a string.
      if (value === null || typeof value === 'boolean') return compareSpecial(path, op, value, b);
      return `${path} ${RANGE_SYMBOL[op]} ${b.value(value)}`;
    }
    case 'regex': return regexExpression(condition, b);
  }
}

/** `^abc` → begins_with, `abc` → contains on a string (on a list, contains tests membership). */
function regexExpression(condition: Extract<Condition, { kind: 'regex' }>, b: ExpressionBuilder): Expression {
  const path = b.path(condition.field);
  const { match, text } = regexText(condition.field, condition.pattern, condition.options);
  const isString = `attribute_type(${path}, ${b.value('S')})`;
  if (text === '') return isString;
  return match === 'prefix' ? `begins_with(${path}, ${b.value(text)})` : `(${isString} AND contains(${path}, ${b.value(text)}))`;
}

// DynamoDB refuses an expression longer than 4 KB; the margin leaves room for the parentheses joining it.
const EXPRESSION_LIMIT = 4000;

/**
 * The filter as a FilterExpression that DynamoDB accepts, however long its `$in`/`$nin` lists:
 * when the full expression is too long, it is rebuilt without them, and without any filter when
 * even that is too long. `complete` is false when what was left out must be decided in memory.
 */
export function fitExpression(condition: Condition, b: ExpressionBuilder, options: BuildOptions = {}): { expression: Expression; complete: boolean } {
  const full = buildExpression(condition, b, options);
  if (typeof full !== 'string' || full.length <= EXPRESSION_LIMIT) return { expression: full, complete: true };
  const withoutLists = buildExpression(condition, b, { ...options, skipLists: true });
  if (typeof withoutLists !== 'string' || withoutLists.length <= EXPRESSION_LIMIT) return { expression: withoutLists, complete: false };
  return { expression: true, complete: false };
}
