import { AppError } from '../../../shared/errors';
import { networkCause, networkCauseText } from '../network-cause';

/** host:port list of a MongoDB URL, without user or password, for messages and logs. */
export function mongoHosts(url: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?]+)/.exec(url);
  return match?.[1] ?? 'the configured host';
}

/** Turns any error from the MongoDB driver into our AppError. The one place they are interpreted. */
export function translateMongoError(error: unknown, context: { url: string; collection?: string }): AppError {
  if (error instanceof AppError) return error;
  const e = error as { name?: string; code?: number | string; codeName?: string; message?: string };
  const name = e.name ?? '';
  const message = e.message ?? String(error);
  const hosts = mongoHosts(context.url);
  const details = { mongoError: name, ...(e.codeName ? { codeName: e.codeName } : {}), ...(context.collection ? { collection: context.collection } : {}) };
  if (name === 'MongoServerSelectionError' || name === 'MongoNetworkError' || name === 'MongoNetworkTimeoutError' || name === 'MongoTopologyClosedError') {
    // The console shows `message`; the CLI prints `cliMessage`, with the command-line advice.
    const cause = networkCause(error as { message?: string });
    return new AppError('UNREACHABLE', `Cannot reach MongoDB at ${hosts}${networkCauseText(cause, 'MongoDB')}`, {
      ...details, cause, cliMessage: `Cannot reach MongoDB at ${hosts}. Check that mongod is running (systemctl status mongod) and that MONGO_URL is right.`,
    }, { cause: error });
  }
  if (e.code === 18 || e.code === 13 || name === 'MongoAuthError' || /auth/i.test(e.codeName ?? '')) {
    return new AppError('AUTH_FAILED', `MongoDB at ${hosts} refused the credentials: ${message}`, details, { cause: error });
  }
  if (name === 'MongoParseError' || name === 'MongoInvalidArgumentError') {
    return new AppError('VALIDATION', `Invalid MongoDB connection settings: ${message}`, details, { cause: error });
  }
  if (e.code === 11000) {
    return new AppError('CONFLICT', `A document with the same unique key already exists${context.collection ? ` in ${context.collection}` : ''}: ${message}`, details, { cause: error });
  }
  if (e.code === 26 || e.codeName === 'NamespaceNotFound') {
    const what = `Collection ${context.collection ?? ''}`.trimEnd();
    return new AppError('NOT_FOUND', `${what} not found at ${hosts}. Check the database name of the connection.`, {
      ...details, cliMessage: `${what} not found at ${hosts}. Check the database name in MONGO_URL.`,
    }, { cause: error });
  }
  if (e.code === 10334 || e.code === 17419 || /too large/i.test(message)) {
    return new AppError('ITEM_TOO_LARGE', `The document is too large for MongoDB: ${message}`, details, { cause: error });
  }
  // TypeMismatch, PathNotViable, ConflictingUpdateOperators: an update the document's shape refuses.
  if (e.code === 14 || e.code === 28 || e.code === 40) {
    return new AppError('INVALID_QUERY', `MongoDB refused the update: ${message}`, details, { cause: error });
  }
  // DollarPrefixedFieldName, EmptyFieldName, DottedFieldName: a field name the server refuses.
  if (e.code === 52 || e.code === 56 || e.code === 57) {
    return new AppError('INVALID_QUERY', `MongoDB refused a field name: ${message}`, details, { cause: error });
  }
  if (e.code === 2 || e.code === 9 || e.codeName === 'BadValue' || e.codeName === 'FailedToParse') {
    return new AppError('INVALID_QUERY', `MongoDB rejected the query: ${message}`, details, { cause: error });
  }
  return new AppError('INTERNAL', `MongoDB error${name ? ` (${name})` : ''}: ${message}`, details, { cause: error });
}
