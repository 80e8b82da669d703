import type { StoredRecord as Document } from '../adapters/ports';
import type { CollectionSpec } from '../../shared/catalogue';
import type { CollectionRules, RuleName } from '../../shared/migration-profile';
import { compressAttributes, GZIP_ATTRIBUTE } from '../adapters/dynamodb/compressed-item';
import { convertDocument, documentKey, idString, MAX_ITEM_BYTES, numberFits, type Conversion } from './convert-document';
import { marshalItem } from '../adapters/dynamodb/marshal-item';
import type { StoredRecord as Item } from '../adapters/ports';

/**
 * The DBA's fix rules (shared/migration-profile.ts) around convertDocument: the document is
 * fixed first (id, index keys, regular expressions, numbers), converted as always, and an item
 * over 400 KB is then compressed. Pure, like the conversion: copy, export, plan and verify all
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

/** A conversion and the fixes it took; `expanded` is a compressed item's whole content (what verify compares). */
export type FixedConversion = Conversion & { changes: RuleChange[]; expanded?: Item };

const active = (choice: string | undefined): choice is string => choice !== undefined && choice !== 'skip';

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
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  if (bytes > MAX_ITEM_BYTES) return { ok: false, key, code: 'ITEM_TOO_LARGE', reason: `${kb(size)} as a DynamoDB item, still ${kb(bytes)} gzip-compressed: over the 400 KB limit`, changes: [] };
  const change: RuleChange = { rule: 'oversized:gzip', path: '(whole item)', before: kb(size), after: `${kb(bytes)}, gzip-compressed in ${GZIP_ATTRIBUTE}` };
  return { ok: true, key, item: small, size: bytes, changes: [change], expanded: item };
}

const hasRules = (rules: CollectionRules | undefined): rules is CollectionRules => rules !== undefined && Object.values(rules).some(active);

/** One document → one item (fixed as the rules say), or the problem still left. */
export function convertWithRules(doc: Document, spec: CollectionSpec, rules?: CollectionRules): FixedConversion {
  if (!hasRules(rules)) return { ...convertDocument(doc, spec), changes: [] };
  const changes: RuleChange[] = [];
  const fixed = fixDocument(doc, spec, rules, changes);
  const gzip = rules.oversized === 'gzip';
  const conversion = convertDocument(fixed, spec, gzip ? Infinity : MAX_ITEM_BYTES);
  if (!conversion.ok) return { ...conversion, changes: [] };
  if (gzip && conversion.size > MAX_ITEM_BYTES) {
    const compressed = compressItem(conversion.key, conversion.item, conversion.size, spec);
    return compressed.ok ? { ...compressed, changes: [...changes, ...compressed.changes] } : compressed;
  }
  return { ...conversion, changes };
}

/** What verify expects in the table: a compressed item's whole content, else the item. */
export function expectedConversion(conversion: FixedConversion): FixedConversion {
  return conversion.ok && conversion.expanded ? { ...conversion, item: conversion.expanded } : conversion;
}

/** The key a document has under the rules (only the id rule changes keys): duplicate look-ups compare by it. */
export function keyUnderRules(doc: Document, rules?: CollectionRules): string {
  return documentKey(active(rules?.nonStringId) ? fixId(doc, []) : doc).key;
}
