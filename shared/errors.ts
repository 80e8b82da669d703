import { z } from 'zod';

/** Every failure a user can see has one of these codes; the message says what to do about it. */
export const ERROR_CODES = [
  'UNREACHABLE',          // server down, wrong host/port, network
  'TIMEOUT',              // the server took the request but gave no complete answer in time
  'BAD_ENDPOINT',         // something answered, but not as the database does (a web page, a redirect)
  'AUTH_FAILED',          // wrong credentials, access denied
  'NOT_FOUND',            // table or collection missing
  'INVALID_QUERY',        // malformed filter, projection, sort or update
  'UNSUPPORTED_OPERATOR', // an operator the backend cannot translate, or server-side code
  'ITEM_TOO_LARGE',       // over DynamoDB's 400 KB item limit
  'VALIDATION',           // a contract input that does not match its schema
  'CONFLICT',             // e.g. an existing table whose key schema differs
  'CANCELLED',
  'INTERNAL',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const AppErrorShape = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppErrorData = z.infer<typeof AppErrorShape>;

/** The one error type that crosses module and process boundaries. Never carries secrets. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toJSON(): AppErrorData {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
