import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * AttributeValues as DynamoDB JSON (binaries in base64, at any depth): ImportTable's lines and the
 * gzip fix's compressed items. Maps are built without a prototype: field names are data.
 */
export function attributesJson(attributes: Record<string, AttributeValue>): Record<string, unknown> {
  return mapJson(attributes, valueJson);
}

export function mapJson<T, U>(map: Record<string, T>, each: (value: T) => U): Record<string, U> {
  const out = Object.create(null) as Record<string, U>;
  for (const name of Object.keys(map)) out[name] = each(map[name]!);
  return out;
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');

function valueJson(value: AttributeValue): unknown {
  if (value.B) return { B: base64(value.B) };
  if (value.BS) return { BS: value.BS.map(base64) };
  if (value.L) return { L: value.L.map(valueJson) };
  if (value.M) return { M: mapJson(value.M, valueJson) };
  return value;
}
