import { describe, expect, it } from 'vitest';
import { referencesOf } from './references';

describe('referencesOf', () => {
  it('links ids to their collections, one per id of a list, and skips nulls', () => {
    expect(referencesOf({ id: 'a', company_id: 'comp-1', incident_id: null, runbook_id: 'rb-2', alert_ids: ['x', 'y', 3] })).toEqual([
      { field: 'company_id', collection: 'companies', id: 'comp-1' },
      { field: 'runbook_id', collection: 'runbooks', id: 'rb-2' },
      { field: 'alert_ids', collection: 'alerts', id: 'x' },
      { field: 'alert_ids', collection: 'alerts', id: 'y' },
    ]);
  });
});
