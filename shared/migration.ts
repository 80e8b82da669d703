import { z } from 'zod';
import { RegionPricesSchema } from './aws-prices';
import { COLLECTION_NAMES } from './catalogue';
import { MigrationProfileSchema } from './migration-profile';

/**
 * The migration engine's inputs and outputs. The engine (electron/migration), the CLI and the
 * console's contract all use these schemas; values inside documents are in wire form
 * (see electron/adapters/wire-value.ts), so every result here is plain JSON.
 */

export const CollectionNameSchema = z.string().refine((name) => COLLECTION_NAMES.includes(name), {
  message: `not one of the Alert Whisperer collections (${COLLECTION_NAMES.join(', ')})`,
});

export const MigrationOptionsSchema = z.object({
  /** Empty means all 13 collections. */
  collections: z.array(CollectionNameSchema).default([]),
  /**
   * Batches of 25 (BatchWriteItem's limit) in flight at once, fixed. Absent: the engine finds its
   * own (adaptive, from 4, between 1 and 32) and reports what it chose in `concurrency` of progress.
   */
  concurrency: z.number().int().min(1).max(32).optional(),
  /** Continue from the saved checkpoint instead of starting over. */
  resume: z.boolean().default(false),
  /** direct: item by item; s3: export to S3, then ImportTable (new tables only). */
  via: z.enum(['direct', 's3']).default('direct'),
  /** For `via: 's3'`: the bucket, and the key prefix the parts go under. */
  bucket: z.string().min(3).max(63).optional(),
  s3Prefix: z.string().max(512).default(''),
  /** The DBA's fix rules (shared/migration-profile.ts); without one, unmigratable documents are skipped and logged. */
  profile: MigrationProfileSchema.optional(),
});
export type MigrationOptions = z.infer<typeof MigrationOptionsSchema>;

export const DocumentProblemSchema = z.object({
  collection: z.string(),
  /** The document's key (`id`, else the string of `_id`), or `_id` when it has no usable key. */
  id: z.string(),
  code: z.enum(['ITEM_TOO_LARGE', 'NO_KEY', 'UNSUPPORTED_VALUE', 'WRITE_FAILED', 'DUPLICATE_KEY']),
  reason: z.string(),
});
export type DocumentProblem = z.infer<typeof DocumentProblemSchema>;

/** What one fix rule does to a collection, before anything is written: how many documents, and examples. */
export const RuleEffectSchema = z.object({
  /** `<problem kind>:<fix>`, e.g. `regex:map` (shared/migration-profile.ts). */
  rule: z.string(),
  documents: z.number().int().nonnegative(),
  /** The first few: the document's key, the path changed, its value before → after. */
  examples: z.array(z.object({ id: z.string(), path: z.string(), before: z.string(), after: z.string() })),
});
export type RuleEffect = z.infer<typeof RuleEffectSchema>;

export const CollectionPlanSchema = z.object({
  collection: z.string(),
  table: z.string(),
  tableExists: z.boolean(),
  /** Items the target table already holds (DynamoDB's estimate): a migration overwrites those it shares a key with. */
  tableItems: z.number().int().nonnegative().optional(),
  documents: z.number().int().nonnegative(),
  averageBytes: z.number().nonnegative(),
  largestBytes: z.number().nonnegative(),
  /** Documents that cannot be written, and why (the first 100; `problemCount` has them all). */
  problems: z.array(DocumentProblemSchema),
  problemCount: z.number().int().nonnegative(),
  /** Item sizes as DynamoDB counts them (attribute names + values), after the fix rules. */
  itemBytes: z.object({ average: z.number().nonnegative(), largest: z.number().nonnegative() }).optional(),
  /** Storage at `MigrationPlan.prices`: items + 100 bytes each, in the table and each GSI they land in. */
  monthlyStorageUsd: z.number().nonnegative().optional(),
  /** The seed guide's provisioned alternative: write capacity to finish in `estimatedSeconds`, by the started hour. */
  provisioned: z.object({ writeCapacityUnits: z.number().int().nonnegative(), costUsd: z.number().nonnegative() }).optional(),
  /** What the dry run found in an existing table: its key, GSIs and items (empty when it does not exist or fits). */
  tableCheck: z.array(z.string()).optional(),
  /** The profile's rules that change documents of this collection (absent without a profile). */
  ruleEffects: z.array(RuleEffectSchema).optional(),
  /** One write request unit per started KB of each item. */
  writeUnits: z.number().int().nonnegative(),
  /** On-demand writes at `MigrationPlan.prices`, for the table and each GSI an item lands in (`paths.writeUnitsWithIndexes`). */
  estimatedCostUsd: z.number().nonnegative(),
  estimatedSeconds: z.number().nonnegative(),
  /** Direct copy against S3 + ImportTable, at the prices of `MigrationPlan.prices`. */
  paths: z.object({
    /** Uncompressed DynamoDB JSON: what ImportTable bills. */
    jsonBytes: z.number().nonnegative(),
    /** Write units of the table and of the GSIs the items land in. */
    writeUnitsWithIndexes: z.number().int().nonnegative(),
    direct: z.object({ costUsd: z.number().nonnegative(), seconds: z.number().nonnegative() }),
    s3: z.object({ costUsd: z.number().nonnegative(), seconds: z.number().nonnegative(), available: z.boolean() }),
    recommended: z.enum(['direct', 's3']),
    why: z.string(),
  }).optional(),
});
export type CollectionPlan = z.infer<typeof CollectionPlanSchema>;

/** What the target's capacity admits and what a bulk load can buy instead (electron/migration/capacity-plan.ts). */
export const CapacityPlanSchema = z.object({
  pricesAsOf: z.string(),
  /** Writes per second a new on-demand table sustains before it has scaled. */
  onDemandInitialWcu: z.number().int().positive(),
  /** The plan's rate capped by what a fresh on-demand table admits. */
  expectedDocsPerSecond: z.number().nonnegative(),
  limitedBy: z.enum(['engine', 'table capacity']),
  onDemandCostUsd: z.number().nonnegative(),
  /** Provisioned for the load's full rate, for the hours it takes (then back to on-demand). */
  provisioned: z.object({ wcu: z.number().int().nonnegative(), hours: z.number().int().positive(), costUsd: z.number().nonnegative() }),
  /** Warm throughput to ask for on an on-demand table, when the initial one is below the load's rate. */
  warmThroughputWcu: z.number().int().positive().optional(),
});
export type CapacityPlan = z.infer<typeof CapacityPlanSchema>;

export const MigrationPlanSchema = z.object({
  collections: z.array(CollectionPlanSchema),
  totals: z.object({
    documents: z.number().int().nonnegative(),
    problemCount: z.number().int().nonnegative(),
    writeUnits: z.number().int().nonnegative(),
    estimatedCostUsd: z.number().nonnegative(),
    estimatedSeconds: z.number().nonnegative(),
  }),
  /** Documents per second the estimate assumes, and where that figure comes from. */
  rate: z.object({ docsPerSecond: z.number().positive(), source: z.string() }),
  /**
   * The region prices every cost of the plan uses (shared/aws-prices.ts), their date and source,
   * and why this region (asked for, the connection's, or the fallback).
   */
  prices: RegionPricesSchema.extend({ asOf: z.string(), source: z.string(), chosenBy: z.string() }),
  capacity: CapacityPlanSchema.optional(),
});
export type MigrationPlan = z.infer<typeof MigrationPlanSchema>;

export const CollectionStateSchema = z.enum(['pending', 'running', 'paused', 'done', 'failed', 'cancelled']);

export const CollectionProgressSchema = z.object({
  collection: z.string(),
  state: CollectionStateSchema,
  total: z.number().int().nonnegative(),
  read: z.number().int().nonnegative(),
  written: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  /** While it runs: its own rate, and its ETA once the rate means something (null before). */
  docsPerSecond: z.number().nonnegative().optional(),
  etaSeconds: z.number().nonnegative().nullable().optional(),
});
export type CollectionProgress = z.infer<typeof CollectionProgressSchema>;

export const JobStateSchema = z.enum(['running', 'paused', 'cancelled', 'completed', 'failed']);
export type JobState = z.infer<typeof JobStateSchema>;

export const ConcurrencyReportSchema = z.object({
  mode: z.enum(['adaptive', 'fixed']),
  /** Batches in flight the engine allows now (the last it chose, once the job has ended). */
  current: z.number().int().positive(),
  /** The most it allowed during the run. */
  peak: z.number().int().positive(),
});
export type ConcurrencyReport = z.infer<typeof ConcurrencyReportSchema>;

export const MigrationProgressSchema = z.object({
  jobId: z.string(),
  state: JobStateSchema,
  collections: z.array(CollectionProgressSchema),
  overall: z.object({
    total: z.number().int().nonnegative(),
    read: z.number().int().nonnegative(),
    written: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
    docsPerSecond: z.number().nonnegative(),
    /** Null until a rate is known. */
    etaSeconds: z.number().nonnegative().nullable(),
    /** True while the run has not yet written enough to measure a rate (the source prepares its first batches). */
    preparing: z.boolean().optional(),
  }),
  elapsedMs: z.number().nonnegative(),
  /** The bulk path's steps (export to S3, then ImportTable); absent for the direct copy. */
  stage: z.enum(['export', 'import']).optional(),
  /** Batches in flight: fixed by the user, or what the engine chose. */
  concurrency: ConcurrencyReportSchema.optional(),
  /** Set when the job failed as a whole (e.g. the target became unreachable). */
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type MigrationProgress = z.infer<typeof MigrationProgressSchema>;

export const MigrationSummarySchema = MigrationProgressSchema.extend({
  failures: z.array(DocumentProblemSchema),
});
export type MigrationSummary = z.infer<typeof MigrationSummarySchema>;

export const VerifyOptionsSchema = z.object({
  collections: z.array(CollectionNameSchema).default([]),
  /** Compare a random sample of this many documents per collection instead of all of them. */
  sample: z.number().int().positive().optional(),
  /** Counts only (the seed's check), no content comparison. */
  countsOnly: z.boolean().default(false),
  /** The profile the migration ran with: items are compared with what its rules produce. */
  profile: MigrationProfileSchema.optional(),
});
export type VerifyOptions = z.infer<typeof VerifyOptionsSchema>;

export const FieldDifferenceSchema = z.object({
  /** Dotted path, array indexes included: `tags.2`, `details.host`. */
  path: z.string(),
  /** Absent on one side: the key is missing there. Values are in wire form. */
  source: z.unknown().optional(),
  target: z.unknown().optional(),
});
export type FieldDifference = z.infer<typeof FieldDifferenceSchema>;

export const CollectionVerifySchema = z.object({
  collection: z.string(),
  table: z.string(),
  sourceCount: z.number().int().nonnegative(),
  targetCount: z.number().int().nonnegative(),
  countsMatch: z.boolean(),
  /** Present when contents were compared. */
  content: z.object({
    compared: z.number().int().nonnegative(),
    sampled: z.boolean(),
    /** Source documents that could never be migrated (too large, no key): known, not lost. */
    unmigratable: z.array(DocumentProblemSchema),
    missing: z.array(z.string()),
    extra: z.array(z.string()),
    different: z.array(z.object({ id: z.string(), differences: z.array(FieldDifferenceSchema) })),
    /** Items equal to what a fix rule made of their document, per rule: changed on purpose, not differences. */
    ruleChanged: z.record(z.string(), z.number().int().nonnegative()).optional(),
  }).optional(),
  ok: z.boolean(),
});
export type CollectionVerify = z.infer<typeof CollectionVerifySchema>;

export const VerifyResultSchema = z.object({
  collections: z.array(CollectionVerifySchema),
  ok: z.boolean(),
});
export type VerifyResult = z.infer<typeof VerifyResultSchema>;
