import { AppError } from '../../shared/errors';
import type { MigrationOptions } from '../../shared/migration';
import { createS3Clients } from '../adapters/s3/s3-client';
import { forwardHandles, type AnyContext } from './context';
import { DEFAULT_EXPORT_OPTIONS } from './export-job';
import { s3Sink } from './export-sink';
import { startMigration, type MigrationJob } from './migration-job';
import { startS3Migration } from './s3-migration';

/**
 * The console's start: the direct copy, or the bulk path through S3 in the target's region and
 * credentials. A local target endpoint (moto) serves S3 too, so S3 goes to the same endpoint.
 */
export function startOnPath(anyCtx: AnyContext, options: MigrationOptions): MigrationJob {
  if (options.via !== 's3') return startMigration(anyCtx, options);
  const ctx = forwardHandles(anyCtx);
  if (!ctx) throw new AppError('VALIDATION', 'The path via S3 (ImportTable) goes from MongoDB to DynamoDB only.');
  if (!options.bucket) throw new AppError('VALIDATION', 'The path via S3 needs a bucket.');
  const { region, endpoint, credentials, profile } = ctx.target.config;
  const s3 = createS3Clients({ region, ...(endpoint ? { endpoint } : {}), ...(credentials ? { credentials } : {}), ...(profile ? { profile } : {}) });
  const job = startS3Migration(ctx, s3Sink(s3, options.bucket), {
    ...DEFAULT_EXPORT_OPTIONS, collections: options.collections, prefix: options.s3Prefix, resume: options.resume, bucket: options.bucket, pollMs: 1000,
    ...(options.profile ? { profile: options.profile } : {}),
  });
  void job.done.finally(() => s3.client.destroy());
  return job;
}
