import { AppError } from '../../shared/errors';
import type { JobSummary } from '../../shared/contract';

/** What the registry needs of a long job: its latest progress and a way to watch it. */
interface WatchableJob<P> {
  progress(): P;
  onProgress(listener: (progress: P) => void): () => void;
}

interface Registered { summary: () => JobSummary; job: WatchableJob<unknown> }

/**
 * Long jobs by id. A job lives here after its window or tab is gone, so a reloaded page can
 * ask for its status and subscribe again; any number of subscribers watch the same job.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Registered>();

  add<P>(jobId: string, kind: JobSummary['kind'], collections: string[], job: WatchableJob<P>, state: (p: P) => string): void {
    const startedAt = new Date().toISOString();
    this.jobs.set(jobId, { job, summary: () => ({ jobId, kind, startedAt, collections, state: state(job.progress()) }) });
  }

  get<P>(jobId: string, kind: JobSummary['kind']): WatchableJob<P> {
    const found = this.jobs.get(jobId);
    if (!found || found.summary().kind !== kind) throw new AppError('NOT_FOUND', `No ${kind} job ${jobId} is known. It may have run in an earlier session of the console.`);
    return found.job as WatchableJob<P>;
  }

  /** Sends the latest progress at once, then every update, until the returned function is called. */
  watch<P>(jobId: string, kind: JobSummary['kind'], listener: (progress: P) => void): () => void {
    const job = this.get<P>(jobId, kind);
    listener(job.progress());
    return job.onProgress(listener);
  }

  list(): JobSummary[] {
    return [...this.jobs.values()].map((j) => j.summary()).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }
}

/** A small progress emitter for jobs the api runs itself (verify), throttled to `intervalMs`. */
export class ProgressEmitter<P> implements WatchableJob<P> {
  private readonly listeners = new Set<(progress: P) => void>();
  private lastSent = 0;
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(private current: P, private readonly intervalMs = 100) {}

  progress(): P {
    return this.current;
  }

  onProgress(listener: (progress: P) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `final` updates go out at once; others at most every `intervalMs`, the latest one winning. */
  update(next: P, final = false): void {
    this.current = next;
    const wait = this.lastSent + this.intervalMs - Date.now();
    if (final || wait <= 0) {
      clearTimeout(this.pending);
      this.pending = undefined;
      this.emit();
    } else {
      this.pending ??= setTimeout(() => { this.pending = undefined; this.emit(); }, wait);
    }
  }

  private emit(): void {
    this.lastSent = Date.now();
    for (const listener of this.listeners) listener(this.current);
  }
}
