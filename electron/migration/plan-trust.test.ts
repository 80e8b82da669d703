import { describe, expect, it } from 'vitest';
import { collectionSpec } from '../../shared/catalogue';
import { regionPrices } from '../../shared/aws-prices';
import { checkExistingTable, monthlyStorageUsd, provisionedAlternative, storedBytes, writeCostUsd } from './plan-trust';

const alerts = collectionSpec('alerts')!;
const usEast1 = regionPrices('us-east-1')!;
const ireland = regionPrices('eu-west-1')!;

describe('plan figures', () => {
  it('provisioned: capacity to write every unit in the estimated time, by the started hour, at the region\'s WCU-hour', () => {
    expect(provisionedAlternative(0, 10, usEast1)).toEqual({ writeCapacityUnits: 0, costUsd: 0 });
    const short = provisionedAlternative(3000, 10, usEast1);
    expect(short.writeCapacityUnits).toBe(300);
    expect(short.costUsd).toBeCloseTo(300 * 0.00065, 10);
    expect(provisionedAlternative(7_200_000, 7200, usEast1).costUsd).toBeCloseTo(1000 * 2 * 0.00065, 10);
    expect(provisionedAlternative(7_200_000, 7200, ireland).costUsd).toBeCloseTo(1000 * 2 * 0.000735, 10);
    // us-east-1's hourly price is the seed guide's $0.47 per WCU-month (730 hours).
    expect(usEast1.usdPerWcuHour * 730).toBeCloseTo(0.47, 2);
  });

  it('storage: item + 100 bytes, once in the table and once per GSI, at the region\'s GB-month', () => {
    expect(storedBytes(900, 2)).toBe(3000);
    expect(monthlyStorageUsd(1024 ** 3, usEast1)).toBeCloseTo(0.25, 10);
    expect(monthlyStorageUsd(2 * 1024 ** 3, ireland)).toBeCloseTo(0.566, 10);
  });

  it('on-demand writes: per million write units at the region\'s price, not the seed guide\'s old $1.25', () => {
    expect(writeCostUsd(1_000_000, usEast1)).toBeCloseTo(0.625, 10);
    expect(writeCostUsd(3_000_000, regionPrices('ap-northeast-1')!)).toBeCloseTo(3 * 0.7135, 10);
    expect(writeCostUsd(0, usEast1)).toBe(0);
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
