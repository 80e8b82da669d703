import { BSON, type Collection, type Document, type Filter, type FindCursor } from 'mongodb';
import { translateMongoError } from './errors';

const { EJSON } = BSON;

/** A checkpointed `_id` as text (canonical Extended JSON keeps its BSON type) and back. */
export function serializeId(id: unknown): string {
  return EJSON.stringify({ v: id }, { relaxed: false });
}

export function parseId(text: string): unknown {
  return (EJSON.parse(text, { relaxed: false }) as { v: unknown }).v;
}

interface ReadOptions {
  /** Start after this `_id` (from a checkpoint). */
  afterId?: unknown;
  /** Documents per round trip; one batch is read ahead while the previous one is processed. */
  batchSize?: number;
  /** For error messages. */
  url: string;
}

async function nextBatch(cursor: FindCursor<Document>): Promise<Document[]> {
  if (!(await cursor.hasNext())) return [];
  return cursor.readBufferedDocuments();
}

/**
 * Streams a collection in `_id` order, a server batch at a time, keeping one batch in flight
 * so that reading overlaps with converting and writing. Memory holds at most two batches.
 * Resuming after an `_id` assumes all `_id`s share one BSON type (ObjectId in Alert Whisperer
 * data): MongoDB's `$gt` does not compare across types.
 */
function openCursor(collection: Collection, afterId: unknown, batchSize: number): FindCursor<Document> {
  const filter = (afterId === undefined ? {} : { _id: { $gt: afterId } }) as Filter<Document>;
  return collection.find(filter, { sort: { _id: 1 }, batchSize });
}

/** The server dropped an idle cursor (after a long pause, for instance). */
const isCursorGone = (error: unknown) => (error as { code?: number }).code === 43;

export async function* readDocuments(collection: Collection, options: ReadOptions): AsyncGenerator<Document[]> {
  const batchSize = options.batchSize ?? 1000;
  const translate = (error: unknown) => translateMongoError(error, { url: options.url, collection: collection.collectionName });
  let lastId = options.afterId;
  let cursor = openCursor(collection, lastId, batchSize);
  let ahead = nextBatch(cursor);
  try {
    for (;;) {
      let documents: Document[];
      try {
        documents = await ahead;
      } catch (error) {
        if (!isCursorGone(error)) throw translate(error);
        // Reopen after the last document handed out: the stream goes on unchanged.
        cursor = openCursor(collection, lastId, batchSize);
        ahead = nextBatch(cursor);
        continue;
      }
      if (documents.length === 0) return;
      lastId = documents.at(-1)!._id;
      ahead = nextBatch(cursor);
      yield documents;
    }
  } finally {
    // A consumer that stops early (cancel, error) leaves a read in flight: let it settle quietly.
    ahead.catch(() => {});
    await cursor.close().catch(() => {});
  }
}
