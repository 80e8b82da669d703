import type { CollectionProgress, ConcurrencyReport, JobState, MigrationProgress } from '../../shared/migration';

/** Rate is measured over this much recent time, so it follows slowdowns and pauses. */
const RATE_WINDOW_MS = 5000;
/**
 * Before this many documents since the run (re)started, a rate says more about the source
 * preparing its first batch than about the run: no ETA, the console says "preparing".
 */
const MIN_DOCUMENTS_FOR_RATE = 100;

/** Documents per second over a sliding window of samples. */
class RateWindow {
  private readonly samples: Array<{ at: number; processed: number }> = [];

  reset(at: number, processed: number): void {
    this.samples.length = 0;
    this.samples.push({ at, processed });
  }

  rate(now: number, processed: number): number {
    this.samples.push({ at: now, processed });
    while (this.samples.length > 2 && now - this.samples[1]!.at >= RATE_WINDOW_MS) this.samples.shift();
    const first = this.samples[0]!;
    const seconds = (now - first.at) / 1000;
    return seconds > 0 ? (processed - first.processed) / seconds : 0;
  }
}

const handled = (c: CollectionProgress) => c.written + c.failed + c.skipped;
const eta = (remaining: number, rate: number) => (rate > 0 ? Math.max(0, remaining) / rate : null);

/** The live counts of a job, and the snapshots (rate, ETA) the job emits. */
export class ProgressTracker {
  error: { code: string; message: string } | undefined;
  /** Set by the bulk path (export, then import); the direct copy has none. */
  stage: MigrationProgress['stage'];
  /** The job's batches-in-flight limit, reported in every snapshot. */
  concurrency: (() => ConcurrencyReport) | undefined;
  readonly collections: CollectionProgress[];
  private current: JobState = 'running';
  private readonly started = Date.now();
  private readonly overallRate = new RateWindow();
  private readonly collectionRates = new Map<string, RateWindow>();
  private baseline = { at: Date.now(), processed: 0 };
  /** Time spent paused, so Elapsed counts only running time. */
  private pausedMs = 0;
  private pausedAt: number | undefined;
  /** Once the job has ended its numbers stop moving: elapsed time and rate are those of the run. */
  private final: MigrationProgress | undefined;

  constructor(readonly jobId: string, names: string[]) {
    this.collections = names.map((collection) => ({ collection, state: 'pending', total: 0, read: 0, written: 0, failed: 0, skipped: 0 }));
    for (const name of names) this.collectionRates.set(name, new RateWindow());
    this.overallRate.reset(this.baseline.at, 0);
  }

  get state(): JobState {
    return this.current;
  }

  set state(next: JobState) {
    const now = Date.now();
    if (next === 'paused' && this.pausedAt === undefined) this.pausedAt = now;
    if (next !== 'paused' && this.pausedAt !== undefined) {
      this.pausedMs += now - this.pausedAt;
      this.pausedAt = undefined;
    }
    this.current = next;
  }

  collection(name: string): CollectionProgress {
    return this.collections.find((c) => c.collection === name)!;
  }

  private processed(): number {
    return this.collections.reduce((sum, c) => sum + handled(c), 0);
  }

  /** Marks the counts restored from a checkpoint as the starting point of the rate. */
  resetRate(): void {
    this.baseline = { at: Date.now(), processed: this.processed() };
    this.overallRate.reset(this.baseline.at, this.baseline.processed);
    for (const c of this.collections) this.collectionRates.get(c.collection)!.reset(this.baseline.at, handled(c));
  }

  /** Documents this run handled, and its average rate since the restored starting point. */
  runRate(): { processed: number; docsPerSecond: number } {
    const processed = this.processed() - this.baseline.processed;
    const seconds = (Date.now() - this.baseline.at) / 1000;
    return { processed, docsPerSecond: seconds > 0 ? processed / seconds : 0 };
  }

  private elapsed(now: number): number {
    return now - this.started - this.pausedMs - (this.pausedAt === undefined ? 0 : now - this.pausedAt);
  }

  private collectionSnapshot(c: CollectionProgress, now: number, preparing: boolean): CollectionProgress {
    const total = Math.max(c.total, handled(c));
    const rate = this.collectionRates.get(c.collection)!.rate(now, handled(c));
    const state = c.state === 'running' && this.current === 'paused' ? 'paused' : c.state;
    if (state !== 'running') return { ...c, state, total };
    return { ...c, state, total, docsPerSecond: Math.round(rate * 10) / 10, etaSeconds: preparing ? null : eta(total - handled(c), rate) };
  }

  snapshot(): MigrationProgress {
    if (this.final) return this.final;
    const ended = this.current === 'completed' || this.current === 'cancelled' || this.current === 'failed';
    const now = Date.now();
    const sum = (field: 'total' | 'read' | 'written' | 'failed' | 'skipped') => this.collections.reduce((s, c) => s + c[field], 0);
    const processed = this.processed();
    const docsPerSecond = ended ? this.runRate().docsPerSecond : this.overallRate.rate(now, processed);
    const total = sum('total');
    const preparing = this.current === 'running' && processed < total
      && processed - this.baseline.processed < Math.min(MIN_DOCUMENTS_FOR_RATE, total - this.baseline.processed);
    const snapshot: MigrationProgress = {
      jobId: this.jobId,
      state: this.current,
      collections: this.collections.map((c) => this.collectionSnapshot(c, now, preparing)),
      overall: {
        total: Math.max(total, processed),
        read: sum('read'), written: sum('written'), failed: sum('failed'), skipped: sum('skipped'),
        docsPerSecond: Math.round(docsPerSecond * 10) / 10,
        etaSeconds: this.current === 'running' && !preparing ? eta(total - processed, docsPerSecond) : null,
        ...(preparing ? { preparing } : {}),
      },
      elapsedMs: this.elapsed(now),
      ...(this.stage ? { stage: this.stage } : {}),
      ...(this.concurrency ? { concurrency: this.concurrency() } : {}),
      ...(this.error ? { error: this.error } : {}),
    };
    if (ended) this.final = snapshot;
    return snapshot;
  }
}
