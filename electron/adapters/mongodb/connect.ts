import { AppError } from '../../../shared/errors';
import { MongoClient, type Db } from 'mongodb';
import { DEFAULT_MONGO_DATABASE, type MongoConnection } from '../../../shared/connection';
import { translateMongoError } from './errors';

export interface MongoHandle {
  client: MongoClient;
  db: Db;
  config: MongoConnection;
}

/** The database named in the URL's path, if any. */
function databaseFromUrl(url: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(url);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** Reads `url` with the driver's own parser, as connecting would; opens nothing. Throws its error. */
export function parseWithDriver(url: string): void {
  new MongoClient(url);
}

/**
 * The driver reads the URL and its options as the client is built: whatever it refuses there is a
 * settings problem, whatever class it throws (an option with no value is a MongoAPIError).
 */
function newClient(url: string): MongoClient {
  try {
    return new MongoClient(url, { serverSelectionTimeoutMS: 5000, connectTimeoutMS: 5000, maxPoolSize: 20 });
  } catch (error) {
    const refused = translateMongoError(error, { url });
    if (refused.code !== 'INTERNAL') throw refused;
    throw new AppError('VALIDATION', `Invalid MongoDB connection settings: ${(error as Error)?.message ?? String(error)}`, refused.details, { cause: error });
  }
}

/**
 * Connects with short timeouts so a dead server gives a clear error in seconds, not a hang.
 * One pooled client per connection; callers share it.
 */
export async function connectMongo(config: MongoConnection): Promise<MongoHandle> {
  const client = newClient(config.url);
  try {
    await client.connect();
  } catch (error) {
    await client.close().catch(() => {});
    throw translateMongoError(error, { url: config.url });
  }
  const db = client.db(config.database ?? databaseFromUrl(config.url) ?? DEFAULT_MONGO_DATABASE);
  return { client, db, config };
}
