import type { CollectionSpec, SecondaryIndex, IndexKey } from '../../../shared/catalogue';
import { AppError } from '../../../shared/errors';
import { SCAN_INDEX, TABLE_INDEX, type ComparisonOp, type Sort } from '../../../shared/query';
import type { ItemCondition as Condition, ItemScalar as Scalar } from './item-scalar';
import { regexText } from './regex-text';

/**
 * Chooses how DynamoDB answers a filter: GetItem for `{id: x}`, Query on the table or a GSI
 * when the filter fixes that index's partition key, Scan otherwise; or follows the index the
 * user picked, refusing (INVALID_QUERY) when the filter does not allow it. Pure: no I/O.
 *
 * An index is used only when the filter guarantees every item that matches is in it: a GSI
 * holds only items that have its key attributes with the declared types, so
 * `company-timestamp-index` serves `{company_id: X}` only together with a string condition on
 * `timestamp` (e.g. `{$gte: ''}`), otherwise items without a timestamp would be silently missed.
 */

type RangeCondition =
  | { op: 'eq' | 'gt' | 'gte' | 'lt' | 'lte'; value: Scalar }
  | { op: 'between'; low: Scalar; high: Scalar }
  /** An anchored literal `$regex` (`^2026-03`) on a string sort key. */
  | { op: 'begins_with'; value: string };

export interface KeyCondition {
  partition: { attribute: string; value: Scalar };
  range?: { attribute: string } & RangeCondition;
}

export type Plan =
  | { operation: 'GetItem'; id: string; notes: string[] }
  | {
    operation: 'Query';
    /** Undefined for a Query on the table's own key. */
    index?: string;
    key: KeyCondition;
    /** What the key condition does not already guarantee; goes to the FilterExpression. */
    filter: Condition;
    /** Sort-key values to drop from what the key condition returns (strict bounds of a BETWEEN). */
    exclude: Scalar[];
    /** 'index': the index order answers the sort (ScanIndexForward); 'memory': read all, sort here. */
    order: 'none' | 'index' | 'memory';
    scanIndexForward: boolean;
    notes: string[];
  }
  | { operation: 'Scan'; filter: Condition; order: 'none' | 'memory'; notes: string[] };

/** The conjuncts of a filter: nested `and`s flattened. */
function conjuncts(condition: Condition): Condition[] {
  return condition.kind === 'and' ? condition.conditions.flatMap(conjuncts) : [condition];
}

function matchesType(value: Scalar, key: IndexKey): boolean {
  // DynamoDB refuses an empty string as a key value, even in a condition.
  return key.type === 'S' ? typeof value === 'string' && value !== '' : typeof value === 'number';
}

type Compare = Extract<Condition, { kind: 'compare' }>;

function equalityOn(parts: Condition[], key: IndexKey): Compare | undefined {
  return parts.find((c): c is Compare => c.kind === 'compare' && c.op === 'eq' && c.field === key.attribute && matchesType(c.value, key));
}

const LOWER: ComparisonOp[] = ['gt', 'gte'];
const UPPER: ComparisonOp[] = ['lt', 'lte'];

interface RangeChoice {
  range?: RangeCondition;
  covered: Condition[];
  /** Sort-key values the key condition admits but the filter does not (strict bounds of a BETWEEN). */
  exclude: Scalar[];
}

/**
 * The key condition on a sort key from the filter's conditions on it. Two bounds become an
 * inclusive BETWEEN and a strict bound's own value is dropped from the results here, since
 * a FilterExpression may not name a key attribute. `>= ''` on a string key only says "is a
 * string", which every item of the index is (DynamoDB refuses empty key strings).
 */
function rangeOn(parts: Condition[], key: IndexKey): RangeChoice | undefined {
  const usable = parts.filter((c): c is Compare => c.kind === 'compare' && c.field === key.attribute && c.op !== 'ne' && matchesType(c.value, key));
  const anyString = parts.filter((c): c is Compare => c.kind === 'compare' && c.field === key.attribute && key.type === 'S' && c.value === '' && LOWER.includes(c.op));
  const eq = usable.find((c) => c.op === 'eq');
  if (eq) return { range: { op: 'eq', value: eq.value }, covered: [eq, ...anyString], exclude: [] };
  const low = usable.find((c) => LOWER.includes(c.op));
  const high = usable.find((c) => UPPER.includes(c.op));
  if (low && high && !inverted(low.value, high.value)) {
    const exclude = [low, high].filter((c) => c.op === 'gt' || c.op === 'lt').map((c) => c.value);
    return { range: { op: 'between', low: low.value, high: high.value }, covered: [low, high, ...anyString], exclude };
  }
  const one = low ?? high;
  if (one) return { range: { op: one.op as 'gt' | 'gte' | 'lt' | 'lte', value: one.value }, covered: [one, ...anyString], exclude: [] };
  const prefix = prefixOn(parts, key);
  if (prefix) return { range: { op: 'begins_with', value: prefix.text }, covered: [prefix.condition, ...anyString], exclude: [] };
  return anyString.length > 0 ? { covered: anyString, exclude: [] } : undefined;
}

type Regex = Extract<Condition, { kind: 'regex' }>;

/** A `^literal` pattern on a string sort key: a begins_with key condition. */
function prefixOn(parts: Condition[], key: IndexKey): { condition: Regex; text: string } | undefined {
  if (key.type !== 'S') return undefined;
  for (const condition of parts) {
    if (condition.kind !== 'regex' || condition.field !== key.attribute) continue;
    const { match, text } = regexText(condition.field, condition.pattern, condition.options);
    if (match === 'prefix' && text !== '') return { condition, text };
  }
  return undefined;
}

/** Whether a condition names an attribute: a Query's FilterExpression may not name the index's keys. */
function mentions(condition: Condition, attributes: string[]): boolean {
  if (condition.kind === 'and' || condition.kind === 'or') return condition.conditions.some((c) => mentions(c, attributes));
  return attributes.some((a) => condition.field === a || condition.field.startsWith(`${a}.`));
}

/** DynamoDB refuses a BETWEEN whose bounds are inverted; such a range simply matches nothing. */
function inverted(low: Scalar, high: Scalar): boolean {
  if (typeof low === 'string' && typeof high === 'string') return Buffer.compare(Buffer.from(low), Buffer.from(high)) > 0;
  return typeof low === 'number' && typeof high === 'number' && low > high;
}

function remaining(parts: Condition[], covered: Condition[]): Condition {
  return { kind: 'and', conditions: parts.filter((c) => !covered.includes(c)) };
}

/** A Query on one GSI; the higher the score, the more of the work the index does. */
type Candidate = Omit<Extract<Plan, { operation: 'Query' }>, 'operation' | 'notes'> & { index: string; score: number };

type Choice = Candidate | { refused: string; silent?: boolean };

/** How one GSI would answer the filter, or why it cannot. */
function indexCandidate(index: SecondaryIndex, parts: Condition[], sort: Sort): Choice {
  const partition = equalityOn(parts, index.partitionKey);
  if (!partition) {
    return { refused: `${index.name} needs an equality on ${index.partitionKey.attribute} (a ${index.partitionKey.type === 'S' ? 'non-empty string' : 'number'})`, silent: true };
  }
  const key: KeyCondition = { partition: { attribute: index.partitionKey.attribute, value: partition.value } };
  let covered: Condition[] = [partition];
  let exclude: Scalar[] = [];
  let order: Candidate['order'] = sort.length > 0 ? 'memory' : 'none';
  let scanIndexForward = true;
  if (index.sortKey) {
    const range = rangeOn(parts, index.sortKey);
    if (!range) {
      return { refused: `${index.name} holds only items with a ${index.sortKey.type === 'S' ? 'string' : 'number'} ${index.sortKey.attribute}; add a condition on ${index.sortKey.attribute} (e.g. {$gte: ${index.sortKey.type === 'S' ? "''" : '-Infinity'}}) to use it` };
    }
    if (range.range) key.range = { attribute: index.sortKey.attribute, ...range.range };
    covered = [...covered, ...range.covered];
    exclude = range.exclude;
    const [first] = sort;
    if (sort.length === 1 && first?.[0] === index.sortKey.attribute) {
      order = 'index';
      scanIndexForward = first[1] === 1;
    }
  }
  const filter = remaining(parts, covered);
  const keyAttributes = [index.partitionKey, ...(index.sortKey ? [index.sortKey] : [])].map((k) => k.attribute);
  if (mentions(filter, keyAttributes)) {
    return { refused: `${index.name} not used: the filter has conditions on ${keyAttributes.join('/')} that a key condition cannot express` };
  }
  const score = (key.range ? 2 : 0) + (order !== 'memory' ? 1 : 0);
  return { index: index.name, key, filter, exclude, order, scanIndexForward, score };
}

function queryPlan(candidate: Candidate, sort: Sort, notes: string[]): Plan {
  if (candidate.order === 'memory') notes.push(`sorted in memory after reading every match: ${candidate.index} is not ordered by ${sort.map(([f]) => f).join(', ')}`);
  const { score: _score, ...plan } = candidate;
  return { operation: 'Query', ...plan, notes };
}

function scanPlan(condition: Condition, sort: Sort, notes: string[], why = 'no index serves this filter and sort'): Plan {
  if (sort.length > 0) notes.push(`sorted in memory after a full Scan: ${why}`);
  return { operation: 'Scan', filter: condition, order: sort.length > 0 ? 'memory' : 'none', notes };
}

/** A read on the table's own key, when the filter fixes the id. */
function tablePlan(parts: Condition[], spec: CollectionSpec): Plan | undefined {
  const idEquality = equalityOn(parts, spec.key);
  if (!idEquality) return undefined;
  if (parts.length === 1) return { operation: 'GetItem', id: idEquality.value as string, notes: [] };
  const idFilter = remaining(parts, [idEquality]);
  if (mentions(idFilter, [spec.key.attribute])) return undefined;
  // At most one item has this id, so the order is moot.
  return {
    operation: 'Query', key: { partition: { attribute: spec.key.attribute, value: idEquality.value } },
    filter: idFilter, exclude: [], order: 'none', scanIndexForward: true, notes: [],
  };
}

/** The plan for an index the user picked; refuses, saying what the filter needs, when it cannot serve it. */
function chosenPlan(choice: string, condition: Condition, parts: Condition[], sort: Sort, spec: CollectionSpec): Plan {
  if (choice === SCAN_INDEX) return scanPlan(condition, sort, ['Scan chosen by the user'], 'a Scan reads in no order');
  if (choice === TABLE_INDEX) {
    const plan = tablePlan(parts, spec);
    if (!plan) throw new AppError('INVALID_QUERY', `The table's key needs an equality on ${spec.key.attribute} (a non-empty string), alone or with conditions on other fields.`, { index: choice });
    return plan;
  }
  const index = spec.indexes.find((i) => i.name === choice);
  if (!index) {
    const names = [TABLE_INDEX, ...spec.indexes.map((i) => i.name), SCAN_INDEX].join(', ');
    throw new AppError('INVALID_QUERY', `${spec.name} has no index ${choice}; choose one of ${names}.`, { index: choice });
  }
  const candidate = indexCandidate(index, parts, sort);
  if ('refused' in candidate) throw new AppError('INVALID_QUERY', `${candidate.refused}.`, { index: choice });
  return queryPlan(candidate, sort, []);
}

/** `index`: the user's choice (FindOptions.index); unset lets the planner pick the best read. */
export function planQuery(condition: Condition, sort: Sort, spec: CollectionSpec, index?: string): Plan {
  const parts = conjuncts(condition);
  if (index !== undefined) return chosenPlan(index, condition, parts, sort, spec);
  const onTable = tablePlan(parts, spec);
  if (onTable) return onTable;

  const notes: string[] = [];
  const candidates: Candidate[] = [];
  for (const gsi of spec.indexes) {
    const choice = indexCandidate(gsi, parts, sort);
    if (!('refused' in choice)) candidates.push(choice);
    else if (!choice.silent) notes.push(choice.refused);
  }
  const best = candidates.sort((a, b) => b.score - a.score)[0];
  return best ? queryPlan(best, sort, notes) : scanPlan(condition, sort, notes);
}
