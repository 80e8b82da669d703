import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { NumberValue } from '@aws-sdk/lib-dynamodb';

/**
 * A converted item (convert-document.ts) as DynamoDB AttributeValues, for BatchWriteItem.
 * lib-dynamodb's marshall() is not used for items: it drops a field named `__proto__`, refuses a
 * document whose `constructor` field is a string, writes `{constructor: {name: "String"}}` as
 * "[object Object]" and fails on maps without a prototype. Field names are data here: every map
 * is built without a prototype and every name is an own attribute.
 */
export function marshalItem(item: Record<string, unknown>): Record<string, AttributeValue> {
  return marshalMap(item, '');
}

export class MarshalError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`${path || '(top level)'}: ${reason}`);
  }
}

function marshalMap(map: Record<string, unknown>, path: string): Record<string, AttributeValue> {
  const out = Object.create(null) as Record<string, AttributeValue>;
  for (const name of Object.keys(map)) out[name] = marshalValue(map[name], path ? `${path}.${name}` : name);
  return out;
}

function marshalValue(value: unknown, path: string): AttributeValue {
  switch (typeof value) {
    case 'string': return { S: value };
    case 'boolean': return { BOOL: value };
    case 'number':
      if (!Number.isFinite(value)) throw new MarshalError(path, `${value} has no DynamoDB form`);
      return { N: String(value) };
    case 'bigint': return { N: value.toString() };
  }
  if (value === null) return { NULL: true };
  if (value instanceof NumberValue) return { N: value.toString() };
  if (value instanceof Uint8Array) return { B: value };
  if (Array.isArray(value)) return { L: value.map((v, i) => marshalValue(v, path ? `${path}.${i}` : String(i))) };
  if (typeof value === 'object') return { M: marshalMap(value as Record<string, unknown>, path) };
  throw new MarshalError(path, `a ${typeof value} has no DynamoDB form`);
}
