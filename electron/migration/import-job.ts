import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { tableName, TABLES_ENCRYPTED_AT_REST, type CollectionSpec } from '../../shared/catalogue';
import { AppError } from '../../shared/errors';
import type { CollectionProgress } from '../../shared/migration';
import type { DynamoClients } from '../adapters/dynamodb/client';
import { describeImport, importTableInput, startImport, type ImportState } from '../adapters/dynamodb/import-table';
import { describeTable } from '../adapters/dynamodb/table-admin';
import { collectionPrefix } from './export-parts';
import type { JobParts } from './tracked-job';

export interface ImportOptions {
  bucket: string;
  prefix: string;
  bucketOwner?: string;
  /** How often DescribeImport is asked. */
  pollMs: number;
  /** Ties the imports to one export run: a repeated start within 8 hours is the same import. */
  runId: string;
}

/** ImportTable's per-item error records go to CloudWatch Logs only, which this tool does not read. */
export const CLOUDWATCH_NOTE = 'per-item error records are in CloudWatch Logs (log group /aws-dynamodb/imports), which this tool does not read';

const TERMINAL = new Set<ImportState['status']>(['COMPLETED', 'FAILED', 'CANCELLED']);

/** What the export left to import, and the documents it could not convert (still failures of the run). */
export interface Exported {
  documents: number;
  failed: number;
}

function show(progress: CollectionProgress, state: ImportState, exported: Exported): void {
  progress.read = state.processedItems + exported.failed;
  progress.written = state.importedItems;
  progress.failed = exported.failed + state.errorCount;
}

/** ImportTable only creates tables: an existing one is refused before anything starts. */
export async function refuseExisting(target: DynamoClients, specs: readonly CollectionSpec[]): Promise<void> {
  const prefix = target.config.tablePrefix;
  const existing = (await Promise.all(specs.map(async (s) => ((await describeTable(target, tableName(s.name, prefix))) ? tableName(s.name, prefix) : undefined)))).filter(Boolean);
  if (existing.length > 0) {
    throw new AppError('CONFLICT', `ImportTable only creates new tables, and ${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''} at ${target.where}. Use another table prefix, delete ${existing.length === 1 ? 'it' : 'them'}, or copy directly (without --via s3).`);
  }
}

async function importOne(target: DynamoClients, spec: CollectionSpec, options: ImportOptions, job: JobParts, exported: Exported): Promise<ImportState> {
  const progress = job.tracker.collection(spec.name);
  const input = importTableInput(spec, target.config.tablePrefix, { bucket: options.bucket, keyPrefix: collectionPrefix(options.prefix, spec.name), bucketOwner: options.bucketOwner }, TABLES_ENCRYPTED_AT_REST);
  const token = createHash('sha256').update(`${options.runId}\u0000${spec.name}`).digest('hex').slice(0, 36);
  const arn = await startImport(target, input, token);
  progress.state = 'running';
  progress.total = exported.documents + exported.failed;
  for (;;) {
    const state = await describeImport(target, arn, job.control.signal);
    show(progress, state, exported);
    if (TERMINAL.has(state.status)) {
      progress.state = state.status === 'COMPLETED' ? 'done' : 'failed';
      return state;
    }
    await sleep(options.pollMs, undefined, { signal: job.control.signal }).catch(() => {});
    if (job.control.cancelled) throw new AppError('CANCELLED', `The import of ${spec.name} keeps running in AWS (${arn}); cancel it there if needed.`);
  }
}

/**
 * One ImportTable per collection (they run in parallel in AWS), each polled with DescribeImport
 * into the job's progress: processed items (read), imported (written), errors (failed). A failed
 * import is reported with its error count and message; the per-item records stay in CloudWatch.
 */
export async function runImports(target: DynamoClients, specs: readonly CollectionSpec[], options: ImportOptions, job: JobParts, exported: Record<string, Exported>): Promise<Record<string, ImportState>> {
  job.tracker.stage = 'import';
  job.tracker.resetRate();
  const states = await Promise.all(specs.map((spec) => importOne(target, spec, options, job, exported[spec.name] ?? { documents: 0, failed: 0 })));
  const results = Object.fromEntries(specs.map((spec, i) => [spec.name, states[i]!]));
  for (const [collection, state] of Object.entries(results)) {
    if (state.status === 'COMPLETED' && state.errorCount === 0) continue;
    job.problems.push({
      collection, id: '(import)', code: 'WRITE_FAILED',
      reason: `ImportTable ${state.status.toLowerCase()}: ${state.errorCount} item error(s)${state.failureCode ? `, ${state.failureCode}` : ''}${state.failureMessage ? `: ${state.failureMessage}` : ''}; ${CLOUDWATCH_NOTE}`,
    });
  }
  return results;
}
