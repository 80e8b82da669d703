import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { BSON, Long } from 'mongodb';
import { AppError } from '../../shared/errors';
import { checkLiteral, literalError, literalKey } from './wire-literals';

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

/**
 * Names the MongoDB driver cannot read back: bson 7 looks a field name up in its `fieldsAsRaw`
 * option object, so an array under `toString`, `constructor`, `__proto__`, ... (every
 * Object.prototype member) comes back as raw BSON bytes.
 */
const MONGO_UNREADABLE_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Checks every literal in a wire value, depth first, so the first bad one is named. */
function checkLiterals(value: unknown, path: string): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) return value.forEach((v, i) => checkLiterals(v, join(path, String(i))));
  checkLiteral(value, path);
  for (const [k, v] of Object.entries(value)) {
    if (MONGO_UNREADABLE_KEYS.has(k)) throw new AppError('VALIDATION', `The field name "${k}" (at ${join(path, k)}) is refused: the MongoDB driver would not read it back as written.`, { path: join(path, k), key: k });
    checkLiterals(v, join(path, k));
  }
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/** Wire form → the values the MongoDB driver writes (ObjectId, Date, Decimal128, Long kept exact, ...). */
export function fromWireForMongo(value: unknown): unknown {
  checkLiterals(value, '');
  try {
    return EJSON.deserialize({ v: value }, { relaxed: false }).v;
  } catch (error) {
    // EJSON's own checks (e.g. a decimal with more digits than Decimal128 holds) name the value.
    throw new AppError('VALIDATION', `A value is not valid Extended JSON: ${error instanceof Error ? error.message : String(error)}`, undefined, { cause: error });
  }
}

/** Field names lib-dynamodb's marshaller cannot write: it drops `__proto__` and misreads `constructor`. */
const DYNAMO_UNSTORABLE_KEYS = ['__proto__', 'constructor'];

export function checkDynamoFieldName(key: string, path: string): void {
  if (DYNAMO_UNSTORABLE_KEYS.includes(key)) {
    throw new AppError('VALIDATION', `The field name "${key}" (at ${path}) cannot be stored in DynamoDB: the AWS SDK's marshaller would drop or misread it. MongoDB keeps it.`, { path, key });
  }
}

/** DynamoDB numbers: at most 38 significant digits, magnitude 1E-130 to under 1E+126. */
function dynamoNumberProblem(text: string): string | undefined {
  const magnitude = Math.abs(Number(text));
  if (!Number.isFinite(magnitude)) return 'DynamoDB stores no NaN or Infinity';
  if (magnitude !== 0 && (magnitude >= 1e126 || magnitude < 1e-130)) return 'outside DynamoDB\'s number range (1E-130 to 9.99E+125)';
  const digits = text.replace(/^[+-]/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return digits.length > 38 ? 'more than the 38 significant digits DynamoDB keeps' : undefined;
}

function dynamoNumber(text: string, literal: string, path: string): NumberValue {
  const problem = dynamoNumberProblem(text);
  if (problem) throw literalError(literal, path, problem);
  return NumberValue.from(text);
}

function dynamoLiteral(key: string, inner: unknown, path: string): unknown {
  switch (key) {
    case '$numberDecimal': case '$numberLong': case '$numberInt': return dynamoNumber(String(inner), key, path);
    case '$numberDouble': return plainNumber(Number(inner), path, key);
    case '$oid': return String(inner);
    case '$date': return new Date(typeof inner === 'string' || typeof inner === 'number' ? inner : Number((inner as { $numberLong: string }).$numberLong)).toISOString();
    default: return new Uint8Array(Buffer.from((inner as { base64: string }).base64, 'base64')); // $binary
  }
}

/** A JSON number as DynamoDB takes it: in range, and exact digits kept past 2^53 (the SDK refuses those). */
function plainNumber(value: number, path: string, literal = 'number'): number | NumberValue {
  const problem = dynamoNumberProblem(String(value));
  if (problem) throw literalError(literal, path, problem);
  return Math.abs(value) <= Number.MAX_SAFE_INTEGER ? value : NumberValue.from(String(value));
}

const setKind = (member: unknown): string => (member instanceof NumberValue ? 'number' : member instanceof Uint8Array ? 'binary' : typeof member);

/** A DynamoDB set holds distinct strings, numbers or binaries of one kind: anything else is refused, not reshaped. */
function dynamoSet(members: unknown[], path: string): Set<unknown> {
  const kinds = new Set(members.map(setKind));
  if (kinds.size !== 1 || !['string', 'number', 'binary'].includes([...kinds][0]!)) throw literalError('$set', path, 'a DynamoDB set holds only strings, only numbers or only binary values');
  const distinct = new Set(members.map((m) => (m instanceof Uint8Array ? Buffer.from(m).toString('base64') : String(m))));
  if (distinct.size !== members.length) throw literalError('$set', path, 'a set cannot hold the same member twice');
  return new Set(members);
}

/** The parts of an update fromWireForDynamo does not convert: their field names and $inc amounts. */
export function checkDynamoUpdate(update: { $unset?: Record<string, unknown>; $inc?: Record<string, number> }): void {
  for (const [part, fields] of Object.entries(update)) {
    for (const [key, amount] of Object.entries(fields ?? {})) {
      checkDynamoFieldName(key, `${part}.${key}`);
      if (part === '$inc') plainNumber(amount as number, `${part}.${key}`);
    }
  }
}

/**
 * Wire form → the values lib-dynamodb writes, keeping DynamoDB's types: exact numbers as
 * NumberValue, binary as bytes, sets as sets; dates and ObjectIds become strings as in a migration.
 * Malformed literals, numbers DynamoDB cannot hold and field names the SDK cannot write are refused.
 */
export function fromWireForDynamo(value: unknown, path = ''): unknown {
  if (typeof value === 'number') return plainNumber(value, path);
  if (Array.isArray(value)) return value.map((v, i) => fromWireForDynamo(v, join(path, String(i))));
  if (value === null || typeof value !== 'object') return value;
  checkLiteral(value, path);
  const literal = literalKey(value);
  if (literal) return dynamoLiteral(literal, (value as Record<string, unknown>)[literal], path);
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]![0] === '$set') {
    const members = entries[0]![1];
    if (!Array.isArray(members) || members.length === 0) throw literalError('$set', path, 'a DynamoDB set needs a non-empty array');
    return dynamoSet(members.map((v, i) => fromWireForDynamo(v, join(path, `$set.${i}`))), path);
  }
  for (const [k] of entries) checkDynamoFieldName(k, join(path, k));
  return Object.fromEntries(entries.map(([k, v]) => [k, fromWireForDynamo(v, join(path, k))]));
}
