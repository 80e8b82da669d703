import type { Projection } from '../../shared/query';
import type { Document } from './database-adapter';
import { isPlainObject } from './document-path';

/**
 * MongoDB's projection semantics applied to a document in memory, for backends without them:
 * `{a: 1}` keeps fields, `{a: 0}` drops them, dotted paths reach into sub-documents and into
 * arrays of sub-documents. `_id` is MongoDB's own field and is ignored here.
 */
export function projectDocument(document: Document, projection: Projection | undefined): Document {
  const fields = Object.entries(projection ?? {}).filter(([field]) => field !== '_id');
  if (fields.length === 0) return document;
  const paths = fields.map(([field]) => field.split('.'));
  if (fields[0]![1] === 0) return paths.reduce<Document>((doc, path) => without(doc, path) as Document, document);
  return paths.reduce<Document>((kept, path) => merge(kept, only(document, path)) as Document, {});
}

function only(value: unknown, path: string[]): unknown {
  if (path.length === 0) return value;
  if (Array.isArray(value)) return value.filter(isPlainObject).map((element) => only(element, path) ?? {});
  if (!isPlainObject(value) || !Object.hasOwn(value, path[0]!)) return undefined;
  const inner = only(value[path[0]!], path.slice(1));
  return inner === undefined ? undefined : { [path[0]!]: inner };
}

function merge(target: unknown, source: unknown): unknown {
  if (source === undefined) return target;
  if (Array.isArray(target) && Array.isArray(source)) return source.map((element, i) => merge(target[i], element));
  if (isPlainObject(target) && isPlainObject(source)) {
    const result: Record<string, unknown> = { ...target };
    for (const [key, value] of Object.entries(source)) result[key] = merge(result[key], value);
    return result;
  }
  return source;
}

function without(value: unknown, path: string[]): unknown {
  if (Array.isArray(value)) return value.map((element) => without(element, path));
  if (!isPlainObject(value) || !Object.hasOwn(value, path[0]!)) return value;
  const { [path[0]!]: inner, ...rest } = value;
  return path.length === 1 ? rest : { ...rest, [path[0]!]: without(inner, path.slice(1)) };
}
