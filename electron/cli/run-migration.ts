import type { MigrationOptions, MigrationSummary } from '../../shared/migration';
import { errorLogPath, startMigration, type MigrationContext } from '../migration';
import { loadCheckpoint } from '../migration/checkpoint-store';
import { createProgressView } from './progress-view';
import { printSummary } from './report';
import { EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS } from './run-action';

/** Runs a migration with live progress on stderr; Ctrl+C cancels it cleanly (the checkpoint is kept). */
export async function runMigration(ctx: MigrationContext, options: Partial<MigrationOptions>): Promise<MigrationSummary> {
  const job = startMigration(ctx, options);
  const view = createProgressView();
  const unsubscribe = job.onProgress((progress) => view.update(progress));
  const cancel = () => job.cancel();
  process.once('SIGINT', cancel);
  try {
    const summary = await job.done;
    view.update(summary);
    return summary;
  } finally {
    unsubscribe();
    view.stop();
    process.off('SIGINT', cancel);
  }
}

/** The error log of the run whose checkpoint is in the state folder. */
function currentErrorLog(ctx: MigrationContext): string {
  const checkpoint = loadCheckpoint(ctx.stateDir);
  return checkpoint ? errorLogPath(ctx.stateDir, checkpoint.runId) : ctx.stateDir;
}

/** 0 when every document was written, 1 when some failed, 2 when the run itself failed. */
export function summaryExitCode(summary: MigrationSummary): number {
  if (summary.state === 'failed' || summary.state === 'cancelled') return EXIT_ERROR;
  return summary.overall.failed > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

export async function migrateAndReport(ctx: MigrationContext, options: Partial<MigrationOptions>, json: boolean): Promise<number> {
  const previous = options.resume ? undefined : loadCheckpoint(ctx.stateDir);
  if (previous && Object.values(previous.collections).some((c) => !c.done)) {
    process.stderr.write(`Starting over: the unfinished run in ${ctx.stateDir} is set aside (use --resume to continue it).\n`);
  }
  const summary = await runMigration(ctx, options);
  if (json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else printSummary(summary, currentErrorLog(ctx), (line) => process.stdout.write(`${line}\n`));
  return summaryExitCode(summary);
}
