import { NumberValue } from '@aws-sdk/lib-dynamodb';
import type { Document } from 'mongodb';
import type { CollectionSpec } from '../../shared/catalogue';
import type { DocumentProblem } from '../../shared/migration';

/**
 * The one place where a MongoDB document becomes a DynamoDB item (the README's mapping table):
 *
 *   ObjectId            → string, 24 hex digits
 *   Date                → string, ISO-8601 (`2024-05-01T12:00:00.000Z`), the seed's rule
 *   Int32, Double       → number (beyond ±(2^53 − 1), the double's shortest exact digits as a NumberValue)
 *   Long, Decimal128    → number with its exact digits (lib-dynamodb NumberValue)
 *   Binary (any subtype)→ binary
 *   string              → string (empty strings kept: allowed outside keys)
 *   boolean, null       → BOOL, NULL
 *   document            → map;  array → list (never a set)
 *   Symbol              → string;  DBRef → map { $ref, $id, $db? }
 *   NaN, ±Infinity, numbers outside DynamoDB's range (1E-130 … 9.99E+125, 38 digits),
 *   Timestamp, MinKey, MaxKey, Code, regular expressions, BSON undefined, empty field names,
 *   nesting deeper than 32 levels, a field named `__proto__` → the document is refused
 *   (UNSUPPORTED_VALUE, with the path).
 *
 * Field names are data: maps are built without a prototype, so `constructor`, `toString` and the
 * like are ordinary attributes (write-batch.ts marshals them itself; lib-dynamodb cannot).
 *
 * Key: `id` when it is a non-empty string, else (no `id` field) the string of `_id`; the item's
 * `id` attribute holds the key. An `id` of another type is refused (NO_KEY), never rewritten.
 * Index key attributes (e.g. `status` on `status-index`) must be non-empty strings when present,
 * because DynamoDB rejects the whole item otherwise.
 */

export const MAX_ITEM_BYTES = 400 * 1024;
const MAX_KEY_BYTES = 2048;
const MAX_DEPTH = 32;
const MAX_NUMBER_DIGITS = 38;
const MIN_EXPONENT = -130;
const MAX_EXPONENT = 125;

/** The problems a conversion finds; the others (WRITE_FAILED, ...) come from the write. */
type ProblemCode = Extract<DocumentProblem['code'], 'NO_KEY' | 'UNSUPPORTED_VALUE' | 'ITEM_TOO_LARGE'>;

export type Conversion =
  | { ok: true; key: string; item: Record<string, unknown>; size: number }
  | { ok: false; key: string; code: ProblemCode; reason: string };

class Unsupported extends Error {
  constructor(readonly path: string, reason: string) {
    super(reason);
  }
}

/** Significant digits and decimal exponent of a number written in decimal or E notation. */
function numberShape(text: string): { digits: number; exponent: number } {
  const match = /^-?(\d*)\.?(\d*)(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) return { digits: Infinity, exponent: 0 };
  const mantissa = `${match[1]}${match[2]}`;
  const trimmed = mantissa.replace(/^0+/, '');
  if (trimmed === '') return { digits: 0, exponent: 0 };
  const leadingZeros = mantissa.length - trimmed.length;
  const significant = trimmed.replace(/0+$/, '');
  // Exponent of the leading significant digit: 123.4 → 2, 0.05 → -2.
  const exponent = Number(match[3] ?? 0) + (match[1]!.length - leadingZeros - 1);
  return { digits: significant.length, exponent };
}

/** The number's text if DynamoDB can store it exactly, else the reason it cannot. */
function checkNumber(text: string, path: string): number {
  const { digits, exponent } = numberShape(text);
  if (digits === Infinity) throw new Unsupported(path, `${text} has no DynamoDB form (DynamoDB numbers are finite)`);
  if (digits > MAX_NUMBER_DIGITS) throw new Unsupported(path, `${text} has more than ${MAX_NUMBER_DIGITS} significant digits`);
  if (digits > 0 && (exponent < MIN_EXPONENT || exponent > MAX_EXPONENT)) {
    throw new Unsupported(path, `${text} is outside DynamoDB's number range (1E-130 to 9.99E+125)`);
  }
  // DynamoDB's size rule: one byte per two significant digits, plus one.
  return Math.ceil(digits / 2) + 1;
}

/** True when DynamoDB can store this number (finite, in range, at most 38 digits): fix-rules.ts asks. */
export function numberFits(text: string): boolean {
  try {
    checkNumber(text, '');
    return true;
  } catch {
    return false;
  }
}

/**
 * A double (or a Long the driver handed out as one). Beyond ±(2^53 − 1) lib-dynamodb refuses a
 * JavaScript number, so its digits travel as text: String() gives the shortest digits that name
 * exactly this double (5e20 → 500000000000000000000), which DynamoDB stores as they are.
 */
function plainNumber(value: number, path: string): [number | NumberValue, number] {
  if (!Number.isFinite(value)) throw new Unsupported(path, `${value} has no DynamoDB form (DynamoDB numbers are finite)`);
  const text = String(value);
  const size = checkNumber(text, path);
  return [Math.abs(value) <= Number.MAX_SAFE_INTEGER ? value : NumberValue.from(text), size];
}

function exactNumber(text: string, path: string): [NumberValue, number] {
  return [NumberValue.from(text), checkNumber(text, path)];
}

const REFUSED: Record<string, string> = {
  Timestamp: 'a BSON Timestamp (an internal replication value) has no DynamoDB form',
  MinKey: 'MinKey has no DynamoDB form',
  MaxKey: 'MaxKey has no DynamoDB form',
  Code: 'JavaScript code has no DynamoDB form',
  BSONRegExp: 'a regular expression has no DynamoDB form',
};

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');

/** Converts one value; returns it with its size under DynamoDB's item size rules. */
function convertValue(value: unknown, path: string, depth: number): [unknown, number] {
  switch (typeof value) {
    case 'string': return [value, utf8Length(value)];
    case 'number': return plainNumber(value, path);
    case 'boolean': return [value, 1];
    case 'bigint': return exactNumber(value.toString(), path);
    case 'undefined': throw new Unsupported(path, 'BSON undefined (deprecated) has no DynamoDB form');
    case 'object': break;
    default: throw new Unsupported(path, `a ${typeof value} has no DynamoDB form`);
  }
  if (value === null) return [null, 1];
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Unsupported(path, 'an invalid Date has no ISO-8601 form');
    const iso = value.toISOString();
    return [iso, iso.length];
  }
  if (value instanceof RegExp) throw new Unsupported(path, REFUSED.BSONRegExp!);
  if (depth > MAX_DEPTH) throw new Unsupported(path, `nested deeper than DynamoDB's ${MAX_DEPTH} levels`);
  if (Array.isArray(value)) {
    const list = new Array<unknown>(value.length);
    let size = 3;
    for (let i = 0; i < value.length; i++) {
      const [converted, bytes] = convertValue(value[i], path ? `${path}.${i}` : String(i), depth + 1);
      list[i] = converted;
      size += bytes + 1;
    }
    return [list, size];
  }
  if (value instanceof Uint8Array) return [value, value.length];
  const bsonType = (value as { _bsontype?: string })._bsontype;
  if (bsonType !== undefined) return convertBson(bsonType, value, path, depth);
  const [map, size] = convertMap(value as Record<string, unknown>, path, depth);
  return [map, size + 3];
}

function convertBson(bsonType: string, value: object, path: string, depth: number): [unknown, number] {
  switch (bsonType) {
    case 'ObjectId': return [(value as { toHexString(): string }).toHexString(), 24];
    case 'Int32': case 'Double': return plainNumber((value as { value: number }).value, path);
    case 'Long': case 'Decimal128': return exactNumber(String(value), path);
    case 'Binary': {
      // The driver hands out a Buffer; a plain view keeps the item equal to what DynamoDB returns.
      const bytes = (value as { value(): Uint8Array }).value();
      return [new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), bytes.length];
    }
    case 'BSONSymbol': return convertValue(String((value as { value: string }).value), path, depth);
    case 'DBRef': {
      const ref = value as { collection: string; oid: unknown; db?: string };
      return convertValue({ $ref: ref.collection, $id: ref.oid, ...(ref.db ? { $db: ref.db } : {}) }, path, depth);
    }
  }
  throw new Unsupported(path, REFUSED[bsonType] ?? `a BSON ${bsonType} has no DynamoDB form`);
}

/**
 * A map's attributes; the size excludes the 3 bytes of map overhead (top-level items have none).
 * The map has no prototype, so every field name is an own attribute, `constructor` included.
 */
function convertMap(source: Record<string, unknown>, path: string, depth: number): [Record<string, unknown>, number] {
  const map = Object.create(null) as Record<string, unknown>;
  let size = 0;
  // Own names only: a document's fields, never anything inherited.
  for (const name of Object.keys(source)) {
    if (name === '') throw new Unsupported(path || '(top level)', 'an empty field name has no DynamoDB form');
    if (name === '__proto__') throw new Unsupported(path ? `${path}.${name}` : name, 'a field named __proto__ cannot be read back: the AWS SDK for JavaScript drops it from every item it returns');
    const [converted, bytes] = convertValue(source[name], path ? `${path}.${name}` : name, depth + 1);
    map[name] = converted;
    size += utf8Length(name) + bytes + (path ? 1 : 0);
  }
  return [map, size];
}

/** `String(_id)` as the key, or undefined when _id has no sensible string form. */
export function idString(id: unknown): string | undefined {
  if (typeof id === 'string') return id || undefined;
  if (typeof id === 'number') return Number.isFinite(id) ? String(id) : undefined;
  const bsonType = (id as { _bsontype?: string } | null)?._bsontype;
  if (bsonType === 'ObjectId') return (id as { toHexString(): string }).toHexString();
  if (bsonType === 'Long' || bsonType === 'Int32' || bsonType === 'Decimal128') return String(id);
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === '') return 'an empty string';
  const bsonType = (value as { _bsontype?: string })._bsontype;
  return bsonType ? `a ${bsonType}` : `a ${typeof value}`;
}

/** The document's key, or the reason it has none (only `id` and `_id` are read). */
export function documentKey(doc: Document): { key: string } | { key: string; reason: string } {
  const fallback = idString(doc._id) ?? String(doc._id);
  if (!('id' in doc)) {
    const key = idString(doc._id);
    return key ? { key } : { key: fallback, reason: `no \`id\` field, and _id (${describe(doc._id)}) has no string form` };
  }
  if (typeof doc.id === 'string' && doc.id !== '') return { key: doc.id };
  return { key: fallback, reason: `\`id\` is ${describe(doc.id)}; the table key must be a non-empty string` };
}

interface IndexKeyRule { index: string; type: 'S' | 'N' }

function indexKeyRules(spec: CollectionSpec): Map<string, IndexKeyRule> {
  const rules = new Map<string, IndexKeyRule>();
  for (const index of spec.indexes) {
    for (const key of [index.partitionKey, index.sortKey]) {
      if (key) rules.set(key.attribute, { index: index.name, type: key.type });
    }
  }
  return rules;
}

const rulesCache = new WeakMap<CollectionSpec, Map<string, IndexKeyRule>>();

function fitsIndexKey(value: unknown, type: 'S' | 'N'): boolean {
  return type === 'S' ? typeof value === 'string' && value !== '' : typeof value === 'number' || value instanceof NumberValue;
}

/**
 * One document → one item, or one reported problem. Pure: nothing is read or written.
 * `maxBytes` is raised only by the gzip fix (fix-rules.ts), which compresses the item after.
 */
export function convertDocument(doc: Document, spec: CollectionSpec, maxBytes = MAX_ITEM_BYTES): Conversion {
  const keyed = documentKey(doc);
  const { key } = keyed;
  if ('reason' in keyed) return { ok: false, key, code: 'NO_KEY', reason: keyed.reason };
  if (utf8Length(key) > MAX_KEY_BYTES) return { ok: false, key, code: 'NO_KEY', reason: `the key is longer than DynamoDB's ${MAX_KEY_BYTES} bytes` };
  let item: Record<string, unknown>;
  let size: number;
  try {
    [item, size] = convertMap(doc, '', 0);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    return { ok: false, key, code: 'UNSUPPORTED_VALUE', reason: `${error.path}: ${error.message}` };
  }
  if (!('id' in item)) {
    item.id = key;
    size += 2 + utf8Length(key);
  }
  let rules = rulesCache.get(spec);
  if (!rules) rulesCache.set(spec, (rules = indexKeyRules(spec)));
  for (const [attribute, rule] of rules) {
    if (!(attribute in item) || fitsIndexKey(item[attribute], rule.type)) continue;
    const need = rule.type === 'S' ? 'a non-empty string' : 'a number';
    return { ok: false, key, code: 'UNSUPPORTED_VALUE', reason: `${attribute}: ${describe(doc[attribute])}, but ${rule.index} needs ${need} (DynamoDB rejects the item)` };
  }
  if (size > maxBytes) {
    return { ok: false, key, code: 'ITEM_TOO_LARGE', reason: `${(size / 1024).toFixed(1)} KB as a DynamoDB item, over the 400 KB limit` };
  }
  return { ok: true, key, item, size };
}
