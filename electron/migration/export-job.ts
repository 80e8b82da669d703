import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { rulesFor, type MigrationProfile } from '../../shared/migration-profile';
import { describeEnds, type MigrationContext } from './context';
import { quickCount } from '../adapters/mongodb/count-documents';
import { ErrorLog, errorLogPath } from './error-log';
import { exportCollection } from './export-collection';
import { exportedDocuments, exportedFailures, loadExportCheckpoint, saveExportCheckpoint, type ExportCheckpoint } from './export-checkpoint';
import { DEFAULT_PART_BYTES } from './export-parts';
import type { PartSink } from './export-sink';
import { selectCollections, type MigrationJob } from './migration-job';
import { trackedJob, type JobParts } from './tracked-job';

export interface ExportOptions {
  collections: string[];
  /** Key prefix in the bucket (or sub-folder of the folder); each collection gets `<prefix>/<collection>/`. */
  prefix: string;
  partBytes: number;
  parallelParts: number;
  resume: boolean;
  /** The DBA's fix rules; none: unmigratable documents are skipped and logged. */
  profile?: MigrationProfile;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = { collections: [], prefix: '', partBytes: DEFAULT_PART_BYTES, parallelParts: 3, resume: false };
const CHECKPOINT_INTERVAL_MS = 250;

function startingCheckpoint(ctx: MigrationContext, target: string, options: ExportOptions, runId: string): ExportCheckpoint {
  const source = describeEnds(ctx).source;
  if (!options.resume) return { version: 1, runId, source, target, partBytes: options.partBytes, collections: {}, updatedAt: new Date().toISOString() };
  const saved = loadExportCheckpoint(ctx.stateDir);
  if (!saved) throw new AppError('NOT_FOUND', `No export checkpoint in ${ctx.stateDir}: nothing to resume. Run without --resume to start a new export.`);
  if (saved.source !== source || saved.target !== target || saved.partBytes !== options.partBytes) {
    throw new AppError('CONFLICT', `The export checkpoint in ${ctx.stateDir} is for ${saved.source} → ${saved.target} in parts of ${saved.partBytes} bytes. Resume with the same settings, or start without --resume.`);
  }
  return saved;
}

/** Exports the selected collections into the sink, resumably; returns the checkpoint (every part, per collection). */
export async function runExport(ctx: MigrationContext, sink: PartSink, options: ExportOptions, job: JobParts): Promise<ExportCheckpoint> {
  const target = `${sink.describe()}/${options.prefix}`;
  const checkpoint = startingCheckpoint(ctx, target, options, randomUUID());
  const log = new ErrorLog(errorLogPath(ctx.stateDir, checkpoint.runId), options.resume);
  let lastSave = 0;
  const persist = (force: boolean) => {
    if (!force && Date.now() - lastSave < CHECKPOINT_INTERVAL_MS) return;
    log.sync();
    saveExportCheckpoint(ctx.stateDir, checkpoint);
    lastSave = Date.now();
  };
  const { tracker, control } = job;
  tracker.stage = 'export';
  try {
    const specs = selectCollections(options.collections);
    for (const spec of specs) {
      const state = (checkpoint.collections[spec.name] ??= { done: false, parts: [], uploads: 0 });
      const progress = tracker.collection(spec.name);
      const failed = exportedFailures(state);
      Object.assign(progress, { written: exportedDocuments(state), failed, read: exportedDocuments(state) + failed, state: state.done ? 'done' : 'pending' });
      progress.total = await quickCount(ctx.source.db.collection(spec.name), ctx.source.config.url);
    }
    tracker.resetRate();
    persist(true);
    for (const spec of specs) {
      const progress = tracker.collection(spec.name);
      if (progress.state === 'done') continue;
      if (control.cancelled) { progress.state = 'cancelled'; continue; }
      progress.state = 'running';
      const complete = await exportCollection({
        source: ctx.source.db.collection(spec.name), sourceUrl: ctx.source.config.url, spec, rules: rulesFor(options.profile, spec.name), sink, prefix: options.prefix,
        partBytes: options.partBytes, parallelParts: options.parallelParts, state: checkpoint.collections[spec.name]!,
        progress, control, onProblem: (problem) => log.record(problem), onCheckpoint: () => persist(false),
      });
      progress.state = complete ? 'done' : 'cancelled';
      persist(true);
    }
  } finally {
    try { persist(true); } catch {}
    job.problems.push(...log.problems());
    log.close();
  }
  return checkpoint;
}

/** `export` on its own: the collections to gzip-compressed DynamoDB JSON in S3 or a folder. */
export function startExport(ctx: MigrationContext, sink: PartSink, options: ExportOptions): MigrationJob {
  const names = selectCollections(options.collections).map((s) => s.name);
  return trackedJob(randomUUID(), names, async (job) => { await runExport(ctx, sink, options, job); });
}
