import { isAppError } from '../../shared/errors';

/** Exit codes: 0 all good, 1 differences or failed documents, 2 the command could not run. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_ERROR = 2;

/**
 * Wraps a command's action: the exit code it returns becomes the process's, and any error is
 * one line on stderr (the AppError's actionable message), never a stack trace.
 */
export function runAction<A extends unknown[]>(action: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      process.exitCode = await action(...args);
    } catch (error) {
      // An AppError may carry a wording for the command line (e.g. "run systemctl status mongod").
      const cli = isAppError(error) ? error.details?.cliMessage : undefined;
      const message = typeof cli === 'string' ? cli : isAppError(error) ? error.message : (error as Error)?.message ?? String(error);
      process.stderr.write(`Error: ${message}\n`);
      process.exitCode = EXIT_ERROR;
    }
  };
}
