import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import {
  FindOptionsSchema, ProjectionSchema, QueryError, UpdateSchema, parseFilter,
  type Condition, type FindOptions, type Projection, type Update,
} from '../../shared/query';

/**
 * Both adapters check their inputs here before anything reaches a server, so a refused
 * operator or a malformed update fails the same way on each backend.
 */
export function checkFilter(filter: unknown): Condition {
  try {
    return parseFilter(filter);
  } catch (error) {
    if (error instanceof QueryError) throw new AppError(error.code, error.message, { path: error.path });
    throw error;
  }
}

function checkWith<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new AppError('INVALID_QUERY', `Invalid ${what}${where}: ${issue?.message ?? 'malformed'}`, { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
}

export const checkProjection = (projection: unknown): Projection => checkWith(ProjectionSchema, projection, 'projection');
export const checkUpdate = (update: unknown): Update => checkWith(UpdateSchema, update, 'update');
export const checkFindOptions = (options: unknown): FindOptions => checkWith(FindOptionsSchema, options ?? {}, 'find options');

/** The page size when a find names none. */
export const DEFAULT_PAGE_SIZE = 50;
