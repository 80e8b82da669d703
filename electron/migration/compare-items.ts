import { NumberValue } from '@aws-sdk/lib-dynamodb';
import diff from 'microdiff';
import type { FieldDifference } from '../../shared/migration';
import { toWireValue } from '../api/wire-value';
import type { Item } from './write-batch';

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

function canonical(value: unknown): unknown {
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof NumberValue) return { [NUMBER]: canonicalNumber(String(value)) };
  if (value instanceof Uint8Array) return { [BINARY]: Buffer.from(value).toString('base64') };
  if (value instanceof Set) return { [SET]: [...value].map(canonical).map((v) => JSON.stringify(v)).sort() };
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  return value;
}

function valueAt(item: Item, path: ReadonlyArray<string | number>): unknown {
  let value: unknown = item;
  for (const part of path) value = (value as Record<string | number, unknown> | undefined)?.[part];
  return value;
}

function has(item: Item, path: ReadonlyArray<string | number>): boolean {
  const parent = valueAt(item, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' && path.at(-1)! in parent;
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
  return [...paths].map(([text, path]) => ({
    path: text,
    ...(has(expected, path) ? { source: toWireValue(valueAt(expected, path)) } : {}),
    ...(has(actual, path) ? { target: toWireValue(valueAt(actual, path)) } : {}),
  }));
}
