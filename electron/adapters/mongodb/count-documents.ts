import type { Collection } from 'mongodb';
import { translateMongoError } from './errors';

/**
 * The collection's document count from its metadata (`$collStats`), for progress totals and
 * ETAs. An exact count is a full scan on some servers (FerretDB takes as long as reading the
 * whole collection), so copies never wait for one; verify counts the documents it streams.
 */
export async function quickCount(collection: Collection, url: string): Promise<number> {
  try {
    const [stats] = await collection.aggregate<{ count?: number }>([{ $collStats: { count: {} } }]).toArray();
    if (typeof stats?.count === 'number') return stats.count;
  } catch {
    // Servers without $collStats fall through to the driver's estimate.
  }
  try {
    return await collection.estimatedDocumentCount();
  } catch (error) {
    throw translateMongoError(error, { url, collection: collection.collectionName });
  }
}
