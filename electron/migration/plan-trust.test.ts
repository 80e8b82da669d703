import { describe, expect, it } from 'vitest';
import { collectionSpec } from '../../shared/catalogue';
import { checkExistingTable, monthlyStorageUsd, provisionedAlternative, storedBytes } from './plan-trust';

const alerts = collectionSpec('alerts')!;

describe('plan figures', () => {
  it('provisioned: capacity to write every unit in the estimated time, by the started hour, at $0.47 per WCU-month', () => {
    expect(provisionedAlternative(0, 10)).toEqual({ writeCapacityUnits: 0, costUsd: 0 });
    const short = provisionedAlternative(3000, 10);
    expect(short.writeCapacityUnits).toBe(300);
    expect(short.costUsd).toBeCloseTo(300 * 0.47 / 730, 10);
    expect(provisionedAlternative(7_200_000, 7200).costUsd).toBeCloseTo(1000 * 2 * 0.47 / 730, 10);
  });

  it('storage: item + 100 bytes, once in the table and once per GSI, at $0.25 per GB-month', () => {
    expect(storedBytes(900, 2)).toBe(3000);
    expect(monthlyStorageUsd(1024 ** 3)).toBeCloseTo(0.25, 10);
  });

  it('existing tables: a wrong key, missing and unknown GSIs, items already there', () => {
    expect(checkExistingTable(alerts, {
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      GlobalSecondaryIndexes: [{ IndexName: 'company-timestamp-index' }, { IndexName: 'status-index' }], ItemCount: 0,
    })).toEqual([]);
    expect(checkExistingTable(alerts, {
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      GlobalSecondaryIndexes: [{ IndexName: 'status-index' }, { IndexName: 'by-user' }], ItemCount: 42,
    })).toEqual([
      'key is pk (HASH), not id (String): the migration will refuse this table',
      'GSI company-timestamp-index missing: the migration adds it first',
      'GSI by-user not in the catalogue: writes to it are not counted in the cost',
      'holds about 42 items: those sharing a key with a document are overwritten',
    ]);
  });
});
