import { describe, expect, it } from 'vitest';
import type { SourcePort, StoredRecord, TargetPort } from '../adapters/ports';
import { NOTES } from '../adapters/mongodb/restore-document';
import { planRestore } from './plan-restore';

/** A DynamoDB source held in memory: one page per table. */
function memorySource(tables: Record<string, StoredRecord[]>): SourcePort {
  return {
    backend: 'dynamodb', describe: () => 'memory', where: (name) => `T_${name}`,
    async *read(name) {
      const records = tables[name] ?? [];
      if (records.length > 0) yield { records, markAt: (i) => i };
    },
    resumeToken: String, quickCount: async () => 0, exactCount: async () => 0, snapshot: async () => ({ count: 0, at: '' }), readByKeys: async () => [],
  };
}

describe('planRestore (the way back, dry run)', () => {
  it('counts items, lists the ones without a key, and says per field in how many items the type is a guess', async () => {
    const source = memorySource({
      alerts: [
        { id: 'a-1', _id: '65f000000000000000000001', count: 3, timestamp: '2024-05-01T12:00:00.000Z' },
        { id: 'a-2', _id: '65f000000000000000000002', count: 4 },
        { id: 7 },
      ],
    });
    const plan = await planRestore({ source, target: { backend: 'mongodb' } as TargetPort, stateDir: '.' }, ['alerts']);
    expect(plan.totals).toEqual({ items: 3, problemCount: 1 });
    expect(plan.collections[0]).toMatchObject({ collection: 'alerts', source: 'T_alerts', problems: [{ id: '7', code: 'NO_KEY' }] });
    expect(plan.collections[0]!.fields).toEqual([{ path: 'count', note: NOTES.wholeNumber, items: 2 }]);
  });
});
