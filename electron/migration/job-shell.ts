import { AppError, isAppError } from '../../shared/errors';
import type { MigrationProgress } from '../../shared/migration';
import type { JobControl } from './job-control';
import type { MigrationJob } from './migration-job';
import { ProgressEmitter } from './progress-emitter';
import type { ProgressTracker } from './progress-tracker';

// Eight a second, so that even with a loaded event loop the window gets the four a second it is promised.
const PROGRESS_INTERVAL_MS = 125;

export interface JobShell {
  /** Sends the tracker's progress every PROGRESS_INTERVAL_MS until `finish`. */
  start(): void;
  /** Stops the timer and sends the final progress at once. */
  finish(): MigrationProgress;
  /** The job's progress, listeners, pause, resume and cancel, for the MigrationJob it returns. */
  controls: Pick<MigrationJob, 'progress' | 'onProgress' | 'pause' | 'resume' | 'cancel'>;
}

/**
 * What every migration job shares (the direct copy, the bulk path's export and import): progress
 * through one emitter on a timer and at the end, and pause / resume / cancel that move the
 * tracker's state. `tracker` is read each time: a stage may replace it.
 */
export function jobShell(tracker: () => ProgressTracker, control: JobControl): JobShell {
  const emitter = new ProgressEmitter<MigrationProgress>(tracker().snapshot(), 0);
  let timer: ReturnType<typeof setInterval> | undefined;
  const send = () => emitter.update(tracker().snapshot(), true);
  return {
    start() { timer = setInterval(send, PROGRESS_INTERVAL_MS); },
    finish() {
      clearInterval(timer);
      send();
      return emitter.progress();
    },
    controls: {
      progress: () => tracker().snapshot(),
      onProgress: (listener) => emitter.onProgress(listener),
      pause() {
        control.pause();
        if (tracker().state === 'running' && control.paused) tracker().state = 'paused';
      },
      resume() {
        control.resume();
        if (tracker().state === 'paused') tracker().state = 'running';
      },
      cancel: () => control.cancel(),
    },
  };
}

/** A run that ended by an error: failed, unless the error is the cancel itself. */
export function recordFailure(tracker: ProgressTracker, control: JobControl, error: unknown): void {
  const failure = isAppError(error) ? error : new AppError('INTERNAL', (error as Error)?.message ?? String(error));
  // A cancel aborts requests in flight: their CANCELLED is the cancel itself, not a failure.
  const outcome = control.cancelled && failure.code === 'CANCELLED' ? 'cancelled' : 'failed';
  tracker.state = outcome;
  if (outcome === 'failed') tracker.error = { code: failure.code, message: failure.message };
  for (const progress of tracker.collections) if (progress.state === 'running') progress.state = outcome;
}
