import { z } from 'zod';
import { DEFAULT_TABLE_PREFIX } from './catalogue';
import { INPUT_LIMITS, MAX_TABLE_PREFIX_LENGTH, TABLE_PREFIX_PATTERN } from './input-limits';

const urlLimit = `at most ${INPUT_LIMITS.maxUrlLength} characters (limit maxUrlLength)`;

/** `<prefix>_<collection>` must be a legal DynamoDB table name for every catalogue collection. */
export const TablePrefixSchema = z.string()
  .max(MAX_TABLE_PREFIX_LENGTH, `a table prefix is at most ${MAX_TABLE_PREFIX_LENGTH} characters, so every table name fits DynamoDB's 255`)
  .regex(TABLE_PREFIX_PATTERN, 'letters, digits, _ . - only');

/** Where a MongoDB database is. The URL may hold a password: it never goes back to the renderer. */
export const MongoConnectionSchema = z.object({
  backend: z.literal('mongodb'),
  url: z.string().max(INPUT_LIMITS.maxUrlLength, urlLimit).regex(/^mongodb(\+srv)?:\/\//, 'a MongoDB URL starts with mongodb:// or mongodb+srv://')
    .regex(/^[^%]*(%[0-9A-Fa-f]{2}[^%]*)*$/, 'a % in a MongoDB URL must start a %XX escape (write %25 for a % in a password)'),
  /** Defaults to the database in the URL, else `alertwhisperer`. */
  database: z.string().min(1).max(64, 'a MongoDB database name is at most 64 characters').optional(),
});
export type MongoConnection = z.infer<typeof MongoConnectionSchema>;

/**
 * Where the DynamoDB tables are. Credentials come from the SDK's default chain (environment,
 * shared profile, SSO, instance role) unless a profile or explicit keys are given.
 */
export const DynamoConnectionSchema = z.object({
  backend: z.literal('dynamodb'),
  region: z.string().min(1).max(64).regex(/^[a-z0-9-]+$/, 'a region name such as us-east-1').default('us-east-1'),
  /** DynamoDB Local or another compatible endpoint; unset means AWS. */
  endpoint: z.string().max(INPUT_LIMITS.maxUrlLength, urlLimit).pipe(z.url())
    // It is shown back and stored in clear: credentials belong in the access key fields.
    .refine((url) => !/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url), 'put no user name or password in the endpoint URL: use the access keys fields')
    .optional(),
  tablePrefix: TablePrefixSchema.default(DEFAULT_TABLE_PREFIX),
  profile: z.string().min(1).optional(),
  credentials: z.object({ accessKeyId: z.string().min(1), secretAccessKey: z.string().min(1), sessionToken: z.string().optional() }).optional(),
});
export type DynamoConnection = z.infer<typeof DynamoConnectionSchema>;

export const ConnectionSchema = z.discriminatedUnion('backend', [MongoConnectionSchema, DynamoConnectionSchema]);
export type Connection = z.infer<typeof ConnectionSchema>;
export type Backend = Connection['backend'];

export const DEFAULT_MONGO_URL = 'mongodb://localhost:27017/alertwhisperer';
export const DEFAULT_MONGO_DATABASE = 'alertwhisperer';
