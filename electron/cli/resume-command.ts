import { resolve } from 'node:path';

/** A MongoDB URL's password is not echoed back: the user types it again. */
const hidePassword = (arg: string) => arg.replace(/(mongodb(?:\+srv)?:\/\/[^:@/]*:)[^@/]*@/, '$1<password>@');

/** Single quotes for the shell when an argument holds anything but safe characters. */
const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`);

/**
 * The command that continues an interrupted run: the same command and options, with `--resume`
 * and the state folder as an absolute path (so it works from any directory).
 */
export function resumeCommand(args: readonly string[], stateDir: string): string {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--state-dir') i++;
    else if (!arg.startsWith('--state-dir=') && arg !== '--resume') kept.push(hidePassword(arg));
  }
  return ['npm', 'run', 'cli', '--', ...kept, '--resume', '--state-dir', resolve(stateDir)].map(quote).join(' ');
}
