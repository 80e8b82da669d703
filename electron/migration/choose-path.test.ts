import { describe, expect, it } from 'vitest';
import { regionPrices } from '../../shared/aws-prices';
import { choosePath, IMPORT_FIXED_SECONDS } from './choose-path';

const usEast1 = regionPrices('us-east-1')!;
const base = { documents: 0, writeUnits: 0, jsonBytes: 0, tableExists: false, directDocsPerSecond: 2000, exportDocsPerSecond: 20_000, prices: usEast1 };
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
    expect(choice.direct.costUsd).toBeCloseTo(200_000_000 * 0.625e-6, 6);
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
    expect(choice.s3.costUsd).toBeGreaterThanOrEqual(10 * usEast1.usdPerImportGb);
    expect(choice.s3.costUsd).toBeLessThan(10 * usEast1.usdPerImportGb + 0.1);
  });

  it('costs both paths at the chosen region\'s prices', () => {
    const frankfurt = choosePath({ ...large, prices: regionPrices('eu-central-1')! });
    expect(frankfurt.direct.costUsd).toBeCloseTo(200_000_000 * 0.7625e-6, 6);
    const gb = 1024 ** 3;
    // Import per GB, one S3 PUT per 5 MB part of the gzip-compressed fifth, a month of its storage.
    const stored = (50_000_000 * 2600) / 5;
    const expected = (50_000_000 * 2600 / gb) * 0.183 + Math.ceil(stored / (5 * 1024 * 1024)) * 0.0054 / 1000 + (stored / gb) * 0.0245;
    expect(frankfurt.s3.costUsd).toBeCloseTo(expected, 6);
    expect(frankfurt.why).toMatch(/instead of \$152\.50/);
  });
});
