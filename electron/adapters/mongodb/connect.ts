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
 * Connects with short timeouts so a dead server gives a clear error in seconds, not a hang.
 * One pooled client per connection; callers share it.
 */
export async function connectMongo(config: MongoConnection): Promise<MongoHandle> {
  let client: MongoClient | undefined;
  try {
    client = new MongoClient(config.url, { serverSelectionTimeoutMS: 5000, connectTimeoutMS: 5000, maxPoolSize: 20 });
    await client.connect();
  } catch (error) {
    await client?.close().catch(() => {});
    throw translateMongoError(error, { url: config.url });
  }
  const db = client.db(config.database ?? databaseFromUrl(config.url) ?? DEFAULT_MONGO_DATABASE);
  return { client, db, config };
}
