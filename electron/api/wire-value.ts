import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { BSON, Long } from 'mongodb';

const { EJSON } = BSON;

/**
 * Documents cross the contract (IPC, WebSocket) as plain JSON in MongoDB Extended JSON v2,
 * relaxed form: `{$oid}`, `{$date}`, `{$numberDecimal}`, `{$numberLong}`, `{$binary}`. Values
 * no JSON can hold exactly keep their type this way, so an edit sent back changes nothing else.
 * Two additions for DynamoDB: exact numbers a double would round travel as `{$numberDecimal}`,
 * and DynamoDB sets (SS/NS/BS) as `{$set: [...]}`.
 */

function isBson(value: object): boolean {
  return '_bsontype' in value;
}

export function toWireValue(value: unknown): unknown {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return value ?? null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $numberDouble: String(value) };
  if (typeof value === 'bigint') return { $numberLong: value.toString() };
  if (value instanceof NumberValue) return { $numberDecimal: value.toString() };
  if (value instanceof Date) return EJSON.serialize({ v: value }, { relaxed: true }).v;
  if (value instanceof Uint8Array) return { $binary: { base64: Buffer.from(value).toString('base64'), subType: '00' } };
  if (value instanceof Set) return { $set: [...value].map(toWireValue) };
  if (Array.isArray(value)) return value.map(toWireValue);
  if (typeof value === 'object') {
    // Relaxed EJSON turns a Long into a double; keep its digits.
    if (value instanceof Long) return { $numberLong: value.toString() };
    if (isBson(value)) return EJSON.serialize({ v: value }, { relaxed: true }).v;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWireValue(v)]));
  }
  return String(value);
}

/** Wire form → the values the MongoDB driver writes (ObjectId, Date, Decimal128, Long kept exact, ...). */
export function fromWireForMongo(value: unknown): unknown {
  return EJSON.deserialize({ v: value }, { relaxed: false }).v;
}

/**
 * Wire form → the values lib-dynamodb writes, keeping DynamoDB's types: exact numbers as
 * NumberValue, binary as bytes, sets as sets; dates and ObjectIds become strings as in a migration.
 */
export function fromWireForDynamo(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWireForDynamo);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const [firstKey, inner] = entries[0] ?? [];
  if (entries.length === 1 && firstKey?.startsWith('$')) {
    switch (firstKey) {
      case '$numberDecimal': case '$numberLong': case '$numberInt': return NumberValue.from(String(inner));
      case '$numberDouble': return Number(inner);
      case '$oid': return String(inner);
      case '$date': return typeof inner === 'string' ? new Date(inner).toISOString() : new Date(Number((inner as { $numberLong?: string }).$numberLong ?? inner)).toISOString();
      case '$binary': return new Uint8Array(Buffer.from((inner as { base64: string }).base64, 'base64'));
      case '$set': return new Set((inner as unknown[]).map(fromWireForDynamo) as never[]);
    }
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, fromWireForDynamo(v)]));
}
