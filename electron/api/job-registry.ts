import { AppError } from '../../shared/errors';
import type { JobSummary, VerifyProgress } from '../../shared/contract';
import type { MigrationProgress } from '../../shared/migration';
import type { CutoverProgress } from '../../shared/cutover';
import type { MigrationJob } from '../migration';
import type { CutoverJob } from '../migration/cutover/cutover-job';

export type JobKind = JobSummary['kind'];

/**
 * A long job the api watches: its latest progress, listeners, cancel, and pause / resume where
 * the job has them. Migration jobs come from the engine; verify jobs from verify-job.ts.
 */
export interface Job<P extends { state: string }> {
  readonly id: string;
  progress(): P;
  onProgress(listener: (progress: P) => void): () => void;
  cancel(): void;
  pause?(): void;
  resume?(): void;
  /** Settles when the job has ended, however it ended. */
  readonly done: Promise<unknown>;
}

export type VerifyJob = Job<VerifyProgress>;

/** The progress each kind sends (the contract's migration.progress and verify.progress events). */
interface ProgressOf {
  migration: MigrationProgress;
  verify: VerifyProgress;
  cutover: CutoverProgress;
}
/** Each kind's job must be a Job of that kind's progress: the type refuses one that is not. */
type JobsOfKinds<T extends { [K in JobKind]: Job<ProgressOf[K]> }> = T;
/** The job each kind registers, so `get` hands back what its handlers need (a migration's failures). */
type JobOf = JobsOfKinds<{ migration: MigrationJob; verify: VerifyJob; cutover: CutoverJob }>;

type Control = 'pause' | 'resume' | 'cancel';

interface Registered { kind: JobKind; job: Job<{ state: string }>; startedAt: string; collections: string[] }

const ENDED = new Set(['completed', 'failed', 'cancelled']);

/**
 * Long jobs by id, of every kind, through one path: registration, listing, watching, the
 * controls, and the cancel at close. A job lives here after its window or tab is gone, so a
 * reloaded page can ask for its status and subscribe again; any number of subscribers watch it.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Registered>();

  add<K extends JobKind>(kind: K, collections: string[], job: JobOf[K]): void {
    this.jobs.set(job.id, { kind, job, startedAt: new Date().toISOString(), collections });
  }

  get<K extends JobKind>(jobId: string, kind: K): JobOf[K] {
    return this.find(jobId, kind) as unknown as JobOf[K];
  }

  /** Sends the latest progress at once, then every update, until the returned function is called. */
  watch<K extends JobKind>(jobId: string, kind: K, listener: (progress: ProgressOf[K]) => void): () => void {
    const job = this.find(jobId, kind);
    listener(job.progress());
    return job.onProgress(listener);
  }

  /** Pauses, resumes or cancels the job, and returns its progress after. A job without the control refuses. */
  async control<K extends JobKind>(jobId: string, kind: K, action: Control): Promise<ProgressOf[K]> {
    const job = this.find(jobId, kind);
    const act = job[action];
    if (!act) throw new AppError('VALIDATION', `A ${kind} job cannot ${action}: it can only be cancelled.`);
    await act.call(job);
    return job.progress();
  }

  list(): JobSummary[] {
    return [...this.jobs.values()]
      .map(({ kind, job, startedAt, collections }) => ({ jobId: job.id, kind, startedAt, collections, state: job.progress().state }))
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  private find<K extends JobKind>(jobId: string, kind: K): Job<ProgressOf[K]> {
    const found = this.jobs.get(jobId);
    if (!found || found.kind !== kind) throw new AppError('NOT_FOUND', `No ${kind} job ${jobId} is known. It may have run in an earlier session of the console.`);
    // Registered under `kind` by add(), whose type ties the job to the kind's progress.
    return found.job as Job<ProgressOf[K]>;
  }

  /** At close: cancels every job that has not ended and waits for each to settle. */
  async cancelAll(): Promise<void> {
    const live = [...this.jobs.values()].map((r) => r.job).filter((job) => !ENDED.has(job.progress().state));
    for (const job of live) job.cancel();
    await Promise.allSettled(live.map((job) => job.done));
  }
}
