import { describe, expect, it } from 'vitest';
import { collectionSpec } from '../../../shared/catalogue';
import type { Sort } from '../../../shared/query';
import { parseItemFilter } from './item-scalar';
import { planQuery } from './plan-query';

const alerts = collectionSpec('alerts')!;
const plan = (filter: Record<string, unknown>, sort: Sort = [], index?: string) => planQuery(parseItemFilter(filter), sort, alerts, index);

describe('planQuery', () => {
  it('uses GetItem for an id equality alone', () => {
    expect(plan({ id: 'a-1' })).toEqual({ operation: 'GetItem', id: 'a-1', notes: [] });
  });

  it('uses a Query on the table key when the id comes with other conditions', () => {
    expect(plan({ id: 'a-1', severity: 'high' })).toMatchObject({
      operation: 'Query', key: { partition: { attribute: 'id', value: 'a-1' } },
      filter: { kind: 'and', conditions: [{ kind: 'compare', field: 'severity', op: 'eq', value: 'high' }] },
    });
  });

  it('serves a Date range (the last 24 hours) with company-timestamp-index, as the ISO strings a migration writes', () => {
    const p = plan({ company_id: 'c1', timestamp: { $gte: { $date: '2026-03-04T05:06:07Z' }, $lte: { $date: { $numberLong: '1772679967089' } } } }, [['timestamp', -1]]);
    expect(p).toMatchObject({
      operation: 'Query', index: 'company-timestamp-index', order: 'index', scanIndexForward: false,
      key: { range: { attribute: 'timestamp', op: 'between', low: '2026-03-04T05:06:07.000Z', high: new Date(1772679967089).toISOString() } },
    });
  });

  it('turns an anchored literal $regex on the sort key into a begins_with key condition', () => {
    expect(plan({ company_id: 'c1', timestamp: { $regex: '^2026-03' } })).toMatchObject({
      operation: 'Query', index: 'company-timestamp-index', key: { range: { attribute: 'timestamp', op: 'begins_with', value: '2026-03' } },
      filter: { kind: 'and', conditions: [] },
    });
  });

  it('does not use the key for an id of the wrong type', () => {
    expect(plan({ id: 5 }).operation).toBe('Scan');
  });

  it('uses company-timestamp-index for a company and a timestamp range, as BETWEEN dropping the strict bound itself', () => {
    const p = plan({ company_id: 'c1', timestamp: { $gte: '2026-01-01', $lt: '2026-02-01' } });
    expect(p).toMatchObject({
      operation: 'Query', index: 'company-timestamp-index',
      key: { partition: { attribute: 'company_id', value: 'c1' }, range: { attribute: 'timestamp', op: 'between', low: '2026-01-01', high: '2026-02-01' } },
      filter: { kind: 'and', conditions: [] }, exclude: ['2026-02-01'], order: 'none',
    });
  });

  it('drops both bounds from the filter when BETWEEN covers them exactly', () => {
    const p = plan({ company_id: 'c1', timestamp: { $gte: 'a', $lte: 'b' } });
    expect(p).toMatchObject({ operation: 'Query', filter: { kind: 'and', conditions: [] } });
  });

  it('uses a single bound as the key condition', () => {
    expect(plan({ company_id: 'c1', timestamp: { $gt: 'a' } })).toMatchObject({ key: { range: { op: 'gt', value: 'a' } }, filter: { conditions: [] } });
  });

  it('scans for an inverted range rather than put a key attribute in a FilterExpression', () => {
    const p = plan({ company_id: 'c1', timestamp: { $gte: 'b', $lte: 'a' } });
    expect(p.operation).toBe('Scan');
    expect(p.notes.join()).toMatch(/company-timestamp-index not used/);
  });

  it('does not query an index whose key the rest of the filter names', () => {
    expect(plan({ status: 'open', $or: [{ status: 'x' }, { severity: 'high' }] }).operation).toBe('Scan');
  });

  it('treats >= "" on a string sort key as "has one": the index without a range', () => {
    const p = plan({ company_id: 'c1', timestamp: { $gte: '' } });
    expect(p).toMatchObject({ operation: 'Query', index: 'company-timestamp-index', filter: { conditions: [] } });
    expect(p.operation === 'Query' && p.key.range).toBeUndefined();
  });

  it('answers a sort on the sort key with the index order', () => {
    expect(plan({ company_id: 'c1', timestamp: { $gte: '' } }, [['timestamp', -1]])).toMatchObject({ operation: 'Query', order: 'index', scanIndexForward: false });
  });

  it('uses status-index for a status equality, sorting in memory when asked to', () => {
    expect(plan({ status: 'open' })).toMatchObject({ operation: 'Query', index: 'status-index', order: 'none', filter: { conditions: [] } });
    const sorted = plan({ status: 'open' }, [['timestamp', 1]]);
    expect(sorted).toMatchObject({ operation: 'Query', index: 'status-index', order: 'memory' });
    expect(sorted.notes.join()).toMatch(/sorted in memory/);
  });

  it('prefers the index with a range condition when several fit', () => {
    expect(plan({ status: 'open', company_id: 'c1', timestamp: { $lt: 'z' } })).toMatchObject({
      index: 'company-timestamp-index', filter: { conditions: [{ field: 'status' }] },
    });
  });

  it('does not use a GSI whose sort key the filter does not require (the item could be missing from it)', () => {
    const p = plan({ company_id: 'c1' });
    expect(p.operation).toBe('Scan');
    expect(p.notes.join()).toMatch(/company-timestamp-index holds only items with a string timestamp/);
  });

  it('falls back to Scan for a non-key attribute, an $or, or a non-equality on a key', () => {
    expect(plan({ severity: 'high' })).toMatchObject({ operation: 'Scan', order: 'none' });
    expect(plan({ $or: [{ status: 'a' }, { status: 'b' }] }).operation).toBe('Scan');
    expect(plan({ status: { $ne: 'a' } }).operation).toBe('Scan');
    expect(plan({ status: 5 }).operation).toBe('Scan');
  });

  it('says when a Scan with a sort reads everything', () => {
    expect(plan({ severity: 'high' }, [['timestamp', 1]])).toMatchObject({ operation: 'Scan', order: 'memory' });
  });

  it('uses an index fixed inside a top-level $and', () => {
    expect(plan({ $and: [{ status: 'open' }, { severity: 'high' }] })).toMatchObject({ operation: 'Query', index: 'status-index' });
  });

  describe('with an index picked by the user', () => {
    it('forces a Scan even when an index would serve the filter', () => {
      expect(plan({ status: 'open' }, [], 'scan')).toMatchObject({ operation: 'Scan', order: 'none', notes: ['Scan chosen by the user'] });
      expect(plan({ id: 'a-1' }, [['timestamp', 1]], 'scan')).toMatchObject({ operation: 'Scan', order: 'memory', notes: ['Scan chosen by the user', 'sorted in memory after a full Scan: a Scan reads in no order'] });
    });

    it('queries the picked GSI over the one the planner prefers', () => {
      const p = plan({ status: 'open', company_id: 'c1', timestamp: { $lt: 'z' } }, [], 'status-index');
      expect(p).toMatchObject({ operation: 'Query', index: 'status-index', key: { partition: { attribute: 'status', value: 'open' } } });
      expect(p.operation === 'Query' && p.filter.kind === 'and' && p.filter.conditions.map((c) => c.kind === 'compare' && c.field)).toEqual(['company_id', 'timestamp']);
    });

    it('refuses a GSI without an equality on its partition key, naming the attribute', () => {
      expect(() => plan({ severity: 'high' }, [], 'status-index')).toThrow(expect.objectContaining({ code: 'INVALID_QUERY', message: expect.stringMatching(/^status-index needs an equality on status/) }));
      expect(() => plan({ status: { $ne: 'open' } }, [], 'status-index')).toThrow(/status-index needs an equality on status/);
    });

    it('refuses company-timestamp-index without a timestamp condition, saying which to add', () => {
      expect(() => plan({ company_id: 'c1' }, [], 'company-timestamp-index')).toThrow(/add a condition on timestamp/);
      expect(plan({ company_id: 'c1', timestamp: { $gte: '' } }, [], 'company-timestamp-index')).toMatchObject({ operation: 'Query', index: 'company-timestamp-index' });
    });

    it('reads the table key for "table": GetItem or Query on id, refused without an id', () => {
      expect(plan({ id: 'a-1' }, [], 'table')).toMatchObject({ operation: 'GetItem', id: 'a-1' });
      expect(plan({ id: 'a-1', status: 'open' }, [], 'table')).toMatchObject({ operation: 'Query', key: { partition: { attribute: 'id' } } });
      expect(plan({ id: 'a-1', status: 'open' }, [], 'table')).not.toHaveProperty('index');
      expect(() => plan({ status: 'open' }, [], 'table')).toThrow(/table's key needs an equality on id/);
    });

    it('refuses an index the collection does not have, listing the ones it has', () => {
      expect(() => plan({ status: 'open' }, [], 'severity-index')).toThrow(/alerts has no index severity-index; choose one of table, company-timestamp-index, status-index, scan/);
      expect(() => planQuery(parseItemFilter({ status: 'open' }), [], collectionSpec('users')!, 'status-index')).toThrow(/users has no index status-index/);
    });
  });
});
