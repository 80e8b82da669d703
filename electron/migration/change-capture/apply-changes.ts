import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { collectionSpec, tableName } from '../../../shared/catalogue';
import { translateDynamoError } from '../../adapters/dynamodb/errors';
import { readCurrent, type OplogChange } from '../../adapters/mongodb/oplog';
import type { MigrationContext } from '../context';
import { convertDocument, documentKey } from '../convert-document';
import { serializeId } from '../../adapters/mongodb/read-documents';
import { writeBatch, type Item } from '../../adapters/dynamodb/write-batch';
import type { KeyMap } from './key-map';

export interface ApplyFailure { collection: string; key: string; reason: string }

export interface ApplyOutcome { written: number; deleted: number; failures: ApplyFailure[] }

/**
 * Source documents read per round trip (an `_id: {$in}` read: FerretDB scans the whole collection
 * for it, so fewer and larger reads are cheaper there), and DynamoDB requests in flight at once.
 */
const READ_CHUNK = 500;
const PARALLEL = 8;

async function inParallel(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

/** The documents a batch of changes touches, per collection: each once, noting whether its first change inserted it. Learns the keys inserts give. */
function touched(changes: OplogChange[], keys: KeyMap): Map<string, Map<string, { id: unknown; inserted: boolean }>> {
  const byCollection = new Map<string, Map<string, { id: unknown; inserted: boolean }>>();
  for (const change of changes) {
    let ids = byCollection.get(change.collection);
    if (!ids) byCollection.set(change.collection, (ids = new Map()));
    // The key an insert gave the document: needed if it is deleted before this batch reads it.
    if (change.inserted) keys.remember(change.collection, change.id, documentKey(change.inserted).key, true);
    const text = serializeId(change.id);
    if (!ids.has(text)) ids.set(text, { id: change.id, inserted: change.op === 'i' });
  }
  return byCollection;
}

/**
 * Applies a batch of changes by re-reading each touched document from the source and writing its
 * current state: its converted item when it exists, a delete of its item when it does not. So
 * every update format (a `$set`, a replacement, MongoDB's `$v: 2` diffs) is handled alike, a
 * document changed several times in the batch is written once in its latest state, and applying
 * the same batch twice leaves the same table. Different documents go in parallel.
 */
export async function applyChanges(ctx: MigrationContext, keys: KeyMap, changes: OplogChange[]): Promise<ApplyOutcome> {
  const outcome: ApplyOutcome = { written: 0, deleted: 0, failures: [] };
  const tasks: (() => Promise<void>)[] = [];
  for (const [collection, ids] of touched(changes, keys)) {
    const all = [...ids.values()];
    for (let start = 0; start < all.length; start += READ_CHUNK) {
      const chunk = all.slice(start, start + READ_CHUNK);
      tasks.push(() => applyChunk(ctx, keys, collection, chunk, outcome));
    }
  }
  await inParallel(tasks, PARALLEL);
  return outcome;
}

async function applyChunk(ctx: MigrationContext, keys: KeyMap, collection: string, chunk: { id: unknown; inserted: boolean }[], outcome: ApplyOutcome): Promise<void> {
  const spec = collectionSpec(collection)!;
  const table = tableName(collection, ctx.target.config.tablePrefix);
  const current = new Map((await readCurrent(ctx.source, collection, chunk.map((c) => c.id))).map((d) => [serializeId(d._id), d]));
  const items: Item[] = [];
  const deletes: string[] = [];
  for (const { id, inserted } of chunk) {
    const doc = current.get(serializeId(id));
    if (!doc) {
      deletes.push(keys.keyOf(collection, id));
      keys.forget(collection, id);
      continue;
    }
    const converted = convertDocument(doc, spec);
    if (!converted.ok) {
      outcome.failures.push({ collection, key: converted.key, reason: converted.reason });
      continue;
    }
    const old = keys.remember(collection, id, converted.key, inserted);
    if (old !== undefined) deletes.push(old);
    items.push(converted.item);
  }
  const target = { doc: ctx.target.doc, table, where: ctx.target.where };
  const writes: (() => Promise<void>)[] = [];
  for (let start = 0; start < items.length; start += 25) {
    const batch = items.slice(start, start + 25);
    writes.push(async () => {
      const result = await writeBatch(target, batch);
      outcome.written += result.written;
      for (const failure of result.failures) outcome.failures.push({ collection, ...failure });
    });
  }
  for (const key of deletes) writes.push(() => deleteItem(ctx, table, key).then(() => void outcome.deleted++));
  await inParallel(writes, PARALLEL);
}

/** Deleting an item that is not there succeeds: a replayed delete changes nothing. */
async function deleteItem(ctx: MigrationContext, table: string, key: string): Promise<void> {
  try {
    await ctx.target.doc.send(new DeleteCommand({ TableName: table, Key: { id: key } }));
  } catch (error) {
    throw translateDynamoError(error, { where: ctx.target.where, table });
  }
}
