import type { DocumentProblem } from '../../shared/migration';
import { serializeId } from '../adapters/mongodb/read-documents';

const isObjectId = (id: unknown): id is { toHexString(): string } => (id as { _bsontype?: string } | null)?._bsontype === 'ObjectId';

/** The DBA's line for a key shared by several source documents. */
export function duplicateProblem(collection: string, key: string, holderIds: unknown[]): DocumentProblem {
  const ids = holderIds.map((id) => `_id ${isObjectId(id) ? id.toHexString() : serializeId(id).slice(5, -1)}`);
  const reason = ids.length > 1
    ? `${ids.length} source documents have this key (${ids.join(', ')}); only the last, ${ids.at(-1)}, can be in the table`
    : `several source documents have this key (${ids.join(', ')} and an earlier one); only the last in _id order can be in the table`;
  return { collection, id: key, code: 'DUPLICATE_KEY', reason };
}
