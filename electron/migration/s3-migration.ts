import { randomUUID } from 'node:crypto';
import { ProgressTracker } from './progress-tracker';
import type { MigrationContext } from './context';
import { runExport, type ExportOptions } from './export-job';
import { exportedDocuments, exportedFailures } from './export-checkpoint';
import type { PartSink } from './export-sink';
import { refuseExisting, runImports } from './import-job';
import { selectCollections, type MigrationJob } from './migration-job';
import { trackedJob } from './tracked-job';

export interface S3MigrationOptions extends ExportOptions {
  bucket: string;
  bucketOwner?: string;
  pollMs: number;
}

/**
 * The bulk path: export to S3 (stage `export`), then one ImportTable per collection into
 * `ctx.target` (stage `import`), with the same progress and summary as a direct copy. The
 * tables must not exist yet; verify runs afterwards exactly as after a copy.
 */
export function startS3Migration(ctx: MigrationContext, sink: PartSink, options: S3MigrationOptions): MigrationJob {
  const specs = selectCollections(options.collections);
  const id = randomUUID();
  return trackedJob(id, specs.map((s) => s.name), async (job) => {
    // Before the export, which may take hours: ImportTable would refuse an existing table at the end.
    await refuseExisting(ctx.target, specs);
    const checkpoint = await runExport(ctx, sink, options, job);
    if (job.control.cancelled) return;
    job.tracker = new ProgressTracker(id, specs.map((s) => s.name));
    const exported = Object.fromEntries(specs.map((s) => {
      const state = checkpoint.collections[s.name]!;
      return [s.name, { documents: exportedDocuments(state), failed: exportedFailures(state) }];
    }));
    await runImports(ctx.target, specs, { bucket: options.bucket, prefix: options.prefix, bucketOwner: options.bucketOwner, pollMs: options.pollMs, runId: checkpoint.runId }, job, exported);
  });
}
