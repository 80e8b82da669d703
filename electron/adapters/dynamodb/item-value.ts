import { isPlainObject } from '../document-path';

/** Values written to DynamoDB from plain JS: dates become ISO-8601 strings (the seed's rule). */
export function toItemValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toItemValue);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toItemValue(v)]));
  return value;
}
