import { ConnectionSchema, type Connection } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import type { DatabaseAdapter } from './database-adapter';
import { createDynamoClients } from './dynamodb/client';
import { DynamoDbAdapter } from './dynamodb/dynamodb-adapter';
import { connectMongo } from './mongodb/connect';
import { MongoDbAdapter } from './mongodb/mongodb-adapter';

export type { DatabaseAdapter, Document, FindPage } from './database-adapter';
export { DynamoDbAdapter } from './dynamodb/dynamodb-adapter';
export { MongoDbAdapter } from './mongodb/mongodb-adapter';

/**
 * An adapter for a saved connection, connected and checked: a server that cannot be reached
 * or refuses the credentials fails here (UNREACHABLE / AUTH_FAILED / TIMEOUT within seconds), not on
 * the first page.
 */
export async function createAdapter(connection: Connection): Promise<DatabaseAdapter> {
  const parsed = ConnectionSchema.safeParse(connection);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('VALIDATION', `Invalid connection settings${issue?.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue?.message ?? 'malformed'}`);
  }
  const config = parsed.data;
  if (config.backend === 'mongodb') return new MongoDbAdapter(await connectMongo(config));
  const adapter = new DynamoDbAdapter(createDynamoClients(config));
  try {
    await adapter.ping();
  } catch (error) {
    await adapter.close();
    throw error;
  }
  return adapter;
}
