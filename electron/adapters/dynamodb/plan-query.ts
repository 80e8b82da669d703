import type { CollectionSpec, IndexKey } from '../../../shared/catalogue';
import type { ComparisonOp, Condition, Scalar, Sort } from '../../../shared/query';

/**
 * Chooses how DynamoDB answers a filter: GetItem for `{id: x}`, Query on the table or a GSI
 * when the filter fixes that index's partition key, Scan otherwise. Pure: no I/O.
 *
 * An index is used only when the filter guarantees every item that matches is in it: a GSI
 * holds only items that have its key attributes with the declared types, so
 * `company-timestamp-index` serves `{company_id: X}` only together with a string condition on
 * `timestamp` (e.g. `{$gte: ''}`), otherwise items without a timestamp would be silently missed.
 */

export type RangeCondition =
  | { op: 'eq' | 'gt' | 'gte' | 'lt' | 'lte'; value: Scalar }
  | { op: 'between'; low: Scalar; high: Scalar };

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
  return key.type === 'S' ? typeof value === 'string' : typeof value === 'number';
}

type Compare = Extract<Condition, { kind: 'compare' }>;

function equalityOn(parts: Condition[], key: IndexKey): Compare | undefined {
  return parts.find((c): c is Compare => c.kind === 'compare' && c.op === 'eq' && c.field === key.attribute && matchesType(c.value, key));
}

const LOWER: ComparisonOp[] = ['gt', 'gte'];
const UPPER: ComparisonOp[] = ['lt', 'lte'];

/**
 * The tightest key condition on a sort key from the filter's conditions on it. A strict bound
 * paired with another bound becomes an inclusive BETWEEN, and the strict condition stays in the
 * filter: one extra item read at the edge instead of reading the rest of the partition.
 */
function rangeOn(parts: Condition[], key: IndexKey): { range: RangeCondition; covered: Compare[] } | undefined {
  const usable = parts.filter((c): c is Compare => c.kind === 'compare' && c.field === key.attribute && c.op !== 'ne' && matchesType(c.value, key));
  const eq = usable.find((c) => c.op === 'eq');
  if (eq) return { range: { op: 'eq', value: eq.value }, covered: [eq] };
  const low = usable.find((c) => LOWER.includes(c.op));
  const high = usable.find((c) => UPPER.includes(c.op));
  if (low && high && !inverted(low.value, high.value)) {
    const exact = [low, high].filter((c) => c.op === 'gte' || c.op === 'lte');
    return { range: { op: 'between', low: low.value, high: high.value }, covered: exact };
  }
  const one = low ?? high;
  return one ? { range: { op: one.op as 'gt' | 'gte' | 'lt' | 'lte', value: one.value }, covered: [one] } : undefined;
}

/** DynamoDB refuses a BETWEEN whose bounds are inverted; such a range simply matches nothing. */
function inverted(low: Scalar, high: Scalar): boolean {
  if (typeof low === 'string' && typeof high === 'string') return Buffer.compare(Buffer.from(low), Buffer.from(high)) > 0;
  return typeof low === 'number' && typeof high === 'number' && low > high;
}

function remaining(parts: Condition[], covered: Condition[]): Condition {
  return { kind: 'and', conditions: parts.filter((c) => !covered.includes(c)) };
}

interface Candidate {
  index?: string;
  key: KeyCondition;
  covered: Condition[];
  order: 'none' | 'index' | 'memory';
  scanIndexForward: boolean;
  score: number;
}

export function planQuery(condition: Condition, sort: Sort, spec: CollectionSpec): Plan {
  const parts = conjuncts(condition);
  const idEquality = equalityOn(parts, spec.key);
  if (idEquality && parts.length === 1) return { operation: 'GetItem', id: idEquality.value as string, notes: [] };
  const notes: string[] = [];
  if (idEquality) {
    // At most one item has this id, so the order is moot.
    return {
      operation: 'Query', key: { partition: { attribute: spec.key.attribute, value: idEquality.value } },
      filter: remaining(parts, [idEquality]), order: 'none', scanIndexForward: true, notes,
    };
  }

  const candidates: Candidate[] = [];
  for (const index of spec.indexes) {
    const partition = equalityOn(parts, index.partitionKey);
    if (!partition) continue;
    const key: KeyCondition = { partition: { attribute: index.partitionKey.attribute, value: partition.value } };
    let covered: Condition[] = [partition];
    let order: Candidate['order'] = sort.length > 0 ? 'memory' : 'none';
    let scanIndexForward = true;
    if (index.sortKey) {
      const range = rangeOn(parts, index.sortKey);
      if (!range) {
        notes.push(`${index.name} holds only items with a ${index.sortKey.type === 'S' ? 'string' : 'number'} ${index.sortKey.attribute}; add a condition on ${index.sortKey.attribute} (e.g. {$gte: ${index.sortKey.type === 'S' ? "''" : '-Infinity'}}) to use it`);
        continue;
      }
      key.range = { attribute: index.sortKey.attribute, ...range.range };
      covered = [...covered, ...range.covered];
      const [first] = sort;
      if (sort.length === 1 && first?.[0] === index.sortKey.attribute) {
        order = 'index';
        scanIndexForward = first[1] === 1;
      }
    }
    const score = (key.range ? 2 : 0) + (order !== 'memory' ? 1 : 0);
    candidates.push({ index: index.name, key, covered, order, scanIndexForward, score });
  }
  const best = candidates.sort((a, b) => b.score - a.score)[0];
  if (best) {
    if (best.order === 'memory') notes.push(`sorted in memory after reading every match: ${best.index} is not ordered by ${sort.map(([f]) => f).join(', ')}`);
    return {
      operation: 'Query', index: best.index, key: best.key, filter: remaining(parts, best.covered),
      order: best.order, scanIndexForward: best.scanIndexForward, notes,
    };
  }
  if (sort.length > 0) notes.push('sorted in memory after a full Scan: no index serves this filter and sort');
  return { operation: 'Scan', filter: condition, order: sort.length > 0 ? 'memory' : 'none', notes };
}
