import { ObjectId, type Collection, type Document, type Filter } from 'mongodb';
import type { DocumentProblem } from '../../shared/migration';
import { translateMongoError } from '../adapters/mongodb/errors';
import { documentKey } from './convert-document';
import { serializeId } from './read-documents';

/**
 * Every source document whose key is `key`, in `_id` order (the copy's order: the last one is
 * the one in the table). One query per duplicate found: `id` has no index, so callers bound how
 * many they make.
 */
export async function findKeyHolders(collection: Collection, key: string, url: string, keyOf: (doc: Document) => string = (doc) => documentKey(doc).key): Promise<Document[]> {
  // Documents without `id` are keyed by the string of their _id, whatever its type.
  const byId: unknown[] = [key];
  if (/^[0-9a-f]{24}$/.test(key)) byId.push(new ObjectId(key));
  if (/^-?\d+$/.test(key) && Number.isSafeInteger(Number(key))) byId.push(Number(key));
  // A numeric `id` keyed by its string form (the nonStringId fix) holds the key too.
  const filter = { $or: [{ id: { $in: byId } }, { _id: { $in: byId } }] } as Filter<Document>;
  try {
    const found = await collection.find(filter, { sort: { _id: 1 } }).toArray();
    return found.filter((doc) => keyOf(doc) === key);
  } catch (error) {
    throw translateMongoError(error, { url, collection: collection.collectionName });
  }
}

/** The DBA's line for a key shared by several source documents. */
export function duplicateProblem(collection: string, key: string, holderIds: unknown[]): DocumentProblem {
  const ids = holderIds.map((id) => `_id ${id instanceof ObjectId ? id.toHexString() : serializeId(id).slice(5, -1)}`);
  const reason = ids.length > 1
    ? `${ids.length} source documents have this key (${ids.join(', ')}); only the last, ${ids.at(-1)}, can be in the table`
    : `several source documents have this key (${ids.join(', ')} and an earlier one); only the last in _id order can be in the table`;
  return { collection, id: key, code: 'DUPLICATE_KEY', reason };
}
