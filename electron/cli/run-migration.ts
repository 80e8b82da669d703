import { resolve } from 'node:path';
import type { MigrationOptions, MigrationSummary } from '../../shared/migration';
import { errorLogPath, startMigration, type AnyContext, type MigrationJob } from '../migration';
import { loadCheckpoint, requireCheckpoint, type Checkpoint } from '../migration/checkpoint-store';
import { engineContext } from '../migration/context';
import { selectCollections, type MigrationHooks } from '../migration/migration-job';
import { detectSourceChanges, handledBefore } from '../migration/source-changes';
import { createProgressView } from './progress-view';
import { printSummary, type EarlierCounts } from './report';
import { resumeCommand } from './resume-command';
import { EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS } from './run-action';

/** Runs a migration with live progress on stderr; Ctrl+C (or SIGTERM) cancels it cleanly (the checkpoint is kept). */
export function runMigration(ctx: AnyContext, options: Partial<MigrationOptions>, hooks?: MigrationHooks): Promise<MigrationSummary> {
  return watchJob(startMigration(ctx, options, hooks));
}

/** Any job (a copy, an export, the bulk path) with live progress on stderr; Ctrl+C cancels it. */
export async function watchJob(job: MigrationJob): Promise<MigrationSummary> {
  const view = createProgressView();
  const unsubscribe = job.onProgress((progress) => view.update(progress));
  const cancel = () => job.cancel();
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);
  try {
    const summary = await job.done;
    view.update(summary);
    return summary;
  } finally {
    unsubscribe();
    view.stop();
    process.off('SIGINT', cancel);
    process.off('SIGTERM', cancel);
  }
}

/** `--resume` with no checkpoint (a mistyped --state-dir) stops here instead of starting a full run. */
export function requireResumableCheckpoint(stateDir: string): Checkpoint {
  return requireCheckpoint(stateDir, 'Check --state-dir, or run without --resume to start a new migration.');
}

/** The error log of the run whose checkpoint is in the state folder. */
function currentErrorLog(ctx: AnyContext): string {
  const checkpoint = loadCheckpoint(ctx.stateDir);
  return checkpoint ? errorLogPath(ctx.stateDir, checkpoint.runId) : ctx.stateDir;
}

/** 0 when every document was written, 1 when some failed, 2 when the run itself failed. */
export function summaryExitCode(summary: MigrationSummary): number {
  if (summary.state === 'failed' || summary.state === 'cancelled') return EXIT_ERROR;
  return summary.overall.failed > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/**
 * The selected collections' document count after a completed run (metadata, cheap). The engine's
 * totals never drop below the documents handled (progress stays at or under 100%), so only this
 * shows a source that shrank meanwhile.
 */
async function sourceCountNow(ctx: AnyContext, summary: MigrationSummary): Promise<number | undefined> {
  if (summary.state !== 'completed') return undefined;
  const { source } = engineContext(ctx);
  const counts = await Promise.all(summary.collections.map((c) => source.quickCount(c.collection)));
  return counts.reduce((a, b) => a + b, 0);
}

const warn = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Before a resume: what was done before (those documents are not read again), and whether the
 * source visibly changed since, in which case copies made before may be stale. Returns the
 * earlier counts, which the summary includes.
 */
async function announceResume(ctx: AnyContext, checkpoint: Checkpoint, collections: string[]): Promise<EarlierCounts> {
  const names = selectCollections(collections).map((c) => c.name);
  const earlier = names.map((n) => checkpoint.collections[n]).filter((c) => c !== undefined);
  const counts = {
    written: earlier.reduce((sum, c) => sum + c.written, 0),
    failed: earlier.reduce((sum, c) => sum + c.failed, 0),
    skipped: earlier.reduce((sum, c) => sum + c.skipped, 0),
  };
  const handled = earlier.reduce((sum, c) => sum + handledBefore(c), 0);
  warn(`Resuming the run saved in ${resolve(ctx.stateDir)} at ${checkpoint.updatedAt}: ${handled} documents handled before are not read again.`);
  const changes = await detectSourceChanges(ctx, checkpoint, names);
  for (const change of changes) warn(`Warning: ${change}`);
  if (changes.length > 0) {
    warn('Warning: copies made before the interruption are not refreshed: documents deleted or updated since then keep their old copy in the target, and the counts below include them. '
      + `Run \`verify${collections.length > 0 ? ` ${collections.join(' ')}` : ''}\` after this run to list every difference.`);
  }
  return counts;
}

export async function migrateAndReport(ctx: AnyContext, options: Partial<MigrationOptions>, json: boolean, hooks?: MigrationHooks): Promise<number> {
  const previous = options.resume ? requireResumableCheckpoint(ctx.stateDir) : loadCheckpoint(ctx.stateDir);
  let earlier: EarlierCounts | undefined;
  if (options.resume) {
    earlier = await announceResume(ctx, previous!, options.collections ?? []);
  } else if (previous && Object.values(previous.collections).some((c) => !c.done)) {
    warn(`Starting over: the unfinished run in ${ctx.stateDir} is set aside (use --resume to continue it).`);
  }
  const summary = await runMigration(ctx, options, hooks);
  if (json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else printSummary(summary, currentErrorLog(ctx), (line) => process.stdout.write(`${line}\n`), { earlier, sourceNow: await sourceCountNow(ctx, summary) });
  // Cancelled, or a server that went away mid-run: the checkpoint holds, and this continues it.
  if (summary.state === 'cancelled' || summary.error?.code === 'UNREACHABLE') {
    warn(`To continue where it stopped, run:\n  ${resumeCommand(process.argv.slice(2), ctx.stateDir)}`);
  }
  return summaryExitCode(summary);
}
