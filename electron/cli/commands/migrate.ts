import type { Command } from 'commander';
import type { CliCommand } from '../cli-command';
import { addConnectionOptions, positiveInteger, type ConnectionFlags } from '../config';
import { withContext } from '../open-context';
import { runAction } from '../run-action';
import { migrateAndReport } from '../run-migration';

export interface MigrateFlags extends ConnectionFlags {
  concurrency: number;
  resume?: boolean;
  json?: boolean;
}

/** Options shared by `migrate` and `migrate-collection`. */
export function addMigrateOptions(command: Command) {
  return addConnectionOptions(command)
    .option('--concurrency <n>', 'batches of 25 items in flight at once', positiveInteger, 4)
    .option('--resume', 'continue from the checkpoint in --state-dir instead of starting over')
    .option('--json', 'print the summary as JSON');
}

export const migrateCommand: CliCommand = {
  register(program) {
    addMigrateOptions(program.command('migrate').description('Create the DynamoDB tables and GSIs, then copy all 13 collections (resumable)'))
      .action(runAction(async (flags: MigrateFlags) => withContext(flags, (ctx) =>
        migrateAndReport(ctx, { collections: [], concurrency: flags.concurrency, resume: flags.resume ?? false }, flags.json ?? false))));
  },
};
