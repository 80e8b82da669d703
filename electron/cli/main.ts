// The command-line interface: the seed guide's `migrate_to_dynamodb.py` commands, and more.
// `npm run cli -- <command> --help` describes each one. `npm run cli` and `npm run demo` start Node
// with --max-semi-space-size=8: a smaller young generation keeps a long migration's peak RSS about
// 100 MB lower (flat under 300 MB at a million documents) at the same speed.
import { Command } from 'commander';
import type { CliCommand } from './cli-command';
import { cloudformationCommand } from './commands/cloudformation';
import { demoCommand } from './commands/demo';
import { exportCommand } from './commands/export';
import { migrateCommand } from './commands/migrate';
import { migrateCollectionCommand } from './commands/migrate-collection';
import { planCommand } from './commands/plan';
import { sandboxCommand } from './commands/sandbox';
import { serveCommand } from './commands/serve';
import { syncCommand } from './commands/sync';
import { verifyCommand } from './commands/verify';
import { parseCommandLine } from './usage-errors';

/** Every command, in the order `--help` lists them. A new command is one import and one entry. */
const COMMANDS: CliCommand[] = [
  migrateCommand,
  migrateCollectionCommand,
  exportCommand,
  syncCommand,
  verifyCommand,
  cloudformationCommand,
  planCommand,
  sandboxCommand,
  demoCommand,
  serveCommand,
];

const program = new Command('alert-whisperer')
  .description('Alert Whisperer data: MongoDB → DynamoDB migration, verification and local sandbox');
for (const command of COMMANDS) command.register(program);
await parseCommandLine(program, process.argv);
