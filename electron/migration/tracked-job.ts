import { AppError, isAppError } from '../../shared/errors';
import type { DocumentProblem, MigrationProgress, MigrationSummary } from '../../shared/migration';
import { JobControl } from './job-control';
import type { MigrationJob } from './migration-job';
import { ProgressTracker } from './progress-tracker';

const PROGRESS_INTERVAL_MS = 125;

export interface JobParts {
  control: JobControl;
  /** The current stage's tracker: replace it to start a stage with fresh counts. */
  tracker: ProgressTracker;
  problems: DocumentProblem[];
}

/**
 * The job shell of the bulk path (export, import): the same progress snapshots, pause, cancel
 * and summary as a direct migration, around a `work` function that moves the tracker's counts.
 */
export function trackedJob(id: string, names: string[], work: (job: JobParts) => Promise<void>): MigrationJob {
  const parts: JobParts = { control: new JobControl(), tracker: new ProgressTracker(id, names), problems: [] };
  const listeners = new Set<(progress: MigrationProgress) => void>();
  const emit = () => {
    const snapshot = parts.tracker.snapshot();
    for (const listener of listeners) {
      try { listener(snapshot); } catch {}
    }
    return snapshot;
  };

  async function run(): Promise<MigrationSummary> {
    const timer = setInterval(emit, PROGRESS_INTERVAL_MS);
    const { control } = parts;
    try {
      await work(parts);
      parts.tracker.state = control.cancelled ? 'cancelled' : 'completed';
    } catch (error) {
      const failure = isAppError(error) ? error : new AppError('INTERNAL', (error as Error)?.message ?? String(error));
      const outcome = control.cancelled && failure.code === 'CANCELLED' ? 'cancelled' : 'failed';
      parts.tracker.state = outcome;
      if (outcome === 'failed') parts.tracker.error = { code: failure.code, message: failure.message };
      for (const progress of parts.tracker.collections) if (progress.state === 'running') progress.state = outcome;
    } finally {
      clearInterval(timer);
    }
    return { ...emit(), failures: parts.problems };
  }

  return {
    id,
    progress: () => parts.tracker.snapshot(),
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pause() {
      parts.control.pause();
      if (parts.tracker.state === 'running' && parts.control.paused) parts.tracker.state = 'paused';
    },
    resume() {
      parts.control.resume();
      if (parts.tracker.state === 'paused') parts.tracker.state = 'running';
    },
    cancel: () => parts.control.cancel(),
    failures: () => parts.problems,
    done: run(),
  };
}
