import { COLLECTION_NAMES } from '../../../shared/catalogue';
import { AppError } from '../../../shared/errors';
import type { CliCommand } from '../cli-command';
import { runAction } from '../run-action';
import { addMigrateOptions, migrate, type MigrateFlags } from './migrate';

export const migrateCollectionCommand: CliCommand = {
  register(program) {
    addMigrateOptions(program.command('migrate-collection').argument('<name>', 'one of the 13 collections').description('Create one table and copy one collection (resumable)'))
      .action(runAction(async (name: string, flags: MigrateFlags) => {
        if (!COLLECTION_NAMES.includes(name)) throw new AppError('VALIDATION', `Unknown collection "${name}". Use one of: ${COLLECTION_NAMES.join(', ')}`);
        return migrate([name], flags);
      }));
  },
};
