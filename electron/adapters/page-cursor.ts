import type { z } from 'zod';
import { AppError } from '../../shared/errors';

/** A page cursor is opaque to callers: base64url of a small JSON position, checked when it comes back. */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function foreignCursor(): AppError {
  return new AppError('INVALID_QUERY', 'The page cursor does not belong to this query; start again from the first page.');
}

export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    raw = undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw foreignCursor();
  return parsed.data;
}
