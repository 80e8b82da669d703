import { AppError } from '../../shared/errors';
import { literalKey, literalMessage, literalProblem } from '../../shared/extended-json';

/**
 * The main process's side of shared/extended-json.ts: a malformed literal in a document or an
 * update is refused as VALIDATION naming the literal and its path.
 */

export { literalKey };

export function literalError(literal: string, path: string, why: string): AppError {
  return new AppError('VALIDATION', literalMessage(literal, path, why), { path, literal });
}

/** Throws VALIDATION naming the literal and its path when `value` is a malformed literal. */
export function checkLiteral(value: object, path: string): void {
  const key = literalKey(value);
  if (!key) return;
  const problem = literalProblem(key, (value as Record<string, unknown>)[key]);
  if (problem) throw literalError(key, path, problem);
}
