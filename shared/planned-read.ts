import { z } from 'zod';
import { ProjectionSchema, SortSchema } from './query';

/**
 * What a find would send, without sending it: the DynamoDB request the planner built (its
 * parameters as lib-dynamodb takes them) or the MongoDB find. The copy-as-code generators
 * (copy-as-code.ts) turn it into an AWS CLI line, SDK code or a mongosh line.
 */
export const PlannedReadSchema = z.discriminatedUnion('backend', [
  z.object({
    backend: z.literal('dynamodb'),
    /** `None`: the filter can match nothing, so the console sends no request. */
    operation: z.enum(['GetItem', 'Query', 'Scan', 'None']),
    /** GetItem, Query or Scan input (TableName, IndexName, expressions, placeholders); no paging fields. */
    params: z.record(z.string(), z.unknown()),
    /** Set when no index gives this order: the console reads every match and sorts them itself. */
    sortInMemory: SortSchema.optional(),
    /** The console's page size. */
    limit: z.number().int().positive().optional(),
    /** Where the console's answer differs from the bare request (work it does after reading). */
    notes: z.array(z.string()),
  }),
  z.object({
    backend: z.literal('mongodb'),
    collection: z.string(),
    filter: z.record(z.string(), z.unknown()),
    sort: SortSchema.optional(),
    projection: ProjectionSchema.optional(),
    limit: z.number().int().positive().optional(),
  }),
]);
export type PlannedRead = z.infer<typeof PlannedReadSchema>;
export type PlannedDynamoRead = Extract<PlannedRead, { backend: 'dynamodb' }>;
export type PlannedMongoRead = Extract<PlannedRead, { backend: 'mongodb' }>;
