import { MongoClient, Timestamp, type Document } from 'mongodb';
import { AppError } from '../../../shared/errors';
import type { MongoHandle } from './connect';
import { mongoHosts, translateMongoError } from './errors';

/** An oplog position: the `ts` Timestamp as seconds and increment, plain numbers for checkpoints. */
export interface OplogPosition { t: number; i: number }

/** One change to a catalogue document, as the oplog records it (what changed is read again from the source). */
export interface OplogChange {
  position: OplogPosition;
  op: 'i' | 'u' | 'd';
  /** The collection's name (the `ns` without the database). */
  collection: string;
  /** The document's `_id`, in its BSON type. */
  id: unknown;
  /** When the change was made: `wall`, or the Timestamp's seconds. */
  at: number;
  /** An insert's `_id` and `id` as inserted: the key of a document deleted before it is read. */
  inserted?: Document;
}

export const comparePositions = (a: OplogPosition, b: OplogPosition) => a.t - b.t || a.i - b.i;
const toTimestamp = (p: OplogPosition) => new Timestamp({ t: p.t, i: p.i });
const fromTimestamp = (ts: Timestamp): OplogPosition => ({ t: ts.t, i: ts.i });

const oplog = (handle: MongoHandle) => handle.client.db('local').collection('oplog.rs');

/** Atlas shared tiers answer reads of `local` with AtlasError (code 8000); a missing role is Unauthorized (13). */
export function oplogRefusal(error: unknown, url: string): AppError {
  const e = error as { code?: number; codeName?: string; message?: string };
  const hosts = mongoHosts(url);
  if (e.code === 8000 || e.codeName === 'AtlasError') {
    return new AppError('UNSUPPORTED_OPERATOR', `MongoDB at ${hosts} hides its oplog (${e.message ?? 'AtlasError'}): Atlas shared tiers (M0, M2, M5) and serverless instances do not expose local.oplog.rs. Follow changes from a dedicated cluster (M10 or larger), or migrate with the application stopped.`, { codeName: 'AtlasError' }, { cause: error });
  }
  if (e.code === 13 || e.codeName === 'Unauthorized') {
    return new AppError('AUTH_FAILED', `The MongoDB user cannot read the oplog (local.oplog.rs) at ${hosts}. Grant it read access to the local database, e.g. db.grantRolesToUser("<user>", [{ role: "read", db: "local" }]) (on Atlas: the readAnyDatabase role), then start again.`, { codeName: 'Unauthorized' }, { cause: error });
  }
  return translateMongoError(error, { url, collection: 'local.oplog.rs' });
}

async function attempt<T>(handle: MongoHandle, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw oplogRefusal(error, handle.config.url);
  }
}

/**
 * Checks, before anything is copied, that changes can be followed: the oplog exists and this user
 * may read it. Returns its oldest and newest positions (undefined when it is still empty).
 */
export async function checkOplog(handle: MongoHandle): Promise<{ oldest?: OplogPosition; newest?: OplogPosition }> {
  const hosts = mongoHosts(handle.config.url);
  const found = await attempt(handle, () => handle.client.db('local').listCollections({ name: 'oplog.rs' }, { nameOnly: true }).toArray());
  if (found.length === 0) {
    throw new AppError('NOT_FOUND', `MongoDB at ${hosts} keeps no oplog (local.oplog.rs is missing): it runs as a standalone server, and only a replica set records changes. Restart mongod with --replSet rs0 and run rs.initiate() once (a single-node replica set is enough); on FerretDB, create the capped collection local.oplog.rs. Then start again.`, { missing: 'local.oplog.rs' });
  }
  return { oldest: await edge(handle, 1), newest: await edge(handle, -1) };
}

async function edge(handle: MongoHandle, direction: 1 | -1): Promise<OplogPosition | undefined> {
  const entry = await attempt(handle, () => oplog(handle).find({}, { projection: { ts: 1 }, sort: { $natural: direction }, limit: 1 }).next());
  return entry ? fromTimestamp(entry.ts as Timestamp) : undefined;
}

/** The newest position in the oplog now (where following starts), or the zero position when it is empty. */
export async function newestPosition(handle: MongoHandle): Promise<OplogPosition> {
  return (await edge(handle, -1)) ?? { t: 0, i: 0 };
}

/** The oldest position the oplog still holds: a saved position before it means changes were lost. */
export const oldestPosition = (handle: MongoHandle) => edge(handle, 1);

function toChange(entry: Document, database: string): OplogChange | undefined {
  const op = entry.op as string;
  if (op !== 'i' && op !== 'u' && op !== 'd') return undefined;
  const id = op === 'u' ? (entry.o2 as Document | undefined)?._id : (entry.o as Document | undefined)?._id;
  if (id === undefined) return undefined;
  const position = fromTimestamp(entry.ts as Timestamp);
  const at = entry.wall instanceof Date ? entry.wall.getTime() : position.t * 1000;
  const inserted = op === 'i' ? { _id: id, ...('id' in (entry.o as Document) ? { id: (entry.o as Document).id as unknown } : {}) } : undefined;
  return { position, op, collection: (entry.ns as string).slice(database.length + 1), id, at, ...(inserted ? { inserted } : {}) };
}

/**
 * Changes to the named collections after `after`, oldest first, at most `limit`. Polled rather
 * than tailed: FerretDB v1 closes a tailable cursor that finds nothing.
 */
export async function readChanges(handle: MongoHandle, collections: readonly string[], after: OplogPosition, limit: number): Promise<{ changes: OplogChange[]; full: boolean }> {
  const database = handle.db.databaseName;
  const filter = { ts: { $gt: toTimestamp(after) }, ns: { $in: collections.map((c) => `${database}.${c}`) }, op: { $in: ['i', 'u', 'd'] } };
  const entries = await attempt(handle, () => oplog(handle).find(filter, { projection: { ts: 1, op: 1, ns: 1, 'o._id': 1, 'o.id': 1, 'o2._id': 1, wall: 1 }, sort: { $natural: 1 }, limit }).toArray());
  return { changes: entries.flatMap((e) => toChange(e, database) ?? []), full: entries.length === limit };
}

/** The current documents with these `_id`s (a deleted one is simply absent). */
export async function readCurrent(handle: MongoHandle, collection: string, ids: unknown[]): Promise<Document[]> {
  try {
    return await handle.db.collection(collection).find({ _id: { $in: ids } } as Document).toArray();
  } catch (error) {
    throw translateMongoError(error, { url: handle.config.url, collection });
  }
}

/** Every document's `_id` and `id`, for the key map that deletes need (only these two fields travel). */
export async function* readKeys(handle: MongoHandle, collection: string): AsyncGenerator<Document[]> {
  const cursor = handle.db.collection(collection).find({}, { projection: { _id: 1, id: 1 }, batchSize: 5000 });
  try {
    while (await cursor.hasNext()) yield cursor.readBufferedDocuments();
  } catch (error) {
    throw translateMongoError(error, { url: handle.config.url, collection });
  } finally {
    await cursor.close();
  }
}

/** For the sandbox: FerretDB keeps no oplog unless the capped collection `local.oplog.rs` exists. */
export async function createOplog(url: string, sizeBytes: number): Promise<void> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
  try {
    const local = client.db('local');
    if ((await local.listCollections({ name: 'oplog.rs' }, { nameOnly: true }).toArray()).length > 0) return;
    await local.createCollection('oplog.rs', { capped: true, size: sizeBytes });
  } catch (error) {
    throw translateMongoError(error, { url, collection: 'local.oplog.rs' });
  } finally {
    await client.close();
  }
}
