import type { Command } from 'commander';

/** One CLI command: a module under commands/ that adds itself to the program. */
export interface CliCommand {
  register(program: Command): void;
}
