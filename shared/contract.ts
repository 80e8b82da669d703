import { z } from 'zod';
import { BackendSchema } from './backends';
import { ConnectionSchema, TablePrefixSchema } from './connection';
import { CollectionDescriptionSchema, CollectionInfoSchema, PingResultSchema, QueryPlanSchema, QueryPreviewSchema } from './database';
import { PriceRegionSchema } from './aws-prices';
import { AppErrorShape } from './errors';
import {
  CollectionNameSchema, DocumentProblemSchema, MigrationOptionsSchema, MigrationPlanSchema,
  MigrationProgressSchema, VerifyOptionsSchema, VerifyResultSchema,
} from './migration';
import { checkInputLimits } from './input-limits';
import { MigrationProfileSchema } from './migration-profile';
import { FilterSchema, FindOptionsSchema, ProjectionSchema, SortSchema, UpdateSchema, matchesEverything, ownRecord, parseFilter } from './query';
import { CutoverOptionsSchema, CutoverProgressSchema, CutoverVerifySchema } from './cutover';
import { AlertDashboardInputSchema, AlertDashboardSchema } from './alert-dashboard';
import { EXPORT_FORMATS } from './export-format';
import { FieldStatSchema } from './field-overview';
import { PlannedReadSchema } from './planned-read';

/**
 * The console's one contract: every call the renderer can make and every event stream it can
 * watch, each declared once. Transports (Electron IPC, the loopback web server) and the renderer
 * client derive their channel names and types from these objects; the main side validates every
 * input with `input` before acting on it. Documents cross in wire form (Extended JSON).
 */

const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const stream = <I extends z.ZodType, E extends z.ZodType>(input: I, event: E) => ({ input, event });

const IdSchema = z.string().min(1).max(100);
const Empty = z.object({}).strict();

/** A saved connection as the renderer sees it: every secret removed, with a flag saying it exists. */
export const SavedConnectionSchema = z.object({
  id: IdSchema,
  name: z.string(),
  backend: BackendSchema,
  /** Mongo: the URL with its password removed. */
  url: z.string().optional(),
  database: z.string().optional(),
  region: z.string().optional(),
  endpoint: z.string().optional(),
  tablePrefix: z.string().optional(),
  profile: z.string().optional(),
  credentialsSource: z.enum(['default', 'profile', 'keys']).optional(),
  accessKeyId: z.string().optional(),
  hasSecret: z.object({
    password: z.boolean(), secretAccessKey: z.boolean(), sessionToken: z.boolean(),
    /** Mongo: the credential-bearing URL options withheld (e.g. proxyPassword), by name. */
    urlOptions: z.array(z.string()).optional(),
  }),
});
export type SavedConnection = z.infer<typeof SavedConnectionSchema>;

/**
 * What the console opens with: the connections the environment's variables set up (MONGO_URL,
 * AWS_REGION, ...) and the backend DATABASE_TYPE names, used while the user has chosen none.
 */
export const ConnectionDefaultsSchema = z.object({
  mongoId: IdSchema.optional(),
  dynamoId: IdSchema.optional(),
  open: BackendSchema,
});
export type ConnectionDefaults = z.infer<typeof ConnectionDefaultsSchema>;

/** A connection to test: either a form's content (not saved) or a saved one by id. */
const ConnectionRefSchema = z.union([
  z.object({ connection: ConnectionSchema }).strict(),
  z.object({ connectionId: IdSchema }).strict(),
]);

export const TestResultSchema = z.object({
  ok: z.boolean(),
  backend: BackendSchema,
  ping: PingResultSchema.optional(),
  /** Tables or collections found, so the result says more than "it answered". */
  collections: z.number().int().nonnegative().optional(),
  error: AppErrorShape.optional(),
});
export type TestResult = z.infer<typeof TestResultSchema>;

const OnCollection = { connectionId: IdSchema, collection: CollectionNameSchema };
/** A document as returned: every own key kept, `__proto__` included. */
const WireDocumentSchema = ownRecord(z.unknown(), () => undefined);

/** A document to insert: within the input limits, and an `id`, when given, is a usable key. */
const NewDocumentSchema = ownRecord(z.unknown()).superRefine((document, ctx) => {
  const tooBig = checkInputLimits(document);
  if (tooBig) ctx.addIssue({ code: 'custom', message: `The document is refused: ${tooBig.message}`, path: tooBig.path ? tooBig.path.split('.') : [] });
  if (Object.hasOwn(document, 'id') && (typeof document.id !== 'string' || document.id === '')) {
    ctx.addIssue({ code: 'custom', message: 'id must be a non-empty string; leave it out to have one generated', path: ['id'] });
  }
});

/**
 * A delete or update whose filter matches every document (`{}`, `{$and: [{}]}`, ...) runs only
 * when the call says so with `matchAll: true`, which the renderer sends only after the user
 * confirmed; an empty or emptied filter is never an accident of parsing.
 */
const ChangeTarget = { filter: FilterSchema, matchAll: z.literal(true).optional() };
function refuseAccidentalMatchAll(input: { filter: Record<string, unknown>; matchAll?: true }, ctx: z.RefinementCtx): void {
  if (input.matchAll) return;
  let everything: boolean;
  try {
    everything = matchesEverything(parseFilter(input.filter));
  } catch {
    return; // the filter's own schema has reported why it is invalid
  }
  if (everything) ctx.addIssue({ code: 'custom', message: 'this filter matches every document; send matchAll: true to confirm that is meant', path: ['filter'] });
}

const MigrationPairSchema = { sourceId: IdSchema, targetId: IdSchema };
const JobRef = z.object({ jobId: IdSchema }).strict();

export const JobKindSchema = z.enum(['migration', 'verify', 'cutover']);
export const JobSummarySchema = z.object({
  jobId: IdSchema,
  kind: JobKindSchema,
  state: z.string(),
  startedAt: z.string(),
  collections: z.array(z.string()),
});
export type JobSummary = z.infer<typeof JobSummarySchema>;

export const VerifyProgressSchema = z.object({
  jobId: IdSchema,
  state: z.enum(['running', 'completed', 'failed', 'cancelled']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** What verify is doing now, in words (e.g. "counting documents", "scanning the alerts table"). */
  phase: z.string().optional(),
  elapsedMs: z.number().nonnegative(),
  result: VerifyResultSchema.optional(),
  error: AppErrorShape.optional(),
});
export type VerifyProgress = z.infer<typeof VerifyProgressSchema>;

export const SandboxStatusSchema = z.object({
  state: z.enum(['stopped', 'starting', 'running', 'failed']),
  descriptions: z.array(z.string()),
  mongo: SavedConnectionSchema.optional(),
  dynamo: SavedConnectionSchema.optional(),
  error: AppErrorShape.optional(),
});
export type SandboxStatus = z.infer<typeof SandboxStatusSchema>;

/** The sandbox's live writer: alerts inserted, updated and deleted at a steady rate, to try a cutover on. */
export const SandboxWriterSchema = z.object({
  running: z.boolean(),
  changesPerSecond: z.number().int().nonnegative(),
  counts: z.object({ inserted: z.number().int().nonnegative(), updated: z.number().int().nonnegative(), deleted: z.number().int().nonnegative() }),
});
export type SandboxWriter = z.infer<typeof SandboxWriterSchema>;

/** An export of a whole result, read by the main process one page per `export.next`. */
const ExportStartSchema = z.object({
  ...OnCollection,
  filter: FilterSchema,
  format: z.enum(EXPORT_FORMATS),
  sort: SortSchema.optional(),
  projection: ProjectionSchema.optional(),
  /** DynamoDB: the index the Browse page picked (FindOptions.index). */
  index: FindOptionsSchema.shape.index,
}).strict();
const ExportRef = z.object({ exportId: IdSchema }).strict();
export const ExportChunkOutputSchema = z.object({
  /** This page's records, in the format asked for (see shared/export-format.ts). */
  records: z.array(z.string()),
  /** CSV: the columns seen so far (the header) and how many cells this page's records have. */
  columns: z.array(z.string()).optional(),
  width: z.number().int().nonnegative().optional(),
  exported: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  done: z.boolean(),
  plan: QueryPlanSchema.optional(),
});
export type ExportChunkOutput = z.infer<typeof ExportChunkOutputSchema>;

export const FieldOverviewSchema = z.object({
  sampled: z.number().int().nonnegative(),
  /** How the sample was taken, in words. */
  method: z.string(),
  fields: z.array(FieldStatSchema),
  plan: QueryPlanSchema,
});
export type FieldOverview = z.infer<typeof FieldOverviewSchema>;

export const calls = {
  'connections.test': call(ConnectionRefSchema, TestResultSchema),
  'connections.save': call(
    z.object({ id: IdSchema.optional(), name: z.string().trim().min(1, 'give the connection a name').max(100), connection: ConnectionSchema }).strict(),
    SavedConnectionSchema,
  ),
  'connections.list': call(Empty, z.array(SavedConnectionSchema)),
  'connections.remove': call(z.object({ id: IdSchema }).strict(), z.object({ removed: z.boolean() })),
  'connections.defaults': call(Empty, ConnectionDefaultsSchema),
  /** The AWS profile names the SDK finds in ~/.aws/config and ~/.aws/credentials: names only, never keys. */
  'aws.profiles': call(Empty, z.object({ profiles: z.array(z.string()) })),

  'collections.list': call(z.object({ connectionId: IdSchema }).strict(), z.array(CollectionInfoSchema)),
  'collections.describe': call(z.object(OnCollection).strict(), CollectionDescriptionSchema),

  'documents.find': call(
    z.object({
      ...OnCollection, filter: FilterSchema, options: FindOptionsSchema.strict().default({}),
      /** Names the read so `documents.cancel` can stop it (a full Scan can take many seconds). */
      requestId: IdSchema.optional(),
    }).strict(),
    z.object({ documents: z.array(WireDocumentSchema), plan: QueryPlanSchema, nextCursor: z.string().optional() }),
  ),
  /** Stops a `documents.find` in flight by its requestId; it then fails with CANCELLED. */
  'documents.cancel': call(z.object({ requestId: IdSchema }).strict(), z.object({ cancelled: z.boolean() })),
  /** What a `documents.find` would do and cost, without reading a document: to warn before a full Scan. */
  'documents.preview': call(
    z.object({ ...OnCollection, filter: FilterSchema, options: FindOptionsSchema.strict().default({}) }).strict(),
    QueryPreviewSchema,
  ),
  'documents.findOne': call(
    z.object({ ...OnCollection, filter: FilterSchema, projection: ProjectionSchema.optional() }).strict(),
    z.object({ document: WireDocumentSchema.nullable() }),
  ),
  'documents.insert': call(z.object({ ...OnCollection, document: NewDocumentSchema }).strict(), z.object({ id: z.string() })),
  'documents.update': call(z.object({ ...OnCollection, ...ChangeTarget, update: UpdateSchema }).strict().superRefine(refuseAccidentalMatchAll), z.object({ modified: z.number().int() })),
  'documents.delete': call(z.object({ ...OnCollection, ...ChangeTarget }).strict().superRefine(refuseAccidentalMatchAll), z.object({ deleted: z.number().int() })),
  'documents.count': call(z.object({ ...OnCollection, filter: FilterSchema }).strict(), z.object({ count: z.number().int().nonnegative() })),

  /** What documents.find would send, without sending it: for "copy as code". */
  'documents.explain': call(
    z.object({ ...OnCollection, filter: FilterSchema, options: FindOptionsSchema.strict().default({}) }).strict(),
    PlannedReadSchema,
  ),
  'export.start': call(ExportStartSchema, z.object({ exportId: IdSchema, notes: z.array(z.string()) })),
  'export.next': call(ExportRef, ExportChunkOutputSchema),
  'export.cancel': call(ExportRef, z.object({ cancelled: z.boolean() })),
  /** Fields, types and how often each occurs in a sample of the collection. */
  'collections.fields': call(z.object({ ...OnCollection, sample: z.number().int().min(1).max(5000).default(1000) }).strict(), FieldOverviewSchema),
  /** Alert counts by severity and status over time, computed in the main process. */
  'dashboard.alerts': call(AlertDashboardInputSchema, AlertDashboardSchema),

  // priceRegion: the prices the plan costs with (shared/aws-prices.ts); absent: the target connection's region.
  'migration.plan': call(z.object({ ...MigrationPairSchema, collections: z.array(CollectionNameSchema).default([]), profile: MigrationProfileSchema.optional(), priceRegion: PriceRegionSchema.optional() }).strict(), MigrationPlanSchema),
  'migration.start': call(z.object({ ...MigrationPairSchema, options: MigrationOptionsSchema.strict().default(MigrationOptionsSchema.parse({})) }).strict(), z.object({ jobId: IdSchema })),
  'migration.pause': call(JobRef, MigrationProgressSchema),
  'migration.resume': call(JobRef, MigrationProgressSchema),
  'migration.cancel': call(JobRef, MigrationProgressSchema),
  'migration.status': call(JobRef, MigrationProgressSchema),
  'migration.failures': call(JobRef, z.array(DocumentProblemSchema)),

  'verify.start': call(z.object({ ...MigrationPairSchema, options: VerifyOptionsSchema.strict().default(VerifyOptionsSchema.parse({})) }).strict(), z.object({ jobId: IdSchema })),
  'verify.status': call(JobRef, VerifyProgressSchema),
  'verify.cancel': call(JobRef, VerifyProgressSchema),

  /** The guided cutover: one job from the full load to the switch (shared/cutover.ts). */
  'cutover.start': call(z.object({ ...MigrationPairSchema, options: CutoverOptionsSchema.strict().default(CutoverOptionsSchema.parse({})) }).strict(), z.object({ jobId: IdSchema })),
  'cutover.status': call(JobRef, CutoverProgressSchema),
  /** The DBA has stopped writes to MongoDB: drain, then the final verify (all documents, or a sample). Refused before "in sync". */
  'cutover.confirmStopWrites': call(z.object({ jobId: IdSchema, verify: CutoverVerifySchema.strict().default({}) }).strict(), CutoverProgressSchema),
  'cutover.cancel': call(JobRef, CutoverProgressSchema),

  /** Jobs still known to the main process, newest first: how a reloaded window finds its run. */
  'jobs.list': call(Empty, z.array(JobSummarySchema)),

  'cloudformation.template': call(
    z.object({ tablePrefix: TablePrefixSchema }).strict(),
    z.object({ template: z.record(z.string(), z.unknown()), json: z.string() }),
  ),

  'sandbox.start': call(z.object({ alerts: z.number().int().min(0).max(100_000).optional() }).strict(), SandboxStatusSchema),
  'sandbox.status': call(Empty, SandboxStatusSchema),
  /** Starts (a rate), stops (0) or reads (no rate) the sandbox's live writer; refused without a running sandbox. */
  'sandbox.writer': call(z.object({ changesPerSecond: z.number().int().min(0).max(500).optional() }).strict(), SandboxWriterSchema),
} as const;

export const streams = {
  'migration.progress': stream(JobRef, MigrationProgressSchema),
  'verify.progress': stream(JobRef, VerifyProgressSchema),
  'cutover.progress': stream(JobRef, CutoverProgressSchema),
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
/** What a caller may send (defaults not yet applied). */
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
/** What the implementation receives after validation. */
export type ParsedInput<K extends CallName> = z.output<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Calls[K]['output']>;

export type Streams = typeof streams;
export type StreamName = keyof Streams;
export type StreamInput<K extends StreamName> = z.input<Streams[K]['input']>;
export type StreamEvent<K extends StreamName> = z.output<Streams[K]['event']>;

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const STREAM_NAMES = Object.keys(streams) as StreamName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}
export function isStreamName(name: unknown): name is StreamName {
  return typeof name === 'string' && Object.hasOwn(streams, name);
}

/** What every transport returns for a call: the output, or the error as plain data. */
export type Outcome<T> = { ok: true; output: T } | { ok: false; error: z.infer<typeof AppErrorShape> };

/**
 * The object the renderer talks to, whatever the transport: `window.awc` in Electron (built by
 * the preload), a WebSocket client in the browser.
 */
export interface ConsoleBridge {
  invoke<K extends CallName>(name: K, input: CallInput<K>): Promise<Outcome<CallOutput<K>>>;
  /** Resolves once the subscription is live (the listener has the latest event); the returned function ends it. */
  subscribe<K extends StreamName>(name: K, input: StreamInput<K>, listener: (event: StreamEvent<K>) => void): Promise<Outcome<() => void>>;
}

/** Messages of the web transport (one WebSocket per page). */
export type ClientMessage =
  | { type: 'call'; id: number; name: string; input: unknown }
  | { type: 'subscribe'; id: number; name: string; input: unknown }
  | { type: 'unsubscribe'; id: number };
export type ServerMessage =
  | { type: 'result'; id: number; outcome: Outcome<unknown> }
  | { type: 'event'; id: number; event: unknown };
