import type { z } from 'zod';
import { AppError, type AppErrorData } from '../../shared/errors';

/** A contract input that failed its schema: the issues say where and why, never the values sent. */
export function validationError(call: string, error: z.ZodError): AppError {
  const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message, code: issue.code }));
  const first = issues[0];
  const where = first?.path ? `${first.path}: ` : '';
  return new AppError('VALIDATION', `Invalid input for ${call}: ${where}${first?.message ?? 'does not match the contract'}`, { issues });
}

/**
 * Any failure as the plain data a transport sends. Unexpected errors are reported as INTERNAL
 * without their message or stack, which may hold paths or connection strings; the log has them.
 */
export function toErrorData(error: unknown, log?: (line: string) => void): AppErrorData {
  if (error instanceof AppError) return error.toJSON();
  log?.(`unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  return { code: 'INTERNAL', message: 'Something went wrong in the console itself. The main process log has the details.' };
}
