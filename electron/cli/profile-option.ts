import { readFileSync } from 'node:fs';
import { InvalidArgumentError, Option } from 'commander';
import { MigrationProfileSchema, profileProblem, type MigrationProfile } from '../../shared/migration-profile';

export interface ProfileFlags {
  profile?: MigrationProfile;
}

/** The profile file, read and checked; a bad one is refused as one line (exit 2, see usage-errors.ts). */
export function readProfile(file: string): MigrationProfile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvalidArgumentError(`Cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidArgumentError(`${file} is not JSON (${(error as Error).message}).`);
  }
  const parsed = MigrationProfileSchema.safeParse(json);
  if (!parsed.success) throw new InvalidArgumentError(`${file} is not a migration profile: ${profileProblem(parsed.error)}.`);
  return parsed.data;
}

/** `--profile <file>`: the fix rules for documents DynamoDB cannot hold as they are (README, "Fix rules"). */
export function profileOption(): Option {
  return new Option('--profile <file>', 'migration profile (JSON): fix rules for documents DynamoDB cannot hold as they are').argParser(readProfile);
}
