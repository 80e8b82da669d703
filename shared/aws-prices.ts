import { z } from 'zod';
import { AppError } from './errors';

/**
 * AWS list prices the plan costs a migration with, per region, as data. A dated snapshot:
 * DynamoDB Standard table class figures as published on aws.amazon.com/dynamodb/pricing/
 * (on-demand after AWS's November 2024 cut, which halved write and read request prices;
 * provisioned capacity; storage), ImportTable from the "Import from S3" section, and S3 Standard
 * PUT and storage from aws.amazon.com/s3/pricing/. Written down on 2026-11-29 without network
 * access, from the published figures as known then: check them against the pricing pages before
 * a budget depends on them, and update `PRICES_AS_OF` with them. The least certain figures are
 * ImportTable outside the three US regions (scaled from us-east-1 by the region's write price).
 */
export const PRICES_AS_OF = '2026-11-29';
export const PRICE_SOURCE = 'AWS pricing pages (aws.amazon.com/dynamodb/pricing/, aws.amazon.com/s3/pricing/), a dated snapshot to check';

export const RegionPricesSchema = z.object({
  region: z.string(),
  /** On-demand: one write request unit per started KB of an item, per table and per GSI it lands in. */
  usdPerMillionWrites: z.number().positive(),
  /** On-demand: one read request unit per started 4 KB (strongly consistent; half for eventually consistent). */
  usdPerMillionReads: z.number().positive(),
  /** Storage per GB-month (the first 25 GB of an account are free: not deducted). */
  usdPerGbMonth: z.number().positive(),
  /** Provisioned capacity, per capacity unit and hour (us-east-1: $0.00065 × 730 h = the seed guide's $0.47 per WCU-month). */
  usdPerWcuHour: z.number().positive(),
  usdPerRcuHour: z.number().positive(),
  /** ImportTable: per GB of uncompressed source data. */
  usdPerImportGb: z.number().positive(),
  /** S3 Standard: per 1,000 PUT requests (each multipart part is one), and per GB-month stored. */
  usdPerThousandS3Puts: z.number().positive(),
  usdPerS3GbMonth: z.number().positive(),
});
export type RegionPrices = z.infer<typeof RegionPricesSchema>;

const US = { usdPerMillionWrites: 0.625, usdPerMillionReads: 0.125, usdPerGbMonth: 0.25, usdPerWcuHour: 0.00065, usdPerRcuHour: 0.00013, usdPerImportGb: 0.15, usdPerThousandS3Puts: 0.005, usdPerS3GbMonth: 0.023 };

export const REGION_PRICES: readonly RegionPrices[] = [
  { region: 'us-east-1', ...US },
  { region: 'us-east-2', ...US },
  { region: 'us-west-2', ...US },
  { region: 'eu-west-1', usdPerMillionWrites: 0.7068, usdPerMillionReads: 0.1415, usdPerGbMonth: 0.283, usdPerWcuHour: 0.000735, usdPerRcuHour: 0.0001471, usdPerImportGb: 0.17, usdPerThousandS3Puts: 0.005, usdPerS3GbMonth: 0.023 },
  { region: 'eu-central-1', usdPerMillionWrites: 0.7625, usdPerMillionReads: 0.1525, usdPerGbMonth: 0.306, usdPerWcuHour: 0.000793, usdPerRcuHour: 0.0001586, usdPerImportGb: 0.183, usdPerThousandS3Puts: 0.0054, usdPerS3GbMonth: 0.0245 },
  { region: 'ap-southeast-1', usdPerMillionWrites: 0.7115, usdPerMillionReads: 0.1423, usdPerGbMonth: 0.285, usdPerWcuHour: 0.00074, usdPerRcuHour: 0.000148, usdPerImportGb: 0.171, usdPerThousandS3Puts: 0.005, usdPerS3GbMonth: 0.025 },
  { region: 'ap-northeast-1', usdPerMillionWrites: 0.7135, usdPerMillionReads: 0.1427, usdPerGbMonth: 0.285, usdPerWcuHour: 0.000742, usdPerRcuHour: 0.0001484, usdPerImportGb: 0.171, usdPerThousandS3Puts: 0.0047, usdPerS3GbMonth: 0.025 },
];

export const PRICE_REGIONS = REGION_PRICES.map((p) => p.region);
/** A region the price list has (contract inputs); refused otherwise with the known ones listed. */
export const PriceRegionSchema = z.string().refine((region) => regionPrices(region) !== undefined, { error: (issue) => unknownPriceRegion(String(issue.input)) });
/** Used when neither the user nor the DynamoDB connection names a region with prices (e.g. a local endpoint's). */
export const DEFAULT_PRICE_REGION = 'us-east-1';

export function regionPrices(region: string): RegionPrices | undefined {
  return REGION_PRICES.find((p) => p.region === region);
}

/** The one line an unknown region is refused with. */
export function unknownPriceRegion(region: string): string {
  return `No prices for region "${region}". Known regions: ${PRICE_REGIONS.join(', ')}.`;
}

/**
 * The prices a plan uses: the region asked for, else the connection's when it has prices, else
 * us-east-1; `chosenBy` says which, for the plan to print. An unknown region asked for is refused
 * by the caller (CLI flag, contract schema) before this is reached.
 */
export function pricesFor(asked: string | undefined, connectionRegion: string | undefined): { prices: RegionPrices; chosenBy: string } {
  const askedPrices = asked === undefined ? undefined : regionPrices(asked);
  if (askedPrices) return { prices: askedPrices, chosenBy: 'chosen' };
  if (asked !== undefined) throw new AppError('VALIDATION', unknownPriceRegion(asked));
  const own = connectionRegion === undefined ? undefined : regionPrices(connectionRegion);
  if (own) return { prices: own, chosenBy: "the DynamoDB connection's region" };
  return { prices: regionPrices(DEFAULT_PRICE_REGION)!, chosenBy: `no prices for the connection's region${connectionRegion ? ` ${connectionRegion}` : ''}: ${DEFAULT_PRICE_REGION}` };
}
