import { NumberValue } from '@aws-sdk/lib-dynamodb';
import diff from 'microdiff';
import type { FieldDifference } from '../../shared/migration';
import { toWireValue } from '../adapters/wire-value';
import type { StoredRecord as Item } from '../adapters/ports';

/** Wrappers that make values of one DynamoDB type compare by value; never valid field names in our data. */
const NUMBER = '\u0000n';
const BINARY = '\u0000b';
const SET = '\u0000s';

/** A number's value as text, whatever its spelling: `1.50`, `1.5` and `15E-1` give the same. */
export function canonicalNumber(text: string): string {
  const match = /^([+-]?)(\d*)\.?(\d*)(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!match) return text;
  let digits = `${match[2]}${match[3]}`;
  let exponent = Number(match[4] ?? 0) + match[2]!.length;
  const leading = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(leading).replace(/0+$/, '');
  exponent -= leading;
  return digits === '' ? '0' : `${match[1] === '-' ? '-' : ''}0.${digits}e${exponent}`;
}

/**
 * Field names are data: canonical maps have no prototype, so `constructor` or `toString` is a
 * field like any other (the diff's `in` checks would otherwise find them on every object).
 */
function record(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
  const map = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of entries) map[name] = value;
  return map;
}

function canonical(value: unknown): unknown {
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof NumberValue) return record([[NUMBER, canonicalNumber(String(value))]]);
  if (value instanceof Uint8Array) return record([[BINARY, Buffer.from(value).toString('base64')]]);
  if (value instanceof Set) return record([[SET, [...value].map(canonical).map((v) => JSON.stringify(v)).sort()]]);
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') return record(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  return value;
}

/** The value at `path`, own fields only; `has` says whether there is one. */
function lookup(item: Item, path: ReadonlyArray<string | number>): { has: boolean; value?: unknown } {
  let value: unknown = item;
  for (const part of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return { has: false };
    value = (value as Record<string | number, unknown>)[part];
  }
  return { has: true, value };
}

/**
 * Field-level differences between the item a source document converts to and the item in the
 * table, with both values in wire form. Numbers compare by value (a NumberValue and a number of
 * the same value are equal), binary by bytes.
 */
export function compareItems(expected: Item, actual: Item): FieldDifference[] {
  const paths = new Map<string, ReadonlyArray<string | number>>();
  for (const change of diff(canonical(expected) as Record<string, unknown>, canonical(actual) as Record<string, unknown>)) {
    const marker = change.path.findIndex((part) => part === NUMBER || part === BINARY || part === SET);
    const path = marker === -1 ? change.path : change.path.slice(0, marker);
    paths.set(path.join('.'), path);
  }
  return [...paths].map(([text, path]) => {
    const source = lookup(expected, path);
    const target = lookup(actual, path);
    return { path: text, ...(source.has ? { source: toWireValue(source.value) } : {}), ...(target.has ? { target: toWireValue(target.value) } : {}) };
  });
}
