import type { CliCommand } from '../cli-command';
import { addBulkOptions, exportOptions, openSink, type BulkFlags } from '../bulk-options';
import { addConnectionOptions, checkCollectionNames, type ConnectionFlags } from '../config';
import { withContext } from '../open-context';
import { printSummary } from '../report';
import { runAction } from '../run-action';
import { profileOption } from '../profile-option';
import { summaryExitCode, watchJob } from '../run-migration';
import { startExport } from '../../migration/export-job';
import { errorLogPath } from '../../migration';
import { loadExportCheckpoint } from '../../migration/export-checkpoint';

interface ExportFlags extends ConnectionFlags, BulkFlags {
  dir?: string;
  json?: boolean;
}

export const exportCommand: CliCommand = {
  register(program) {
    const command = addBulkOptions(addConnectionOptions(program.command('export').argument('[collections...]', 'collections to export (default: all 13)')
      .description('Export to gzip-compressed DynamoDB JSON for ImportTable, in S3 (--bucket) or a folder (--dir); resumable per part')))
      .option('--dir <folder>', 'write the parts into this folder instead of S3 (hand-off to another account)')
      .option('--resume', 'continue the export in --state-dir: finished parts are not uploaded again')
      .option('--json', 'print the summary as JSON')
      .addOption(profileOption());
    command.hook('preAction', (cmd) => {
      const flags = cmd.opts<ExportFlags>();
      if ((flags.bucket === undefined) === (flags.dir === undefined)) cmd.error('error: export needs exactly one of --bucket and --dir');
    });
    command.action(runAction(async (collections: string[], flags: ExportFlags) => {
      checkCollectionNames(collections);
      const { sink, close } = openSink(flags);
      try {
        return await withContext(flags, async (ctx) => {
          const summary = await watchJob(startExport(ctx, sink, exportOptions(collections, flags)));
          const checkpoint = loadExportCheckpoint(ctx.stateDir);
          const parts = Object.values(checkpoint?.collections ?? {}).reduce((n, c) => n + c.parts.length, 0);
          if (flags.json) process.stdout.write(`${JSON.stringify({ ...summary, parts, target: checkpoint?.target }, null, 2)}\n`);
          else {
            printSummary(summary, checkpoint ? errorLogPath(ctx.stateDir, checkpoint.runId) : ctx.stateDir, (line) => process.stdout.write(`${line}\n`));
            process.stdout.write(`${parts} parts in ${checkpoint?.target ?? sink.describe()}\n`);
          }
          return summaryExitCode(summary);
        });
      } finally {
        close();
      }
    }));
  },
};
