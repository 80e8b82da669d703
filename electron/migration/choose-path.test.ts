import { describe, expect, it } from 'vitest';
import { AWS_PRICES } from './aws-prices';
import { choosePath, IMPORT_FIXED_SECONDS } from './choose-path';

const base = { documents: 0, writeUnits: 0, jsonBytes: 0, tableExists: false, directDocsPerSecond: 2000, exportDocsPerSecond: 20_000 };
// A large collection: 50 million 2 KB items with one GSI (2 units per table and per index).
const large = { ...base, documents: 50_000_000, writeUnits: 50_000_000 * 2 * 2, jsonBytes: 50_000_000 * 2600 };

describe('choosePath', () => {
  it('recommends the direct copy for a small collection: same cost to the cent, and an import takes minutes', () => {
    const choice = choosePath({ ...base, documents: 1250, writeUnits: 2500, jsonBytes: 1250 * 900 });
    expect(choice.recommended).toBe('direct');
    expect(choice.s3.seconds).toBeGreaterThan(IMPORT_FIXED_SECONDS);
    expect(choice.why).toContain('takes about');
  });

  it('recommends S3 + ImportTable when it saves write units on a large collection', () => {
    const choice = choosePath(large);
    expect(choice.direct.costUsd).toBeCloseTo(200_000_000 * AWS_PRICES.usdPerWriteUnit, 6);
    expect(choice.s3.costUsd).toBeLessThan(choice.direct.costUsd);
    expect(choice.recommended).toBe('s3');
    expect(choice.why).toMatch(/costs \$[\d.]+ instead of \$125\.00/);
  });

  it('never recommends ImportTable into an existing table, and says why', () => {
    const choice = choosePath({ ...large, tableExists: true });
    expect(choice.recommended).toBe('direct');
    expect(choice.s3.available).toBe(false);
    expect(choice.why).toContain('ImportTable only creates new tables');
  });

  it('prices the import per GB of uncompressed data', () => {
    const gb = 1024 ** 3;
    const choice = choosePath({ ...base, documents: 1, writeUnits: 1, jsonBytes: 10 * gb });
    expect(choice.s3.costUsd).toBeGreaterThanOrEqual(10 * AWS_PRICES.usdPerImportGb);
    expect(choice.s3.costUsd).toBeLessThan(10 * AWS_PRICES.usdPerImportGb + 0.1);
  });
});
