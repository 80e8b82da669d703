import type { Command } from 'commander';
import type { CliCommand } from '../cli-command';
import { addConnectionOptions, addDirectionOptions, concurrencyOption, DEFAULT_STATE_DIR, directionOf, type ConnectionFlags, type DirectionFlags } from '../config';
import { withContext, withPorts } from '../open-context';
import { AppError } from '../../../shared/errors';
import { followHooks } from '../../migration/change-capture';
import { followAndReport } from '../follow-view';
import { EXIT_ERROR, runAction } from '../run-action';
import { profileOption, type ProfileFlags } from '../profile-option';
import { addViaOptions, migrateViaS3, type ViaFlags } from '../migrate-via-s3';
import { migrateAndReport, requireResumableCheckpoint } from '../run-migration';

export interface MigrateFlags extends ConnectionFlags, DirectionFlags, ProfileFlags {
  concurrency: number;
  resume?: boolean;
  json?: boolean;
  follow?: boolean;
  drain?: boolean;
}

/** Options shared by `migrate` and `migrate-collection`. */
export function addMigrateOptions(command: Command) {
  return addDirectionOptions(addConnectionOptions(command))
    .addOption(concurrencyOption())
    .addOption(profileOption())
    .option('--resume', 'continue from the checkpoint in --state-dir (refused when there is none); without it, a run starts over')
    .option('--json', 'print the summary as JSON')
    .option('--follow', "record MongoDB's oplog position first, then after the copy apply every change made since and keep following (Ctrl+C stops; `sync` resumes)")
    .option('--drain', 'with --follow: stop once no change is pending (after writes to MongoDB stopped)');
}

/** Change capture, the S3 path and fix rules exist from MongoDB to DynamoDB only: the way back refuses them by name. */
function refuseForward(flags: MigrateFlags & Partial<ViaFlags>): void {
  const named = [flags.follow && '--follow', flags.via === 's3' && '--via s3', flags.profile && '--profile'].filter(Boolean);
  if (named.length > 0) throw new AppError('VALIDATION', `${named.join(', ')}: only from MongoDB to DynamoDB, not with --from dynamodb.`);
}

/** Both migrate commands: a `--resume` with nothing to resume stops before connecting to anything. */
export async function migrate(collections: string[], flags: MigrateFlags & Partial<ViaFlags>): Promise<number> {
  if (flags.resume) requireResumableCheckpoint(flags.stateDir ?? DEFAULT_STATE_DIR);
  if (flags.drain && !flags.follow) throw new AppError('VALIDATION', "option '--drain' goes with '--follow' (or use the sync command).");
  const options = { collections, concurrency: flags.concurrency, resume: flags.resume ?? false, ...(flags.profile ? { profile: flags.profile } : {}) };
  const direction = directionOf(flags);
  if (direction.from === 'dynamodb') {
    refuseForward(flags);
    return withPorts(flags, direction, (ctx) => migrateAndReport(ctx, options, flags.json ?? false));
  }
  if (!flags.follow) return withContext(flags, (ctx) => migrateAndReport(ctx, options, flags.json ?? false));
  return withContext(flags, async (ctx) => {
    const code = await migrateAndReport(ctx, options, flags.json ?? false, followHooks(ctx));
    return code === EXIT_ERROR ? code : Math.max(code, await followAndReport(ctx, { drain: flags.drain ?? false }));
  });
}

export const migrateCommand: CliCommand = {
  register(program) {
    addViaOptions(addMigrateOptions(program.command('migrate').description('Create the DynamoDB tables and GSIs, then copy all 13 collections (resumable); --via s3: export to S3 and ImportTable; --from dynamodb --to mongodb: the way back')))
      .action(runAction(async (flags: MigrateFlags & ViaFlags) => (flags.via === 's3' && directionOf(flags).from === 'mongodb'
        ? withContext(flags, (ctx) => migrateViaS3(ctx, [], flags, flags.json ?? false))
        : migrate([], flags))));
  },
};
