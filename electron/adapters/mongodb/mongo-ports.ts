import type { AnyBulkWriteOperation, Collection, Document, Filter, MongoBulkWriteError } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { CollectionSpec } from '../../../shared/catalogue';
import type { RetryControl, SourcePort, SourceSnapshot, StoredRecord, TargetPort, TargetSession, WriteOutcome } from '../ports';
import { backoffDelay, DEFAULT_RETRY, sleep } from '../retry/backoff';
import type { MongoHandle } from './connect';
import { quickCount } from './count-documents';
import { mongoHosts, translateMongoError } from './errors';
import { parseId, readDocuments, serializeId } from './read-documents';

const describeMongo = (handle: MongoHandle) => `${mongoHosts(handle.config.url)}/${handle.db.databaseName}`;

/**
 * The `_id`s a key can stand for: documents without `id` are keyed by the string of their
 * `_id` (an ObjectId's hex, a number's digits), so a key is looked up as each of those.
 */
function keyFilter(keys: string[]): Filter<Document> {
  const byId: unknown[] = [...keys];
  for (const key of keys) {
    if (/^[0-9a-f]{24}$/.test(key)) byId.push(new ObjectId(key));
    if (/^-?\d+$/.test(key) && Number.isSafeInteger(Number(key))) byId.push(Number(key));
  }
  return { $or: [{ id: { $in: byId } }, { _id: { $in: byId } }] } as Filter<Document>;
}

/** A collection read in `_id` order: the resume token is the last `_id` handed out (canonical Extended JSON). */
export function mongoSource(handle: MongoHandle): SourcePort {
  const { url } = handle.config;
  const collection = (name: string) => handle.db.collection(name);
  const translate = (error: unknown, name: string) => translateMongoError(error, { url, collection: name });
  return {
    backend: 'mongodb',
    describe: () => describeMongo(handle),
    where: (name) => name,
    async *read(name, resume) {
      const afterId = resume === undefined ? undefined : parseId(resume);
      for await (const records of readDocuments(collection(name), { afterId, url })) yield { records, markAt: (i) => records[i]!._id };
    },
    resumeToken: (mark) => serializeId(mark),
    quickCount: (name) => quickCount(collection(name), url),
    async exactCount(name) {
      try {
        return await collection(name).countDocuments();
      } catch (error) {
        throw translate(error, name);
      }
    },
    snapshot: (name) => snapshotCollection(collection(name), url),
    async readByKeys(name, keys, keyOf) {
      try {
        const found = await collection(name).find(keyFilter(keys), { sort: { _id: 1 } }).toArray();
        const wanted = new Set(keys);
        return found.filter((doc) => wanted.has(keyOf(doc)));
      } catch (error) {
        throw translate(error, name);
      }
    },
  };
}

/**
 * What a resume can compare cheaply: the count from the collection's metadata and the newest
 * `_id` from its index. Updates in place change neither; only a full compare (verify) sees them.
 */
async function snapshotCollection(collection: Collection, url: string): Promise<SourceSnapshot> {
  const count = await quickCount(collection, url);
  let newest;
  try {
    newest = await collection.find({}, { projection: { _id: 1 }, sort: { _id: -1 }, limit: 1 }).next();
  } catch (error) {
    throw translateMongoError(error, { url, collection: collection.collectionName });
  }
  return { count, ...(newest ? { newestId: serializeId(newest._id) } : {}), at: new Date().toISOString() };
}

/** The driver's word that the same write may well succeed if sent again (a dropped connection, an election). */
function isRetryable(error: unknown): boolean {
  const e = error as { name?: string; hasErrorLabel?(label: string): boolean };
  return e.name === 'MongoNetworkError' || e.name === 'MongoNetworkTimeoutError' || e.hasErrorLabel?.('RetryableWriteError') === true;
}

interface RefusedWrite {
  index: number;
  code?: number;
  errmsg?: string;
}

/** The documents a bulk write refused, one by one; undefined when the error is not about them. */
function refusedWrites(error: unknown): RefusedWrite[] | undefined {
  const refused = (error as Partial<MongoBulkWriteError>).writeErrors;
  if (!(error instanceof Error) || error.name !== 'MongoBulkWriteError' || !refused) return undefined;
  return (Array.isArray(refused) ? refused : [refused]) as RefusedWrite[];
}

const DUPLICATE_KEY = 11000;

/**
 * One attempt: every document inserted (the fast path into an empty collection: an upsert costs
 * a look-up first), then those whose `_id` is already there (a rerun, a resume's overlap)
 * replaced. Unordered: a document the server refuses fails alone, the others are written.
 */
async function insertOrReplace(collection: Collection, records: StoredRecord[], keys: string[]): Promise<WriteOutcome> {
  let refused: RefusedWrite[] | undefined;
  try {
    await collection.insertMany(records, { ordered: false });
    return { written: records.length, failures: [] };
  } catch (error) {
    refused = refusedWrites(error);
    if (!refused) throw error;
  }
  const reason = (e: RefusedWrite) => `MongoDB refused the document: ${e.errmsg ?? 'write error'}`;
  const failures = refused.filter((e) => e.code !== DUPLICATE_KEY).map((e) => ({ key: keys[e.index] ?? '', reason: reason(e) }));
  const present = refused.filter((e) => e.code === DUPLICATE_KEY).map((e) => e.index);
  if (present.length > 0) {
    const operations: AnyBulkWriteOperation<Document>[] = present.map((i) => ({ replaceOne: { filter: { _id: records[i]!._id } as Filter<Document>, replacement: records[i]!, upsert: true } }));
    try {
      await collection.bulkWrite(operations, { ordered: false });
    } catch (error) {
      const again = refusedWrites(error);
      if (!again) throw error;
      failures.push(...again.map((e) => ({ key: keys[present[e.index]!] ?? '', reason: reason(e) })));
    }
  }
  return { written: records.length - failures.length, failures };
}

/**
 * Inserts or replaces each document by `_id`. Both are idempotent, so a dropped connection sends
 * the batch again, on the retry policy's transient budget.
 */
async function replaceDocuments(collection: Collection, records: StoredRecord[], keys: string[], control: RetryControl, url: string): Promise<WriteOutcome> {
  const policy = control.policy ?? DEFAULT_RETRY;
  for (let attempt = 0; ; attempt++) {
    await control.waitIfPaused?.();
    if (attempt > 0) await sleep(backoffDelay(attempt, policy), control.signal);
    try {
      return await insertOrReplace(collection, records, keys);
    } catch (error) {
      if (!isRetryable(error) || attempt >= policy.transientRetries) throw translateMongoError(error, { url, collection: collection.collectionName });
    }
  }
}

/** A MongoDB database as a migration target: one collection per catalogue collection, documents replaced by `_id`. */
export function mongoTarget(handle: MongoHandle): TargetPort {
  const { url } = handle.config;
  const collection = (name: string) => handle.db.collection(name);
  const translate = (error: unknown, name?: string) => translateMongoError(error, { url, ...(name ? { collection: name } : {}) });
  // One write at a time per collection: FerretDB (the local server, SQLite) stalls for good when
  // several bulk writes replace documents of one collection at once (round-trip.int.test.ts).
  const queues = new Map<string, Promise<unknown>>();
  const serially = <T>(name: string, write: () => Promise<T>): Promise<T> => {
    const next = (queues.get(name) ?? Promise.resolve()).then(write, write);
    queues.set(name, next.catch(() => {}));
    return next;
  };
  const session = (control: RetryControl): TargetSession => ({
    write: (name, records, keys) => serially(name, () => replaceDocuments(collection(name), records, keys, control, url)),
    async readByKeys(name, keys, keyOf) {
      try {
        const found = await collection(name).find(keyFilter(keys)).toArray();
        return new Map(found.map((doc) => [keyOf(doc), doc] as const));
      } catch (error) {
        throw translate(error, name);
      }
    },
    close: async () => {},
  });
  return {
    backend: 'mongodb',
    describe: () => describeMongo(handle),
    where: (name) => name,
    readBatch: 100,
    ensure: (specs) => ensureCollections(handle, specs),
    async exists(name) {
      try {
        return (await handle.db.listCollections({ name }, { nameOnly: true }).toArray()).length > 0;
      } catch (error) {
        throw translate(error, name);
      }
    },
    session,
    async scanKeys(name, keyOf, onKey) {
      let count = 0;
      try {
        for await (const doc of collection(name).find({}, { projection: { _id: 1, id: 1 } })) {
          onKey(keyOf(doc));
          count++;
        }
      } catch (error) {
        throw translate(error, name);
      }
      return count;
    },
    async count(name) {
      try {
        return await collection(name).countDocuments();
      } catch (error) {
        throw translate(error, name);
      }
    },
  };
}

/**
 * The missing collections, created empty (MongoDB would create them on first write; this makes an
 * empty copy visible too), each with an index on `id`: the key verify and the application look
 * documents up by (without it, every look-up of 100 keys would read the whole collection).
 * Collections that exist are left as they are.
 */
async function ensureCollections(handle: MongoHandle, specs: readonly CollectionSpec[]): Promise<void> {
  try {
    const existing = new Set((await handle.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
    for (const spec of specs) {
      if (existing.has(spec.name)) continue;
      const created = await handle.db.createCollection(spec.name);
      await created.createIndex({ id: 1 });
    }
  } catch (error) {
    throw translateMongoError(error, { url: handle.config.url });
  }
}
