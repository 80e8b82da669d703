import type { DocumentProblem, MigrationSummary } from '../../shared/migration';
import { JobControl } from './job-control';
import { jobShell, recordFailure } from './job-shell';
import type { MigrationJob } from './migration-job';
import { ProgressTracker } from './progress-tracker';

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
  const shell = jobShell(() => parts.tracker, parts.control);

  async function run(): Promise<MigrationSummary> {
    shell.start();
    const { control } = parts;
    try {
      await work(parts);
      parts.tracker.state = control.cancelled ? 'cancelled' : 'completed';
    } catch (error) {
      recordFailure(parts.tracker, control, error);
    }
    return { ...shell.finish(), failures: parts.problems };
  }

  return {
    id,
    ...shell.controls,
    failures: () => parts.problems,
    done: run(),
  };
}
