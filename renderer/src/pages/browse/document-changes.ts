import parseShell from '@mongodb-js/shell-bson-parser';
import type { Update } from '../../../../shared/query';
import { shellToWire } from './parse-filter';

/**
 * A whole-document edit as the fields it changes: the editor shows the document in relaxed
 * Extended JSON (as the JSON view does), the user edits the text, and this turns the result into
 * a per-field preview and one update. The text is read by the filter bar's parser, so
 * `{"$date": …}` and `ISODate(…)` stay Dates and `{"$numberLong": …}` stays a Long.
 */

type Doc = Record<string, unknown>;

export interface FieldChange {
  field: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  /** The value types, e.g. "date" and "string": the preview shows them when they differ. */
  typeBefore?: string;
  typeAfter?: string;
}

/** The key and the stored identity: an edit that touches them is refused, not sent. */
export const READ_ONLY_FIELDS = ['id', '_id'];

const EJSON_TYPES: Record<string, string> = { $date: 'date', $oid: 'objectId', $numberLong: 'long', $numberDecimal: 'decimal', $numberInt: 'int', $numberDouble: 'double', $binary: 'binary', $regularExpression: 'regex', $timestamp: 'timestamp' };

/** The type of a wire value as support staff name it. */
export function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value !== 'object') return typeof value;
  const keys = Object.keys(value);
  const tag = keys.length <= 2 ? EJSON_TYPES[keys[0] ?? ''] : undefined;
  return tag ?? 'object';
}

/** The edited text as a document, or why it is not one. */
export function parseDocumentText(text: string): { value?: Doc; problem?: string } {
  let parsed: unknown;
  try {
    parsed = parseShell(text, { mode: 'strict' });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return { problem: `Not a valid document: ${message}.` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { problem: 'A document is an object: {"field": value, …}.' };
  return { value: shellToWire(parsed) as Doc };
}

// Same value, same type: the wire form is canonical enough that equal JSON means equal values.
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Per top-level field: added, removed or changed (old → new), in the document's order. */
export function documentChanges(before: Doc, after: Doc): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, old] of Object.entries(before)) {
    if (!Object.hasOwn(after, field)) changes.push({ field, kind: 'removed', before: old, typeBefore: typeOf(old) });
    else if (!same(old, after[field])) changes.push({ field, kind: 'changed', before: old, after: after[field], typeBefore: typeOf(old), typeAfter: typeOf(after[field]) });
  }
  for (const [field, value] of Object.entries(after)) {
    if (!Object.hasOwn(before, field)) changes.push({ field, kind: 'added', after: value, typeAfter: typeOf(value) });
  }
  return changes;
}

/** Why these changes cannot be saved, if they touch a read-only field. */
export function changesProblem(changes: FieldChange[]): string | undefined {
  const touched = changes.filter((c) => READ_ONLY_FIELDS.includes(c.field)).map((c) => c.field);
  return touched.length ? `${touched.join(' and ')} cannot be changed here: they identify the document.` : undefined;
}

/** One update: `$set` for changed and added fields, `$unset` for removed ones. */
export function changesToUpdate(changes: FieldChange[]): Update {
  const set = Object.fromEntries(changes.filter((c) => c.kind !== 'removed').map((c) => [c.field, c.after]));
  const unset = Object.fromEntries(changes.filter((c) => c.kind === 'removed').map((c) => [c.field, '' as const]));
  return { ...(Object.keys(set).length ? { $set: set } : {}), ...(Object.keys(unset).length ? { $unset: unset } : {}) };
}
