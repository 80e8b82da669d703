import type { CollectionSpec } from '../../shared/catalogue';
import type { DocumentProblem } from '../../shared/migration';
import type { CollectionRules } from '../../shared/migration-profile';
import type { Backend, StoredRecord } from '../adapters/ports';
import { restoreDocument, type FieldNote } from '../adapters/mongodb/restore-document';
import { AppError } from '../../shared/errors';
import { convertDocument, documentKey } from './convert-document';
import { convertWithRules, expectedConversion, keyUnderRules, type FieldItem } from './fix-rules';

/** One source record as the target should hold it, or the problem that keeps it out. */
export type Converted =
  | { ok: true; key: string; item: StoredRecord; notes?: FieldNote[]; fieldItems?: FieldItem[] }
  | { ok: false; key: string; code: DocumentProblem['code']; reason: string };

/** What verify compares: the target record in the comparison form, and the fix rules that shaped it. */
export type Expected = Converted & { rules?: string[] };

/**
 * The conversion rules of one direction: how a source record becomes a target record, how keys
 * are read, and in which form verify compares the two (DynamoDB items: a stored MongoDB document
 * is converted forward before comparing, so both sides use the README's mapping table).
 */
export interface ConversionRules {
  convert(record: StoredRecord, spec: CollectionSpec, rules?: CollectionRules): Converted;
  expect(record: StoredRecord, spec: CollectionSpec, rules?: CollectionRules): Expected;
  /** A source record's key under the rules: several source records can share one. */
  sourceKey(record: StoredRecord, rules?: CollectionRules): string;
  /** A stored target record's key. */
  targetKey(record: StoredRecord): string;
  /** A stored target record in the form `expect` gives. */
  comparable(stored: StoredRecord, spec: CollectionSpec): StoredRecord;
}

const FORWARD: ConversionRules = {
  convert: (doc, spec, rules) => convertWithRules(doc, spec, rules),
  expect(doc, spec, rules) {
    const conversion = expectedConversion(convertWithRules(doc, spec, rules));
    return conversion.ok ? { ...conversion, rules: conversion.changes.map((c) => c.rule) } : conversion;
  },
  sourceKey: (doc, rules) => keyUnderRules(doc, rules),
  targetKey: (item) => String(item.id),
  comparable: (item) => item,
};

/** DynamoDB → MongoDB: fix rules are for DynamoDB's limits and do not apply on the way back. */
const REVERSE: ConversionRules = {
  convert: (item, spec) => restoreDocument(item, spec.name),
  expect(item, spec) {
    const restored = restoreDocument(item, spec.name);
    return restored.ok ? { ok: true, key: restored.key, item } : restored;
  },
  sourceKey: (item) => String(item.id),
  targetKey: (doc) => documentKey(doc).key,
  comparable(doc, spec) {
    const conversion = convertDocument(doc, spec, Infinity);
    return conversion.ok ? conversion.item : doc;
  },
};

export function conversionRules(from: Backend, to: Backend): ConversionRules {
  if (from === 'mongodb' && to === 'dynamodb') return FORWARD;
  if (from === 'dynamodb' && to === 'mongodb') return REVERSE;
  throw new AppError('VALIDATION', `No conversion from ${from} to ${to}.`);
}
