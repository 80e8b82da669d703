import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../../../shared/query';
import { EMPTY_QUICK_FILTER, quickFilterToFilter } from './quick-filter';

describe('quick filters', () => {
  it('build a filter that fixes the index keys', () => {
    const filter = quickFilterToFilter('alerts', { ...EMPTY_QUICK_FILTER, company: ' comp-1 ', severity: 'high', from: '2025-01-01T00:00' });
    expect(filter).toEqual({ company_id: 'comp-1', severity: 'high', timestamp: { $gte: { $date: new Date('2025-01-01T00:00').toISOString() } } });
    expect(parseFilter(filter)).toMatchObject({ conditions: [{}, {}, { op: 'gte', value: { type: 'date' } }] });
    expect(() => parseFilter(filter)).not.toThrow();
  });
  it('use created_at on incidents and nothing when empty', () => {
    expect(quickFilterToFilter('incidents', { ...EMPTY_QUICK_FILTER, to: '2025-02-01T00:00' })).toHaveProperty('created_at.$lte');
    expect(quickFilterToFilter('alerts', EMPTY_QUICK_FILTER)).toEqual({});
  });
});
