import type { StoredRecord as Document } from '../adapters/ports';
import type { CollectionSpec } from '../../shared/catalogue';
import type { CollectionRules, RuleName } from '../../shared/migration-profile';
import { compressAttributes, GZIP_ATTRIBUTE } from '../adapters/dynamodb/compressed-item';
import { MOVED_ATTRIBUTE, MOVED_FROM_ATTRIBUTE, movedFieldKey } from '../adapters/dynamodb/moved-field';
import { convertDocument, documentKey, idString, MAX_ITEM_BYTES, numberFits, type Conversion } from './convert-document';
import { marshalItem } from '../adapters/dynamodb/marshal-item';
import type { StoredRecord as Item } from '../adapters/ports';

/**
 * The DBA's fix rules (shared/migration-profile.ts) around convertDocument: the document is
 * fixed first (id, index keys, regular expressions, numbers), converted as always, and an item
 * over 400 KB is then compressed, or split in two by moving a chosen field out. Pure, like the conversion: copy, export, plan and verify all
 * call this, so the plan shows what the copy writes and verify expects what the copy wrote.
 * Without an active rule it is convertDocument itself.
 */

/** One fix applied to one document, as the plan shows it: the path, and its value before → after. */
export interface RuleChange {
  rule: RuleName;
  path: string;
  before: string;
  after: string;
}

/** An item written beside the document's own: a field moved out of it (moved-field.ts). */
export interface FieldItem {
  key: string;
  item: Item;
  size: number;
}

/**
 * A conversion and the fixes it took; `expanded` is the whole content of a compressed item or of
 * one whose field was moved out (what verify compares), `fieldItems` the items to write beside it.
 */
export type FixedConversion = Conversion & { changes: RuleChange[]; expanded?: Item; fieldItems?: FieldItem[] };

const active = (choice: unknown) => choice !== undefined && choice !== 'skip';

const join = (path: string, part: string | number) => (path ? `${path}.${part}` : String(part));

const show = (value: unknown) => (typeof value === 'number' ? String(value) : JSON.stringify(value) ?? String(value));

type ValueFix = (value: unknown) => { value: unknown; before: string } | undefined;

function isContainer(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array) && !(value instanceof RegExp) && (value as { _bsontype?: string })._bsontype === undefined;
}

/** The value with `fix` applied everywhere inside it; unchanged parts are shared, not copied. */
function fixValues(value: unknown, path: string, rule: RuleName, fix: ValueFix, changes: RuleChange[]): unknown {
  const fixed = fix(value);
  if (fixed) {
    changes.push({ rule, path, before: fixed.before, after: show(fixed.value) });
    return fixed.value;
  }
  if (!isContainer(value)) return value;
  let copy: Record<string, unknown> | unknown[] | undefined;
  for (const name of Object.keys(value)) {
    const part = Array.isArray(value) ? Number(name) : name;
    const next = fixValues((value as Record<string, unknown>)[name], join(path, part), rule, fix, changes);
    if (next === (value as Record<string, unknown>)[name]) continue;
    copy ??= Array.isArray(value) ? [...value] : { ...value };
    (copy as Record<string, unknown>)[name] = next;
  }
  return copy ?? value;
}

/** A RegExp (the driver's default) or a BSONRegExp, as pattern and flags. */
function regexParts(value: unknown): { pattern: string; flags: string } | undefined {
  if (value instanceof RegExp) return { pattern: value.source, flags: value.flags };
  if ((value as { _bsontype?: string } | null)?._bsontype === 'BSONRegExp') {
    const bson = value as { pattern: string; options: string };
    return { pattern: bson.pattern, flags: bson.options };
  }
  return undefined;
}

function fixRegex(choice: 'map' | 'string'): ValueFix {
  return (value) => {
    const parts = regexParts(value);
    if (!parts) return undefined;
    const fixed = choice === 'map' ? { pattern: parts.pattern, flags: parts.flags } : `/${parts.pattern}/${parts.flags}`;
    return { value: fixed, before: `/${parts.pattern}/${parts.flags}` };
  };
}

/** A number's text when DynamoDB cannot store it (NaN, ±Infinity, out of range), else undefined. */
function badNumberText(value: unknown): string | undefined {
  const bsonType = (value as { _bsontype?: string } | null)?._bsontype;
  const text = typeof value === 'number' ? String(value)
    : bsonType === 'Double' ? String((value as { value: number }).value)
      : bsonType === 'Decimal128' ? String(value) : undefined;
  return text !== undefined && !numberFits(text) ? text : undefined;
}

function fixBadNumber(choice: 'string' | 'null'): ValueFix {
  return (value) => {
    const text = badNumberText(value);
    return text === undefined ? undefined : { value: choice === 'string' ? text : null, before: text };
  };
}

/** The document with a non-string `id` replaced by its string form. */
function fixId(doc: Document, changes: RuleChange[]): Document {
  if (!('id' in doc) || typeof doc.id === 'string') return doc;
  const text = idString(doc.id);
  if (text === undefined) return doc;
  changes.push({ rule: 'nonStringId:string', path: 'id', before: `${String(doc.id)} (${(doc.id as { _bsontype?: string })?._bsontype ?? typeof doc.id})`, after: show(text) });
  return { ...doc, id: text };
}

/** Index key attributes and the indexes each one keys. */
function indexAttributes(spec: CollectionSpec): Map<string, string[]> {
  const attributes = new Map<string, string[]>();
  for (const index of spec.indexes) {
    for (const key of [index.partitionKey, index.sortKey]) if (key) attributes.set(key.attribute, [...(attributes.get(key.attribute) ?? []), index.name]);
  }
  return attributes;
}

/** The document without its null or empty index key attributes: the item is then absent from those sparse indexes. */
function omitEmptyIndexKeys(doc: Document, spec: CollectionSpec, changes: RuleChange[]): Document {
  let copy: Document | undefined;
  for (const [attribute, indexes] of indexAttributes(spec)) {
    const value = doc[attribute];
    if (!(attribute in doc) || (value !== null && value !== '' && value !== undefined)) continue;
    copy ??= { ...doc };
    delete copy[attribute];
    changes.push({ rule: 'emptyIndexKey:omit', path: attribute, before: show(value ?? null), after: `(omitted: not in ${indexes.join(', ')})` });
  }
  return copy ?? doc;
}

/** The document as the profile's document-level rules leave it. */
function fixDocument(doc: Document, spec: CollectionSpec, rules: CollectionRules, changes: RuleChange[]): Document {
  let fixed = doc;
  if (active(rules.nonStringId)) fixed = fixId(fixed, changes);
  if (active(rules.emptyIndexKey)) fixed = omitEmptyIndexKeys(fixed, spec, changes);
  if (rules.regex === 'map' || rules.regex === 'string') fixed = fixValues(fixed, '', `regex:${rules.regex}`, fixRegex(rules.regex), changes) as Document;
  if (rules.badNumber === 'string' || rules.badNumber === 'null') fixed = fixValues(fixed, '', `badNumber:${rules.badNumber}`, fixBadNumber(rules.badNumber), changes) as Document;
  return fixed;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** DynamoDB's size of a key attribute kept beside the compressed item. */
function attributeBytes(name: string, value: unknown): number {
  const text = String(value);
  return Buffer.byteLength(name) + (typeof value === 'string' ? Buffer.byteLength(text) : Math.ceil(text.replace(/[-.]/g, '').length / 2) + 1);
}

/** The item as its key and index key attributes plus the gzip-compressed whole, or why it is still too large. */
function compressItem(key: string, item: Item, size: number, spec: CollectionSpec): FixedConversion {
  const packed = compressAttributes(marshalItem(item));
  const small = Object.create(null) as Item;
  let bytes = Buffer.byteLength(GZIP_ATTRIBUTE) + packed.length;
  for (const name of ['id', ...indexAttributes(spec).keys()]) {
    if (!(name in item)) continue;
    small[name] = item[name];
    bytes += attributeBytes(name, item[name]);
  }
  small[GZIP_ATTRIBUTE] = packed;
  if (bytes > MAX_ITEM_BYTES) return { ok: false, key, code: 'ITEM_TOO_LARGE', reason: `${kb(size)} as a DynamoDB item, still ${kb(bytes)} gzip-compressed: over the 400 KB limit`, changes: [] };
  const change: RuleChange = { rule: 'oversized:gzip', path: '(whole item)', before: kb(size), after: `${kb(bytes)}, gzip-compressed in ${GZIP_ATTRIBUTE}` };
  return { ok: true, key, item: small, size: bytes, changes: [change], expanded: item };
}

/**
 * The document's item without `field`, and the field in an item of its own keyed `<id>#<field>`
 * (moved-field.ts), each converted and size-checked as any item; or why that does not fit either.
 */
function moveFieldOut(doc: Document, whole: Conversion & { ok: true }, field: string, spec: CollectionSpec): FixedConversion {
  const { key, size } = whole;
  const tooLarge = (why: string): FixedConversion => ({ ok: false, key, code: 'ITEM_TOO_LARGE', reason: `${kb(size)} as a DynamoDB item, over the 400 KB limit; ${why}`, changes: [] });
  if (!(field in doc)) return tooLarge(`it has no field ${field} to move out`);
  const { [field]: value, ...rest } = doc;
  const own = convertDocument({ ...rest, [MOVED_ATTRIBUTE]: field }, spec);
  if (!own.ok) return tooLarge(`without ${field}: ${own.reason}`);
  const fieldKey = movedFieldKey(key, field);
  const moved = convertDocument({ id: fieldKey, [MOVED_FROM_ATTRIBUTE]: key, [field]: value }, spec);
  if (!moved.ok) return tooLarge(`${field} alone: ${moved.reason}`);
  const change: RuleChange = { rule: 'oversized:moveField', path: field, before: `${kb(size)} in one item`, after: `${kb(own.size)} + ${field} in item ${fieldKey} (${kb(moved.size)})` };
  return { ...own, changes: [change], expanded: whole.item, fieldItems: [{ key: fieldKey, item: moved.item, size: moved.size }] };
}

const hasRules = (rules: CollectionRules | undefined): rules is CollectionRules => rules !== undefined && Object.values(rules).some(active);

/** One document → one item (fixed as the rules say; with a moved field, plus its item), or the problem still left. */
export function convertWithRules(doc: Document, spec: CollectionSpec, rules?: CollectionRules): FixedConversion {
  if (!hasRules(rules)) return { ...convertDocument(doc, spec), changes: [] };
  const changes: RuleChange[] = [];
  const fixed = fixDocument(doc, spec, rules, changes);
  const gzip = rules.oversized === 'gzip';
  const move = typeof rules.oversized === 'object' ? rules.oversized.moveField : undefined;
  const conversion = convertDocument(fixed, spec, gzip || move ? Infinity : MAX_ITEM_BYTES);
  if (!conversion.ok) return { ...conversion, changes: [] };
  if (conversion.size <= MAX_ITEM_BYTES) return { ...conversion, changes };
  const resized = gzip ? compressItem(conversion.key, conversion.item, conversion.size, spec) : moveFieldOut(fixed, conversion, move!, spec);
  return resized.ok ? { ...resized, changes: [...changes, ...resized.changes] } : resized;
}

/** What verify expects in the table: a compressed or split item's whole content, else the item. */
export function expectedConversion(conversion: FixedConversion): FixedConversion {
  return conversion.ok && conversion.expanded ? { ...conversion, item: conversion.expanded } : conversion;
}

/** The key a document has under the rules (only the id rule changes keys): duplicate look-ups compare by it. */
export function keyUnderRules(doc: Document, rules?: CollectionRules): string {
  return documentKey(active(rules?.nonStringId) ? fixId(doc, []) : doc).key;
}
