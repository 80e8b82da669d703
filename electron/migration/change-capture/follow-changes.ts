import { AppError, isAppError } from '../../../shared/errors';
import { checkOplog, comparePositions, oldestPosition, readChanges, type OplogChange, type OplogPosition } from '../../adapters/mongodb/oplog';
import type { MigrationContext } from '../context';
import { applyChanges } from './apply-changes';
import { requireCaptureCheckpoint, saveCaptureCheckpoint, type CaptureCheckpoint } from './capture-checkpoint';
import { LagTracker, type CaptureStatus } from './capture-lag';
import { KeyMap } from './key-map';

export interface FollowOptions {
  /** Stop at the first read that finds nothing left to apply (a drain, once writes stopped). */
  untilDrained?: boolean;
  /** Between reads of the oplog when it had nothing more (ms). */
  pollMs?: number;
  /** For measurements: each applied change's delay from its write to its apply (ms). */
  onApplied?: (delaysMs: number[]) => void;
  /** "In sync" below this lag (s); default IN_SYNC_SECONDS. The console's cutover lets the DBA set it. */
  inSyncSeconds?: number;
}

export interface Follower {
  status(): CaptureStatus;
  /** Stops after the batch being applied; the position saved is where a restart resumes. */
  stop(): void;
  /** Resolves at the first read started after this call that finds nothing left to apply. */
  drained(): Promise<void>;
  done: Promise<CaptureStatus>;
}

const READ_LIMIT = 2000;
/**
 * FerretDB writes an oplog entry after the change itself, and concurrent writers may insert their
 * entries out of Timestamp order: an entry can appear a moment after a newer one. So the saved
 * position trails the changes read by this many seconds, each read starts from it again, and
 * changes already applied above it are skipped. A restart re-applies at most these seconds of
 * changes, which is harmless (applying is idempotent). MongoDB itself never shows entries early.
 */
const SETTLE_SECONDS = 2;
const GAP_CHECK_MS = 5000;
const SAVE_INTERVAL_MS = 250;

export const formatPosition = (p: OplogPosition) => `${p.t}.${p.i}`;
const positionTime = (p: OplogPosition) => new Date(p.t * 1000).toISOString();

/** A saved position the capped oplog no longer holds means changes were lost: never go on with a gap. */
async function refuseGap(ctx: MigrationContext, checkpoint: CaptureCheckpoint): Promise<void> {
  const oldest = await oldestPosition(ctx.source);
  if (!oldest || checkpoint.position.t === 0 || comparePositions(oldest, checkpoint.position) <= 0) return;
  throw new AppError('CONFLICT', `The oplog no longer holds the saved position ${formatPosition(checkpoint.position)} (${positionTime(checkpoint.position)}): its oldest change is from ${positionTime(oldest)}, so changes made in between are lost to this capture and following on would leave a gap. Resync the affected collections (${checkpoint.collections.join(', ')}): start a new migration with following (npm run cli -- migrate --follow), and give the oplog room for the whole copy (a larger oplog, or a faster copy).`, { resync: checkpoint.collections });
}

/**
 * The newest position up to which every change has been read and applied, given this read (begun
 * at `readAt`): changes written at least SETTLE_SECONDS before the read began. Measured on the
 * write's wall time in milliseconds, from the read's start: the Timestamp's whole seconds and the
 * time after the apply would leave much less than SETTLE_SECONDS for a late entry to appear.
 */
export function settle(changes: OplogChange[], saved: OplogPosition, full: boolean, readAt: number): OplogPosition {
  const last = changes.at(-1);
  const horizon = Math.min(readAt, full && last ? last.at : Infinity) - SETTLE_SECONDS * 1000;
  let settled = saved;
  for (const change of changes) {
    if (change.at <= horizon && comparePositions(change.position, settled) > 0) settled = change.position;
  }
  return settled;
}

/** What the follow loop and its owner share: the stop request, the read count, drain waiters. */
interface FollowLoop {
  stopped: boolean;
  /** Wakes the loop from its poll sleep (set while it sleeps). */
  wake?: () => void;
  /** Each waits for a read that starts after it was registered (`after`: reads started by then). */
  waiters: { resolve: () => void; after: number }[];
  reads: number;
  failed: number;
}

export function startFollowing(ctx: MigrationContext, options: FollowOptions = {}): Follower {
  const loop: FollowLoop = { stopped: false, waiters: [], reads: 0, failed: 0 };
  let tracker: LagTracker | undefined;
  let state: CaptureStatus['state'] = 'starting';
  let error: CaptureStatus['error'];
  let checkpoint: CaptureCheckpoint | undefined;

  const status = (): CaptureStatus => {
    const lag = tracker?.status() ?? { secondsBehind: 0, pending: 0, applied: 0, collections: [], inSync: false };
    const { inSync, ...rest } = lag;
    const live = state === 'catching-up' || state === 'in-sync' ? (inSync ? 'in-sync' : 'catching-up') : state;
    return { state: live, ...rest, failed: loop.failed, position: checkpoint ? formatPosition(checkpoint.position) : '', ...(error ? { error } : {}) };
  };

  async function run(): Promise<CaptureStatus> {
    let keys: KeyMap | undefined;
    try {
      checkpoint = requireCaptureCheckpoint(ctx);
      await checkOplog(ctx.source);
      keys = new KeyMap(ctx.stateDir, false);
      tracker = new LagTracker(checkpoint.collections, options.inSyncSeconds);
      state = 'catching-up';
      await follow(new FollowRun(ctx, options, loop, { saved: checkpoint, keys, lag: tracker }));
      state = 'stopped';
    } catch (caught) {
      const failure = isAppError(caught) ? caught : new AppError('INTERNAL', (caught as Error)?.message ?? String(caught));
      state = 'failed';
      error = { code: failure.code, message: failure.message };
    } finally {
      keys?.close();
      for (const waiter of loop.waiters) waiter.resolve();
    }
    return status();
  }

  return {
    status,
    stop() {
      loop.stopped = true;
      loop.wake?.();
    },
    drained: () => new Promise<void>((resolve) => { loop.waiters.push({ resolve, after: loop.reads }); }),
    done: run(),
  };
}

interface OplogRead { fresh: OplogChange[]; changes: OplogChange[]; full: boolean; readAt: number }

/** One follow loop's state: what it read, what it applied, and the position it saved. */
class FollowRun {
  /** Changes read and handed to an apply (a later read returns them again until the saved position passes them). */
  readonly dispatched = new Set<string>();
  /** Where the read in flight started: entries at or before it will not come back from it. */
  readingFrom: OplogPosition | undefined;
  private lastSave = 0;

  constructor(
    readonly ctx: MigrationContext,
    readonly options: FollowOptions,
    readonly loop: FollowLoop,
    readonly io: { saved: CaptureCheckpoint; keys: KeyMap; lag: LagTracker },
  ) {}

  /** Applies one read's fresh changes, then saves the position they settle (see `settle`). */
  async applyBatch(read: OplogRead): Promise<void> {
    const { saved, keys, lag } = this.io;
    if (read.fresh.length > 0) {
      const outcome = await applyChanges(this.ctx, keys, read.fresh);
      this.loop.failed += outcome.failures.length;
      const now = Date.now();
      this.options.onApplied?.(read.fresh.map((c) => now - c.at));
      lag.done(read.fresh);
    }
    const settled = settle(read.changes, saved.position, read.full, read.readAt);
    if (comparePositions(settled, saved.position) <= 0 || !(read.full || Date.now() - this.lastSave >= SAVE_INTERVAL_MS || this.loop.stopped)) return;
    keys.flush();
    saved.position = settled;
    saveCaptureCheckpoint(this.ctx.stateDir, saved);
    this.lastSave = Date.now();
    const forget = this.readingFrom && comparePositions(this.readingFrom, settled) < 0 ? this.readingFrom : settled;
    for (const key of this.dispatched) if (comparePositions(parsePosition(key), forget) <= 0) this.dispatched.delete(key);
  }

  /** Reads the oplog from `cursor`, keeping the changes not yet handed to an apply. */
  async read(cursor: OplogPosition): Promise<OplogRead> {
    const readAt = Date.now();
    this.readingFrom = cursor;
    const { changes, full } = await readChanges(this.ctx.source, this.io.saved.collections, cursor, READ_LIMIT);
    this.readingFrom = undefined;
    const fresh = changes.filter((c) => !this.dispatched.has(formatPosition(c.position)));
    for (const change of fresh) this.dispatched.add(formatPosition(change.position));
    this.io.lag.read(fresh, full);
    return { fresh, changes, full, readAt };
  }
}

/**
 * While a backlog fills whole reads, reads the next batch while the previous one is applied
 * (pipelined); once caught up, reads again after the apply. Batches apply one after another,
 * so one document's changes keep their order.
 */
async function follow(run: FollowRun): Promise<void> {
  const { ctx, options, loop, io } = run;
  const pollMs = options.pollMs ?? 100;
  let cursor = io.saved.position;
  let lastGapCheck = 0;
  let applying: Promise<void> = Promise.resolve();
  try {
    while (!loop.stopped) {
      if (Date.now() - lastGapCheck > GAP_CHECK_MS) {
        await refuseGap(ctx, io.saved);
        lastGapCheck = Date.now();
      }
      const readNumber = ++loop.reads;
      const read = await run.read(cursor);
      await applying;
      applying = run.applyBatch(read);
      applying.catch(() => {}); // awaited before the next apply, or below
      // A full read (a backlog) pages on from its last change while this batch applies.
      if (read.full) {
        cursor = read.changes.at(-1)!.position;
        continue;
      }
      // Caught up: one read at a time (each costs FerretDB a scan of its whole oplog), from the saved position.
      await applying;
      cursor = io.saved.position;
      if (read.fresh.length > 0) continue;
      for (const waiter of loop.waiters) if (waiter.after < readNumber) waiter.resolve();
      loop.waiters = loop.waiters.filter((waiter) => waiter.after >= readNumber);
      if (options.untilDrained) break;
      if (!loop.stopped) await new Promise<void>((resolve) => { loop.wake = resolve; setTimeout(resolve, pollMs); });
    }
  } finally {
    await applying.catch(() => {});
  }
  await applying;
}

function parsePosition(text: string): OplogPosition {
  const [t, i] = text.split('.').map(Number);
  return { t: t!, i: i! };
}
