import { Option, type Command } from 'commander';
import { TABLES_ENCRYPTED_AT_REST } from '../../shared/catalogue';
import { verifyMigration, type MigrationContext } from '../migration';
import { CLOUDWATCH_NOTE } from '../migration/import-job';
import { startS3Migration } from '../migration/s3-migration';
import { addBulkOptions, exportOptions, openSink, type BulkFlags } from './bulk-options';
import { printSummary, printVerify } from './report';
import { EXIT_PROBLEMS } from './run-action';
import { summaryExitCode, watchJob } from './run-migration';
import { errorLogPath } from '../migration';
import { loadExportCheckpoint } from '../migration/export-checkpoint';

export interface ViaFlags extends BulkFlags {
  via: 'direct' | 's3';
}

/** `migrate --via s3 --bucket B`: the flags, and the check that --bucket comes with it. */
export function addViaOptions(command: Command): Command {
  addBulkOptions(command.addOption(new Option('--via <path>', 'direct: write item by item; s3: export to S3, then ImportTable (new tables only)').choices(['direct', 's3']).default('direct')));
  return command.hook('preAction', (cmd) => {
    const flags = cmd.opts<ViaFlags>();
    if (flags.via === 's3' && flags.bucket === undefined) cmd.error('error: --via s3 needs --bucket');
    if (flags.via === 'direct' && flags.bucket !== undefined) cmd.error('error: --bucket is for --via s3');
  });
}

const write = (line: string) => process.stdout.write(`${line}\n`);

/**
 * The bulk path end to end: export, ImportTable into the DynamoDB endpoint (--endpoint; moto's
 * locally), then the same verify as after a copy. 0 when all is clean, 1 with failed documents
 * or differences, 2 when the run failed.
 */
export async function migrateViaS3(ctx: MigrationContext, collections: string[], flags: BulkFlags, json: boolean): Promise<number> {
  const { sink, close } = openSink(flags);
  try {
    const summary = await watchJob(startS3Migration(ctx, sink, { ...exportOptions(collections, flags), bucket: flags.bucket!, pollMs: 1000 }));
    const checkpoint = loadExportCheckpoint(ctx.stateDir);
    const imported = summary.state === 'completed' ? await verifyMigration(ctx, { collections, ...(flags.profile ? { profile: flags.profile } : {}) }) : undefined;
    if (json) {
      write(JSON.stringify({ ...summary, verify: imported }, null, 2));
    } else {
      printSummary(summary, checkpoint ? errorLogPath(ctx.stateDir, checkpoint.runId) : ctx.stateDir, write);
      if (summary.failures.some((f) => f.id === '(import)')) write(`ImportTable errors are reported as counts with the last failure message: ${CLOUDWATCH_NOTE}.`);
      if (imported) printVerify(imported, write);
      write(`Tables created by ImportTable: on-demand, with the catalogue's GSIs${TABLES_ENCRYPTED_AT_REST ? ', encrypted at rest' : ''}.`);
    }
    const code = summaryExitCode(summary);
    return imported && !imported.ok ? Math.max(code, EXIT_PROBLEMS) : code;
  } finally {
    close();
  }
}
