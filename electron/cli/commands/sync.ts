import type { CliCommand } from '../cli-command';
import { addConnectionOptions, type ConnectionFlags } from '../config';
import { followAndReport } from '../follow-view';
import { withContext } from '../open-context';
import { runAction } from '../run-action';

interface SyncFlags extends ConnectionFlags {
  drain?: boolean;
}

export const syncCommand: CliCommand = {
  register(program) {
    addConnectionOptions(program.command('sync')
      .description("Follow MongoDB's oplog from the position saved by migrate --follow and apply each change to DynamoDB, with live lag (Ctrl+C stops; run again to resume)"))
      .option('--drain', 'stop once no change is pending (after writes to MongoDB stopped: the cutover)')
      .action(runAction(async (flags: SyncFlags) => withContext(flags, (ctx) => followAndReport(ctx, { drain: flags.drain ?? false }))));
  },
};
