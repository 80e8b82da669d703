import type { RegionPrices } from '../../shared/aws-prices';
import { writeCostUsd } from './plan-trust';

/** What the plan measured of one collection. */
export interface PathInput {
  documents: number;
  /** Write request units of the table and of every GSI the items land in. */
  writeUnits: number;
  /** Uncompressed DynamoDB JSON: what ImportTable bills and reads. */
  jsonBytes: number;
  tableExists: boolean;
  /** Direct copy rate (measured or assumed). */
  directDocsPerSecond: number;
  exportDocsPerSecond: number;
  prices: RegionPrices;
}

export interface PathEstimate {
  costUsd: number;
  seconds: number;
}

export interface PathChoice {
  direct: PathEstimate;
  s3: PathEstimate & { available: boolean };
  recommended: 'direct' | 's3';
  why: string;
}

/**
 * ImportTable's duration is not published: a table takes minutes to create and import even
 * when small (assumed 5), then reads at an assumed 20 MB/s of uncompressed data.
 */
export const IMPORT_FIXED_SECONDS = 300;
export const IMPORT_BYTES_PER_SECOND = 20 * 1024 * 1024;
/** Below this saving the cheaper path is not worth a slower one. */
const WORTHWHILE_USD = 1;
const GB = 1024 ** 3;
const S3_UPLOAD_PART_BYTES = 5 * 1024 * 1024;

const usd = (value: number) => `$${value < 0.01 ? value.toFixed(4) : value.toFixed(2)}`;
const duration = (seconds: number) => (seconds < 120 ? `${Math.ceil(seconds)} s` : `${Math.round(seconds / 60)} min`);

export function estimatePaths(input: PathInput): Omit<PathChoice, 'recommended' | 'why'> {
  const { prices } = input;
  const direct = { costUsd: writeCostUsd(input.writeUnits, prices), seconds: input.documents / input.directDocsPerSecond };
  // gzip shrinks DynamoDB JSON about 5 times; PUTs and a month of storage are counted, small as they are.
  const stored = input.jsonBytes / 5;
  const puts = Math.max(1, Math.ceil(stored / S3_UPLOAD_PART_BYTES));
  const s3Cost = (input.jsonBytes / GB) * prices.usdPerImportGb + (puts / 1000) * prices.usdPerThousandS3Puts + (stored / GB) * prices.usdPerS3GbMonth;
  const s3Seconds = input.documents / input.exportDocsPerSecond + IMPORT_FIXED_SECONDS + input.jsonBytes / IMPORT_BYTES_PER_SECOND;
  return { direct, s3: { costUsd: s3Cost, seconds: s3Seconds, available: !input.tableExists } };
}

/** The path to take, and why, in a sentence. */
export function choosePath(input: PathInput): PathChoice {
  const { direct, s3 } = estimatePaths(input);
  const pick = (recommended: 'direct' | 's3', why: string): PathChoice => ({ direct, s3, recommended, why });
  if (!s3.available) return pick('direct', 'the table exists, and ImportTable only creates new tables');
  const saving = direct.costUsd - s3.costUsd;
  if (Math.abs(saving) >= WORTHWHILE_USD) {
    return saving > 0
      ? pick('s3', `S3 + ImportTable costs ${usd(s3.costUsd)} instead of ${usd(direct.costUsd)} in write units`)
      : pick('direct', `the direct copy costs ${usd(direct.costUsd)} instead of ${usd(s3.costUsd)} for the import`);
  }
  return s3.seconds < direct.seconds
    ? pick('s3', `the costs differ by less than ${usd(WORTHWHILE_USD)}, and S3 + ImportTable takes about ${duration(s3.seconds)} instead of ${duration(direct.seconds)}`)
    : pick('direct', `the costs differ by less than ${usd(WORTHWHILE_USD)}, and the direct copy takes about ${duration(direct.seconds)} instead of ${duration(s3.seconds)} (an import takes minutes even when small)`);
}

/** Until an export has been measured, the plan assumes the bulk path's target: 3 times the direct copy. */
export const ASSUMED_EXPORT_SPEEDUP = 3;

/** Index key attributes an item carries: DynamoDB writes it to those GSIs too. */
export function indexesHit(item: Record<string, unknown>, indexes: ReadonlyArray<{ partitionKey: { attribute: string }; sortKey?: { attribute: string } }>): number {
  return indexes.filter((i) => item[i.partitionKey.attribute] !== undefined && (!i.sortKey || item[i.sortKey.attribute] !== undefined)).length;
}
