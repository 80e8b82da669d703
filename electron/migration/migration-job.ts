import { randomUUID } from 'node:crypto';
import { COLLECTIONS, type CollectionSpec } from '../../shared/catalogue';
import { AppError } from '../../shared/errors';
import { MigrationOptionsSchema, type DocumentProblem, type MigrationOptions, type MigrationProgress, type MigrationSummary } from '../../shared/migration';
import { emptyCollectionCheckpoint, requireCheckpoint, saveCheckpoint, type Checkpoint } from './checkpoint-store';
import type { RetryControl, TargetSession } from '../adapters/ports';
import { describeEnds, engineContext, type AnyContext, type EngineContext } from './context';
import { conversionRules, type ConversionRules } from './conversion-rules';
import { BatchSlots } from './batch-slots';
import { ConcurrencyController } from './concurrency-controller';
import { copyCollection } from './copy-collection';
import { ErrorLog, errorLogPath } from './error-log';
import { JobControl } from './job-control';
import { saveMeasuredRate } from './measured-rate';
import { jobShell, recordFailure } from './job-shell';
import { ProgressTracker } from './progress-tracker';
import { rulesFor } from '../../shared/migration-profile';

export interface MigrationJob {
  id: string;
  progress(): MigrationProgress;
  /** Called at least 4 times a second while the job runs, and once at the end. Returns unsubscribe. */
  onProgress(listener: (progress: MigrationProgress) => void): () => void;
  pause(): void;
  resume(): void;
  cancel(): void;
  failures(): DocumentProblem[];
  /** Always resolves, also when the job fails as a whole (state 'failed', `error` set). */
  done: Promise<MigrationSummary>;
}

/**
 * How stale a saved checkpoint may be. Each save is two fsyncs and a rename on the event loop;
 * at 4 a second they were a visible share of a loopback copy's CPU (issue 16). A kill -9 redoes
 * at most this much work (puts are idempotent), and nothing is ever skipped: the checkpoint only
 * ever names the unbroken written prefix.
 */
const CHECKPOINT_INTERVAL_MS = 1000;
/** Runs shorter than this say little about speed; the plan keeps the previous measurement. */
export const MIN_DOCUMENTS_FOR_RATE = 1000;

/** The catalogue's collections in catalogue order; an empty selection means all 13. */
export function selectCollections(names: readonly string[]) {
  return names.length === 0 ? [...COLLECTIONS] : COLLECTIONS.filter((c) => names.includes(c.name));
}

export interface MigrationHooks {
  /** Runs before any table is created or document copied (change capture records its oplog position here); may refuse the run. */
  beforeCopy?(runId: string, collections: string[]): Promise<void>;
}

/** The checkpoint to continue (resume: it must exist and be for the same ends) or a new one. */
function openCheckpoint(ctx: EngineContext, resume: boolean, runId: string): Checkpoint {
  const ends = describeEnds(ctx);
  const saved = resume ? requireCheckpoint(ctx.stateDir, 'Start a new run instead (without resume).') : undefined;
  if (saved && (saved.source !== ends.source || saved.target !== ends.target)) {
    // Worded for the console and the CLI alike (no flag names).
    throw new AppError('CONFLICT', `The checkpoint in ${ctx.stateDir} is for ${saved.source} → ${saved.target}, not ${ends.source} → ${ends.target}. Resume with the same source and target, or start a new migration instead of resuming.`);
  }
  return saved ?? { version: 1, runId, ...ends, collections: {}, updatedAt: new Date().toISOString() };
}

/** Each collection's counts as the checkpoint left them, and its size now. */
async function restoreProgress(ctx: EngineContext, specs: ReturnType<typeof selectCollections>, checkpoint: Checkpoint, tracker: ProgressTracker): Promise<void> {
  for (const spec of specs) {
    const restored = (checkpoint.collections[spec.name] ??= emptyCollectionCheckpoint());
    const progress = tracker.collection(spec.name);
    Object.assign(progress, { written: restored.written, failed: restored.failed, skipped: restored.skipped, read: restored.written + restored.failed + restored.skipped });
    if (restored.done) progress.state = 'done';
    progress.total = await ctx.source.quickCount(spec.name);
  }
}

interface CopyRun {
  ctx: EngineContext;
  conversion: ConversionRules;
  specs: ReturnType<typeof selectCollections>;
  options: MigrationOptions;
  tracker: ProgressTracker;
  control: JobControl;
  concurrency: ConcurrencyController;
  slots: BatchSlots;
  checkpoint: Checkpoint;
  log: ErrorLog;
  persist(force: boolean): void;
  target: TargetSession;
}

/**
 * Collections copied at once, so that small ones are copied beside a big one instead of after it.
 * Memory stays within one budget: each copy holds at most two source batches of 1,000 documents
 * (read-ahead) and one batch of 25 being filled, and all copies together hold at most the job's
 * one limit (32 at most) of 25-item batches in flight, since they share its slots (BatchSlots,
 * first come first served). So at most 3 × 2,025 + 32 × 25 = 6,875 documents, against 2,825 one
 * at a time. The limit stays one job-wide number: the target's capacity and this machine's CPU
 * are shared by the collections, so per-collection limits would only split what one measures.
 */
const COLLECTIONS_AT_ONCE = 3;

/** The collections still to copy, largest first: the big ones start at once, small ones fill the other lanes. */
function copyOrder(run: CopyRun) {
  const left = run.specs.filter((spec) => run.tracker.collection(spec.name).state !== 'done');
  return left.sort((a, b) => run.tracker.collection(b.name).total - run.tracker.collection(a.name).total);
}

/** One collection, from where its checkpoint stopped. */
async function copyOne(run: CopyRun, spec: CollectionSpec): Promise<void> {
  const { ctx, tracker, control, checkpoint } = run;
  const progress = tracker.collection(spec.name);
  if (control.cancelled) {
    progress.state = 'cancelled';
    return;
  }
  progress.state = 'running';
  const restored = checkpoint.collections[spec.name]!;
  // Recorded as the copy starts from its first document, so a later resume can tell whether the source moved.
  if (restored.lastId === undefined) restored.sourceAtStart = await ctx.source.snapshot(spec.name);
  const complete = await copyCollection({
    source: ctx.source, spec, conversion: run.conversion,
    rules: rulesFor(run.options.profile, spec.name),
    target: run.target,
    concurrency: run.concurrency, slots: run.slots, checkpoint: restored, progress, control,
    onProblem: (problem) => run.log.record(problem),
    onCheckpoint: () => run.persist(false),
  });
  progress.state = complete ? 'done' : 'cancelled';
  run.persist(true);
}

/**
 * Copies the collections, COLLECTIONS_AT_ONCE at a time. After a failure no further collection
 * starts; the copies under way go on to their end (a target that is gone fails them soon too),
 * and the job fails with the first error.
 */
async function copyEach(run: CopyRun): Promise<void> {
  const queue = copyOrder(run);
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    for (let spec = queue.shift(); spec !== undefined && !failure; spec = queue.shift()) {
      try {
        await copyOne(run, spec);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: COLLECTIONS_AT_ONCE }, lane));
  if (failure) throw failure.error;
}

/**
 * The job's hooks into a target session's retries: its cancel, a fresh attempt signal after each
 * pause, and throttling heard by the concurrency limit. One attempt per request: the engine's retry
 * policy owns the retries (adapters/retry/backoff.ts).
 */
function retryControl(control: JobControl, concurrency: ConcurrencyController): RetryControl {
  return {
    signal: control.signal,
    attemptSignal: () => control.attemptSignal(),
    waitIfPaused: () => control.waitIfPaused(),
    onThrottled: () => concurrency.throttled(),
  };
}

/** A completed run long enough to say something about speed becomes the plan's measured rate. */
function saveRateIfMeasured(stateDir: string, tracker: ProgressTracker): void {
  const rate = tracker.runRate();
  if (rate.processed >= MIN_DOCUMENTS_FOR_RATE) saveMeasuredRate(stateDir, rate.docsPerSecond, rate.processed);
}

/** Starts copying in the background; the returned job reports progress and can be paused or cancelled. */
export function startMigration(anyCtx: AnyContext, input: Partial<MigrationOptions>, hooks: MigrationHooks = {}): MigrationJob {
  const parsed = MigrationOptionsSchema.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION', `Invalid migration options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const options = parsed.data;
  const ctx = engineContext(anyCtx);
  const conversion = conversionRules(ctx.source.backend, ctx.target.backend);
  const id = randomUUID();
  const specs = selectCollections(options.collections);
  const tracker = new ProgressTracker(id, specs.map((s) => s.name));
  const control = new JobControl();
  const concurrency = new ConcurrencyController(options.concurrency);
  tracker.concurrency = () => concurrency.report();
  const shell = jobShell(() => tracker, control);
  let log: ErrorLog | undefined;

  async function run(): Promise<MigrationSummary> {
    shell.start();
    const session = ctx.target.session(retryControl(control, concurrency));
    let checkpoint: Checkpoint | undefined;
    let lastSave = 0;
    const persist = (force: boolean) => {
      if (!checkpoint || (!force && Date.now() - lastSave < CHECKPOINT_INTERVAL_MS)) return;
      log?.sync();
      saveCheckpoint(ctx.stateDir, checkpoint);
      lastSave = Date.now();
    };
    try {
      checkpoint = openCheckpoint(ctx, options.resume, id);
      log = new ErrorLog(errorLogPath(ctx.stateDir, checkpoint.runId), options.resume);
      await restoreProgress(ctx, specs, checkpoint, tracker);
      await hooks.beforeCopy?.(checkpoint.runId, specs.map((s) => s.name));
      tracker.resetRate();
      await ctx.target.ensure(specs.filter((s) => !checkpoint!.collections[s.name]!.done), control.signal);
      persist(true);
      await copyEach({ ctx, conversion, specs, options, tracker, control, concurrency, slots: new BatchSlots(() => concurrency.limit), checkpoint, log, persist, target: session });
      tracker.state = control.cancelled ? 'cancelled' : 'completed';
      if (tracker.state === 'completed') saveRateIfMeasured(ctx.stateDir, tracker);
    } catch (error) {
      recordFailure(tracker, control, error);
    } finally {
      await session.close();
      try { persist(true); } catch {}
      log?.close();
    }
    return { ...shell.finish(), failures: log?.problems() ?? [] };
  }

  return {
    id,
    ...shell.controls,
    failures: () => log?.problems() ?? [],
    done: run(),
  };
}
