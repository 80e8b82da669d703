import { gunzipSync, gzipSync } from 'node:zlib';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { readNumber } from './client';
import { attributesJson, mapJson } from './dynamo-json';

/**
 * The migration's `oversized: gzip` fix: an item too large for DynamoDB is stored as its key
 * attributes plus this one Binary attribute, holding the whole item as DynamoDB JSON
 * (AttributeValues, binaries in base64), gzip-compressed. The console and verify read it back
 * whole (expandItem).
 */
export const GZIP_ATTRIBUTE = '__gzip';

/** The item's AttributeValues, gzip-compressed (deterministic: the same item gives the same bytes). */
export function compressAttributes(attributes: Record<string, AttributeValue>): Uint8Array {
  const bytes = gzipSync(JSON.stringify(attributesJson(attributes)), { level: 9 });
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

type JsonAttribute = { S?: string; N?: string; B?: string; BOOL?: boolean; NULL?: boolean; L?: JsonAttribute[]; M?: Record<string, JsonAttribute>; SS?: string[]; NS?: string[] };

/** An AttributeValue as the document client returns it (numbers as it reads them). */
function fromJson(value: JsonAttribute): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return readNumber(value.N);
  if (value.B !== undefined) return new Uint8Array(Buffer.from(value.B, 'base64'));
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.L) return value.L.map(fromJson);
  if (value.M) return mapJson(value.M, fromJson);
  if (value.SS) return new Set(value.SS);
  if (value.NS) return new Set(value.NS.map(readNumber));
  return null;
}

/** The whole item when `item` is a compressed one, else `item` itself. */
export function expandItem<T extends Record<string, unknown>>(item: T): T {
  const packed = item[GZIP_ATTRIBUTE];
  if (!(packed instanceof Uint8Array)) return item;
  const attributes = JSON.parse(gunzipSync(packed).toString('utf8')) as Record<string, JsonAttribute>;
  return mapJson(attributes, fromJson) as T;
}
