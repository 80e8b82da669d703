import { z } from 'zod';
import { DEFAULT_TABLE_PREFIX } from './catalogue';

/** Where a MongoDB database is. The URL may hold a password: it never goes back to the renderer. */
export const MongoConnectionSchema = z.object({
  backend: z.literal('mongodb'),
  url: z.string().regex(/^mongodb(\+srv)?:\/\//, 'a MongoDB URL starts with mongodb:// or mongodb+srv://'),
  /** Defaults to the database in the URL, else `alertwhisperer`. */
  database: z.string().min(1).optional(),
});
export type MongoConnection = z.infer<typeof MongoConnectionSchema>;

/**
 * Where the DynamoDB tables are. Credentials come from the SDK's default chain (environment,
 * shared profile, SSO, instance role) unless a profile or explicit keys are given.
 */
export const DynamoConnectionSchema = z.object({
  backend: z.literal('dynamodb'),
  region: z.string().min(1).default('us-east-1'),
  /** DynamoDB Local or another compatible endpoint; unset means AWS. */
  endpoint: z.url().optional(),
  tablePrefix: z.string().regex(/^[A-Za-z0-9_.-]*$/, 'letters, digits, _ . - only').default(DEFAULT_TABLE_PREFIX),
  profile: z.string().min(1).optional(),
  credentials: z.object({ accessKeyId: z.string().min(1), secretAccessKey: z.string().min(1), sessionToken: z.string().optional() }).optional(),
});
export type DynamoConnection = z.infer<typeof DynamoConnectionSchema>;

export const ConnectionSchema = z.discriminatedUnion('backend', [MongoConnectionSchema, DynamoConnectionSchema]);
export type Connection = z.infer<typeof ConnectionSchema>;
export type Backend = Connection['backend'];

export const DEFAULT_MONGO_URL = 'mongodb://localhost:27017/alertwhisperer';
export const DEFAULT_MONGO_DATABASE = 'alertwhisperer';
