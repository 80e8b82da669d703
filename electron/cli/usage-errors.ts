import { CommanderError, type Command } from 'commander';
import { EXIT_ERROR, EXIT_OK } from './run-action';

/** Commander's message (`error: …`, sometimes with a second `(Did you mean …?)` line) as one line. */
export function usageLine(message: string, command: string): string {
  const text = message.trim().replace(/^error:\s*/, '').replace(/\s*\n\s*/g, ' ').replace(/\.$/, '');
  return `Error: ${text}. See '${command ? `${command} ` : ''}--help'.`;
}

/**
 * The README's promise for bad usage (an unknown command or flag, a missing argument, a bad
 * option value): one line on stderr and exit code 2, never the whole help. Exit code 1 is kept
 * for "differences or failed documents". Call after every command is registered.
 */
export async function parseCommandLine(program: Command, argv: string[]): Promise<void> {
  program.exitOverride();
  for (const command of [program, ...program.commands]) {
    const name = command === program ? '' : command.name();
    command.exitOverride().configureOutput({ outputError: (message, write) => write(`${usageLine(message, name)}\n`) });
  }
  if (argv.length <= 2) {
    // Commander would print the whole help and exit 1.
    process.stderr.write(`${usageLine(`No command given. Use one of: ${program.commands.map((c) => c.name()).join(', ')}`, '')}\n`);
    process.exitCode = EXIT_ERROR;
    return;
  }
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // `--help` and `--version` end here too, with exit code 0.
    process.exitCode = error.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
  }
}
