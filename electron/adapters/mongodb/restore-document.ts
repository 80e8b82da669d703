import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { Binary, DBRef, Decimal128, Long, ObjectId, type Document } from 'mongodb';
import { FIELD_TYPES, type RestoredType } from '../../../shared/field-types';

/**
 * The way back: one DynamoDB item (as the document client reads it, a compressed one already
 * expanded) → one MongoDB document. Pure. It undoes the README's mapping table where the item
 * still says what the document held, and names each field it had to guess:
 *
 *   `_id` of 24 hex digits        → ObjectId;  no `_id` attribute → the key is the `_id`
 *   `id` equal to `_id`           → dropped (the forward copy adds it to documents without one)
 *   catalogue date fields         → Date, from their ISO-8601 string (shared/field-types.ts)
 *   catalogue Long fields         → Long
 *   number                        → a JavaScript number: the driver stores a whole number in the
 *                                   Int32 range as Int32, any other as Double (as the forward
 *                                   direction read them); exact digits a double cannot hold →
 *                                   Long when whole and within 64 bits, else Decimal128
 *   binary                        → Binary (generic subtype)
 *   map { $ref, $id[, $db] }      → DBRef;  map → document;  list → array;  set → array
 *   string, boolean, null         → the same
 *
 * What the item cannot tell (an Int32 from a Double holding a whole number, a Symbol from a
 * string, a Binary's subtype, an ObjectId stored in another field) is reported per field path.
 */

export interface FieldNote {
  /** Dotted, array indexes as `*`: one line per field, however many elements. */
  path: string;
  note: string;
}

export type Restoration =
  | { ok: true; key: string; item: Document; notes: FieldNote[] }
  | { ok: false; key: string; code: 'NO_KEY'; reason: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const HEX_ID = /^[0-9a-f]{24}$/;
const INT64_MAX = 2n ** 63n - 1n;

export const NOTES = {
  wholeNumber: 'a whole number: stored as Int32 (Double beyond its range); an original Long or a Double with no fraction cannot be told apart',
  exactLong: 'exact digits beyond a double: stored as Long; an original Decimal128 cannot be told apart',
  decimal: 'exact digits beyond a double: stored as Decimal128',
  binary: 'binary: stored with the generic subtype (0); the original subtype is not in the item',
  hexString: 'a string of 24 hex digits: kept a string; an original ObjectId cannot be told apart',
  isoString: 'an ISO-8601 string outside the catalogue date fields: kept a string',
  notIsoDate: 'a catalogue date field that is not an ISO-8601 string: kept as it is',
  set: 'a DynamoDB set: stored as an array (MongoDB has no sets)',
  noId: 'no `_id` in the item: the key is the `_id`',
  idDropped: '`id` equal to `_id`: dropped as the one the copy to DynamoDB added',
} as const;

interface Walk {
  types: Readonly<Record<string, RestoredType>>;
  notes: Map<string, string>;
}

const join = (path: string, part: string) => (path ? `${path}.${part}` : part);

function note(walk: Walk, path: string, text: string): void {
  if (!walk.notes.has(path)) walk.notes.set(path, text);
}

function restoreNumber(value: unknown, path: string, walk: Walk): unknown {
  const text = String(value);
  if (walk.types[path] === 'long' && /^-?\d+$/.test(text)) return Long.fromString(text);
  if (typeof value === 'number') {
    if (Number.isInteger(value)) note(walk, path, NOTES.wholeNumber);
    return value;
  }
  if (/^-?\d+$/.test(text) && BigInt(text) <= INT64_MAX && BigInt(text) >= -INT64_MAX - 1n) {
    note(walk, path, NOTES.exactLong);
    return Long.fromString(text);
  }
  note(walk, path, NOTES.decimal);
  return Decimal128.fromString(text);
}

function restoreString(value: string, path: string, walk: Walk): unknown {
  if (walk.types[path] === 'date') {
    if (ISO_DATE.test(value)) return new Date(value);
    note(walk, path, NOTES.notIsoDate);
  } else if (HEX_ID.test(value)) {
    note(walk, path, NOTES.hexString);
  } else if (ISO_DATE.test(value)) {
    note(walk, path, NOTES.isoString);
  }
  return value;
}

function restoreValue(value: unknown, path: string, walk: Walk): unknown {
  if (typeof value === 'string') return restoreString(value, path, walk);
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof NumberValue) return restoreNumber(value, path, walk);
  if (value instanceof Uint8Array) {
    note(walk, path, NOTES.binary);
    return new Binary(value);
  }
  if (value instanceof Set) {
    note(walk, path, NOTES.set);
    return [...value].map((v) => restoreValue(v, join(path, '*'), walk));
  }
  if (Array.isArray(value)) return value.map((v) => restoreValue(v, join(path, '*'), walk));
  return restoreMap(value as Record<string, unknown>, path, walk);
}

function restoreMap(map: Record<string, unknown>, path: string, walk: Walk): unknown {
  const names = Object.keys(map);
  if (typeof map.$ref === 'string' && '$id' in map && names.every((n) => n === '$ref' || n === '$id' || n === '$db')) {
    const id = restoreValue(map.$id, join(path, '$id'), walk);
    return new DBRef(map.$ref, id as ObjectId, typeof map.$db === 'string' ? map.$db : undefined);
  }
  const out: Document = {};
  for (const name of names) {
    // Field names are data: `__proto__` is an own field here, as the driver reads it.
    Object.defineProperty(out, name, { value: restoreValue(map[name], join(path, name), walk), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** `_id` first, as MongoDB keeps it: an ObjectId when it is one's hex, else its value as restored. */
function restoreId(item: Record<string, unknown>, key: string, walk: Walk): unknown {
  const id = item._id;
  if (id === undefined) {
    note(walk, '_id', NOTES.noId);
    return key;
  }
  if (typeof id === 'string' && HEX_ID.test(id)) return ObjectId.createFromHexString(id);
  return restoreValue(id, '_id', walk);
}

export function restoreDocument(item: Record<string, unknown>, collection: string): Restoration {
  const key = item.id;
  if (typeof key !== 'string' || key === '') return { ok: false, key: String(key), code: 'NO_KEY', reason: '`id` is not a non-empty string: the item has no key to restore' };
  const walk: Walk = { types: FIELD_TYPES[collection] ?? {}, notes: new Map() };
  const rest = { ...item };
  delete rest._id;
  if (item._id === key) {
    delete rest.id;
    note(walk, 'id', NOTES.idDropped);
  }
  const document = { _id: restoreId(item, key, walk), ...(restoreMap(rest, '', walk) as Document) };
  return { ok: true, key, item: document, notes: [...walk.notes].map(([path, text]) => ({ path, note: text })) };
}
