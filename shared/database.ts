import { z } from 'zod';
import { BackendSchema } from './backends';

/** What a `find` did, so the console can show it: GetItem, Query on an index, or Scan. */
export const QueryPlanSchema = z.object({
  backend: BackendSchema,
  operation: z.enum(['GetItem', 'Query', 'Scan', 'Find']),
  /** The table or collection read. */
  target: z.string(),
  /** The GSI or MongoDB index used, when one was. */
  index: z.string().optional(),
  itemsScanned: z.number().int().nonnegative().optional(),
  itemsReturned: z.number().int().nonnegative(),
  consumedCapacity: z.number().nonnegative().optional(),
  /** True when an honest answer needed the whole table (e.g. a sort on a non-key attribute over a Scan). */
  fullRead: z.boolean().default(false),
  notes: z.array(z.string()).default([]),
});
export type QueryPlan = z.infer<typeof QueryPlanSchema>;

/**
 * What a `find` would do, decided before anything is read: so the console can warn before a read
 * of the whole table and say what it will cost.
 */
export const QueryPreviewSchema = z.object({
  backend: BackendSchema,
  operation: z.enum(['GetItem', 'Query', 'Scan', 'Find']),
  target: z.string(),
  index: z.string().optional(),
  /** True when the answer needs every item of the table read first (a sort no index gives). */
  fullRead: z.boolean(),
  /** Why, in words (the planner's notes). */
  reasons: z.array(z.string()).default([]),
  /** The table's item count and the read capacity a full Scan of it costs (eventually consistent), from its metadata. */
  estimatedItems: z.number().int().nonnegative().optional(),
  estimatedCapacity: z.number().nonnegative().optional(),
});
export type QueryPreview = z.infer<typeof QueryPreviewSchema>;

export const CollectionInfoSchema = z.object({
  name: z.string(),
  /** The DynamoDB table name, or the collection name on MongoDB. */
  physicalName: z.string(),
  exists: z.boolean(),
  count: z.number().int().nonnegative().optional(),
  /** True when the count is the backend's estimate (DynamoDB's ItemCount, refreshed about every 6 hours). */
  countIsEstimate: z.boolean().default(false),
  sizeBytes: z.number().nonnegative().optional(),
});
export type CollectionInfo = z.infer<typeof CollectionInfoSchema>;

export const IndexDescriptionSchema = z.object({
  name: z.string(),
  /** Attribute names in key order, with their role. */
  keys: z.array(z.object({ attribute: z.string(), role: z.enum(['HASH', 'RANGE', 'ASC', 'DESC']) })),
  unique: z.boolean().optional(),
  status: z.string().optional(),
});

export const CollectionDescriptionSchema = z.object({
  name: z.string(),
  physicalName: z.string(),
  primaryKey: z.array(z.object({ attribute: z.string(), role: z.enum(['HASH', 'RANGE', 'ASC', 'DESC']) })),
  indexes: z.array(IndexDescriptionSchema),
  billingMode: z.string().optional(),
  status: z.string().optional(),
});
export type CollectionDescription = z.infer<typeof CollectionDescriptionSchema>;

export const PingResultSchema = z.object({
  latencyMs: z.number().nonnegative(),
  serverVersion: z.string().optional(),
});
export type PingResult = z.infer<typeof PingResultSchema>;
