import type { CollectionProgress, JobState, MigrationProgress } from '../../shared/migration';

/** Rate is measured over this much recent time, so it follows slowdowns and pauses. */
const RATE_WINDOW_MS = 5000;

/** The live counts of a job, and the snapshots (rate, ETA) the job emits. */
export class ProgressTracker {
  state: JobState = 'running';
  error: { code: string; message: string } | undefined;
  /** Set by the bulk path (export, then import); the direct copy has none. */
  stage: MigrationProgress['stage'];
  readonly collections: CollectionProgress[];
  private readonly started = Date.now();
  private readonly samples: Array<{ at: number; processed: number }> = [];
  private baseline = { at: Date.now(), processed: 0 };
  /** Once the job has ended its numbers stop moving: elapsed time and rate are those of the run. */
  private final: MigrationProgress | undefined;

  constructor(readonly jobId: string, names: string[]) {
    this.collections = names.map((collection) => ({ collection, state: 'pending', total: 0, read: 0, written: 0, failed: 0, skipped: 0 }));
  }

  collection(name: string): CollectionProgress {
    return this.collections.find((c) => c.collection === name)!;
  }

  private processed(): number {
    return this.collections.reduce((sum, c) => sum + c.written + c.failed + c.skipped, 0);
  }

  /** Docs per second over the recent window (a restored checkpoint's counts are not counted as speed). */
  private rate(now: number, processed: number): number {
    this.samples.push({ at: now, processed });
    while (this.samples.length > 2 && now - this.samples[1]!.at >= RATE_WINDOW_MS) this.samples.shift();
    const first = this.samples[0]!;
    const seconds = (now - first.at) / 1000;
    return seconds > 0 ? (processed - first.processed) / seconds : 0;
  }

  /** Marks the counts restored from a checkpoint as the starting point of the rate. */
  resetRate(): void {
    this.baseline = { at: Date.now(), processed: this.processed() };
    this.samples.length = 0;
    this.samples.push(this.baseline);
  }

  /** Documents this run handled, and its average rate since the restored starting point. */
  runRate(): { processed: number; docsPerSecond: number } {
    const processed = this.processed() - this.baseline.processed;
    const seconds = (Date.now() - this.baseline.at) / 1000;
    return { processed, docsPerSecond: seconds > 0 ? processed / seconds : 0 };
  }

  snapshot(): MigrationProgress {
    if (this.final) return this.final;
    const ended = this.state === 'completed' || this.state === 'cancelled' || this.state === 'failed';
    const now = Date.now();
    const sum = (field: 'total' | 'read' | 'written' | 'failed' | 'skipped') => this.collections.reduce((s, c) => s + c[field], 0);
    const processed = this.processed();
    const docsPerSecond = ended ? this.runRate().docsPerSecond : this.rate(now, processed);
    const total = sum('total');
    const snapshot: MigrationProgress = {
      jobId: this.jobId,
      state: this.state,
      collections: this.collections.map((c) => ({ ...c, total: Math.max(c.total, c.written + c.failed + c.skipped) })),
      overall: {
        total: Math.max(total, processed),
        read: sum('read'), written: sum('written'), failed: sum('failed'), skipped: sum('skipped'),
        docsPerSecond: Math.round(docsPerSecond * 10) / 10,
        etaSeconds: this.state === 'running' && docsPerSecond > 0 ? Math.max(0, total - processed) / docsPerSecond : null,
      },
      elapsedMs: now - this.started,
      ...(this.stage ? { stage: this.stage } : {}),
      ...(this.error ? { error: this.error } : {}),
    };
    if (ended) this.final = snapshot;
    return snapshot;
  }
}
