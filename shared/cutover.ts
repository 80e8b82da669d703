import { z } from 'zod';
import { AppErrorShape, ErrorCodeSchema } from './errors';
import { CollectionNameSchema, MigrationProgressSchema, VerifyResultSchema } from './migration';
import { MigrationProfileSchema } from './migration-profile';

/**
 * The guided cutover: full load → catching up → in sync → stop writes (the DBA confirms) → drain
 * → final verify → switch the application. One job in the main process; the console's Cutover
 * page and the engine (electron/migration/cutover) share these schemas.
 */

export const CollectionLagSchema = z.object({
  collection: z.string(),
  /** Changes read from the oplog and not applied yet. */
  pending: z.number().int().nonnegative(),
  /** Age of the oldest change not applied yet; 0 when none is waiting. */
  secondsBehind: z.number().nonnegative(),
  applied: z.number().int().nonnegative(),
});
export type CollectionLag = z.infer<typeof CollectionLagSchema>;

/** Change capture's live state: what the CLI's lag line and the console's lag panel show. */
export const CaptureStatusSchema = z.object({
  state: z.enum(['starting', 'catching-up', 'in-sync', 'stopped', 'failed']),
  secondsBehind: z.number().nonnegative(),
  pending: z.number().int().nonnegative(),
  applied: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** The saved position as `seconds.increment` of the oplog Timestamp. */
  position: z.string(),
  collections: z.array(CollectionLagSchema),
  error: z.object({ code: ErrorCodeSchema, message: z.string() }).optional(),
});
export type CaptureStatus = z.infer<typeof CaptureStatusSchema>;

/** Lag the DBA may ask for before the stop-writes step: from half a second to ten minutes. */
export const LagThresholdSchema = z.number().min(0.5).max(600);

export const CutoverOptionsSchema = z.object({
  /** Empty means all 13 collections. */
  collections: z.array(CollectionNameSchema).default([]),
  /** The full load's batches in flight; absent: adaptive (as a migration). */
  concurrency: z.number().int().min(1).max(32).optional(),
  /** "In sync": lag under this many seconds with nothing more waiting in the oplog. */
  lagThresholdSeconds: LagThresholdSchema.default(2),
  profile: MigrationProfileSchema.optional(),
});
export type CutoverOptions = z.infer<typeof CutoverOptionsSchema>;

/** The final verify, chosen when writes have stopped: every document, or a random sample per collection. */
export const CutoverVerifySchema = z.object({ sample: z.number().int().min(1).max(1_000_000).optional() });
export type CutoverVerify = z.infer<typeof CutoverVerifySchema>;

export const CUTOVER_STEPS = ['full-load', 'catching-up', 'in-sync', 'draining', 'verifying', 'switch'] as const;
export const CutoverStepSchema = z.enum(CUTOVER_STEPS);
export type CutoverStep = z.infer<typeof CutoverStepSchema>;

export const LagSampleSchema = z.object({
  /** Epoch milliseconds. */
  at: z.number(),
  secondsBehind: z.number().nonnegative(),
  pending: z.number().int().nonnegative(),
});
export type LagSample = z.infer<typeof LagSampleSchema>;

/** One variable to set in the application's environment (its own guide's names); never a secret. */
export const SwitchVariableSchema = z.object({ name: z.string(), value: z.string(), note: z.string().optional() });
export type SwitchVariable = z.infer<typeof SwitchVariableSchema>;

export const CutoverProgressSchema = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'completed', 'failed', 'cancelled']),
  step: CutoverStepSchema,
  /** What the current step waits for, in words. */
  waitingFor: z.string(),
  lagThresholdSeconds: z.number(),
  collections: z.array(z.string()),
  startedAt: z.string(),
  elapsedMs: z.number().nonnegative(),
  /** The full load's progress (kept once it has finished). */
  load: MigrationProgressSchema.optional(),
  /** Change capture, from catching up until drained. */
  lag: CaptureStatusSchema.optional(),
  /** Lag once a second, the latest LAG_HISTORY_LIMIT samples: the page's chart. */
  lagHistory: z.array(LagSampleSchema),
  stopWritesConfirmedAt: z.string().optional(),
  verify: z.object({
    sample: z.number().int().positive().optional(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    phase: z.string().optional(),
    result: VerifyResultSchema.optional(),
  }).optional(),
  /** After a clean verify: what to set in the application's environment. */
  switchVariables: z.array(SwitchVariableSchema).optional(),
  error: AppErrorShape.optional(),
});
export type CutoverProgress = z.infer<typeof CutoverProgressSchema>;

/** Ten minutes of once-a-second samples. */
export const LAG_HISTORY_LIMIT = 600;
