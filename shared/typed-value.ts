import { dateIso, literalKey, literalMessage, literalProblem } from './extended-json';

/**
 * The values a filter can hold besides JSON's: what Extended JSON writes as `{$date}`, `{$oid}`,
 * `{$numberLong}`, `{$numberDecimal}` and `{$binary}`. A small tagged type, free of any driver,
 * so shared code, the renderer and both adapters agree on it; each adapter turns it into its
 * backend's value (MongoDB: BSON Date, ObjectId, Long, Decimal128, Binary; DynamoDB: the
 * migration's mapping, see electron/adapters/dynamodb/item-scalar.ts).
 */
export type TypedValue =
  /** An instant, as ISO-8601 with milliseconds in UTC (`2026-03-04T05:06:07.089Z`). */
  | { type: 'date'; iso: string }
  /** 24 lowercase hex digits. */
  | { type: 'objectId'; hex: string }
  /** A 64-bit integer's exact digits. */
  | { type: 'long'; digits: string }
  /** A Decimal128's exact text. */
  | { type: 'decimal'; digits: string }
  | { type: 'binary'; base64: string; subType: string };

export function isTypedValue(value: unknown): value is TypedValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { type?: unknown }).type === 'string' && Object.keys(value).length > 1;
}

/**
 * An Extended JSON literal as a typed value, a plain number for `$numberInt`/`$numberDouble`,
 * or undefined when `value` is no literal. Throws `Error(message)` naming the literal and its
 * path when the literal is malformed.
 */
export function fromLiteral(value: object, path: string): TypedValue | number | undefined {
  if (value instanceof Date) {
    if (!Number.isFinite(value.getTime())) throw new Error(literalMessage('Date', path, 'not a representable time'));
    return { type: 'date', iso: value.toISOString() };
  }
  const key = literalKey(value);
  if (!key) return undefined;
  const inner = (value as Record<string, unknown>)[key];
  const problem = literalProblem(key, inner);
  if (problem) throw new Error(literalMessage(key, path, problem));
  switch (key) {
    case '$date': return { type: 'date', iso: dateIso(inner) };
    case '$oid': return { type: 'objectId', hex: String(inner).toLowerCase() };
    case '$numberLong': return { type: 'long', digits: BigInt(String(inner)).toString() };
    case '$numberDecimal': return { type: 'decimal', digits: String(inner) };
    case '$binary': {
      const { base64, subType } = inner as { base64: string; subType: string };
      return { type: 'binary', base64, subType: subType.toLowerCase().padStart(2, '0') };
    }
    default: return Number(inner); // $numberInt, $numberDouble
  }
}

/** A typed value as relaxed Extended JSON (Longs kept as `{$numberLong}`, exact). */
export function toLiteral(value: TypedValue): Record<string, unknown> {
  switch (value.type) {
    case 'date': return { $date: value.iso };
    case 'objectId': return { $oid: value.hex };
    case 'long': return { $numberLong: value.digits };
    case 'decimal': return { $numberDecimal: value.digits };
    case 'binary': return { $binary: { base64: value.base64, subType: value.subType } };
  }
}

/** How a typed value reads in a message: `ObjectId("…")`, `ISODate("…")`. */
export function describeTyped(value: TypedValue): string {
  switch (value.type) {
    case 'date': return `ISODate("${value.iso}")`;
    case 'objectId': return `ObjectId("${value.hex}")`;
    case 'long': return `NumberLong("${value.digits}")`;
    case 'decimal': return `NumberDecimal("${value.digits}")`;
    case 'binary': return `BinData(${parseInt(value.subType, 16)}, "${value.base64}")`;
  }
}
