import { verifyMigration } from '../../migration';
import type { CliCommand } from '../cli-command';
import { Option } from 'commander';
import { addConnectionOptions, addDirectionOptions, backendLabel, checkCollectionNames, directionOf, wholeNumber, type ConnectionFlags, type DirectionFlags } from '../config';
import { withPorts } from '../open-context';
import { printVerify } from '../report';
import { profileOption, type ProfileFlags } from '../profile-option';
import { EXIT_OK, EXIT_PROBLEMS, runAction } from '../run-action';

interface VerifyFlags extends ConnectionFlags, DirectionFlags, ProfileFlags {
  sample?: number;
  countsOnly?: boolean;
  json?: boolean;
}

export const verifyCommand: CliCommand = {
  register(program) {
    addDirectionOptions(addConnectionOptions(program.command('verify').argument('[collections...]', 'collections to check (default: all 13)')
      .description('Compare counts and every document with its DynamoDB item; lists missing, extra and different items')))
      .addOption(new Option('--sample <n>', 'compare a random sample of n documents per collection').argParser(wholeNumber(1)).conflicts('countsOnly'))
      .option('--counts-only', "only the seed's count check")
      .addOption(profileOption())
      .option('--json', 'print the result as JSON')
      .action(runAction(async (collections: string[], flags: VerifyFlags) => {
        checkCollectionNames(collections);
        const direction = directionOf(flags);
        const result = await withPorts(flags, direction, (ctx) => verifyMigration(ctx, { collections, sample: flags.sample, countsOnly: flags.countsOnly ?? false, ...(flags.profile ? { profile: flags.profile } : {}) }));
        if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else printVerify(result, (line) => process.stdout.write(`${line}\n`), { source: backendLabel(direction.from), target: backendLabel(direction.to) });
        return result.ok ? EXIT_OK : EXIT_PROBLEMS;
      }));
  },
};
