import { z } from 'zod';
import { DEFAULT_TABLE_PREFIX } from './catalogue';

/** Long enough for a many-host replica set; a 10 MB "URL" is an attack, not an address. */
const URL_MAX_LENGTH = 4096;

/** Where a MongoDB database is. The URL may hold a password: it never goes back to the renderer. */
export const MongoConnectionSchema = z.object({
  backend: z.literal('mongodb'),
  url: z.string()
    .max(URL_MAX_LENGTH, `a MongoDB URL is at most ${URL_MAX_LENGTH} characters`)
    .regex(/^mongodb(\+srv)?:\/\//, 'a MongoDB URL starts with mongodb:// or mongodb+srv://'),
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
  endpoint: z.url()
    .max(URL_MAX_LENGTH, `an endpoint URL is at most ${URL_MAX_LENGTH} characters`)
    // It is shown back and stored in clear: credentials belong in the access key fields.
    .refine((url) => !/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url), 'put no user name or password in the endpoint URL: use the access keys fields')
    .optional(),
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
