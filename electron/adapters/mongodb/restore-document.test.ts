import { BSON, Binary, Decimal128, Long, ObjectId, type Document } from 'mongodb';
import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../../shared/catalogue';
import { convertDocument } from '../../migration/convert-document';
import { collectionSpec } from '../../../shared/catalogue';
import { sampleObjectId } from '../../sandbox/sample-data/generators';
import { sampleSources } from '../../sandbox/sample-data/load-sample-data';
import { compressAttributes, expandItem, GZIP_ATTRIBUTE } from '../dynamodb/compressed-item';
import { marshalItem } from '../dynamodb/marshal-item';
import { NOTES, restoreDocument } from './restore-document';

/** A value as MongoDB stores it: canonical Extended JSON names every BSON type; fields sorted (DynamoDB keeps no order). */
function stored(doc: Document): unknown {
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sort((value as Record<string, unknown>)[k])]));
  };
  const bytes = BSON.serialize(doc);
  return sort(JSON.parse(BSON.EJSON.stringify(BSON.deserialize(bytes, { promoteValues: false }), { relaxed: false })));
}

/** The way there as the copy takes it: read by the driver, converted, written, and read back by the document client. */
function throughDynamo(doc: Document, collection: string): Record<string, unknown> {
  const read = BSON.deserialize(BSON.serialize(doc));
  const conversion = convertDocument(read, collectionSpec(collection)!);
  if (!conversion.ok) throw new Error(conversion.reason);
  return expandItem({ [GZIP_ATTRIBUTE]: compressAttributes(marshalItem(conversion.item)) });
}

describe('restoreDocument (DynamoDB → MongoDB)', () => {
  it('gives back every sample document, field by field and type by type', () => {
    const { machine, sources } = sampleSources({ alerts: 400, seed: 7 });
    let checked = 0;
    for (const [index, name] of COLLECTION_NAMES.entries()) {
      let n = 0;
      for (const generated of sources[name]!) {
        const original = { _id: sampleObjectId(index, n++, machine), ...generated };
        const restored = restoreDocument(throughDynamo(original, name), name);
        if (!restored.ok) throw new Error(restored.reason);
        expect(stored(restored.item), `${name} ${restored.key}`).toEqual(stored(original));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(600);
  });

  it('restores types from the item where it says them, and from the catalogue where it does not', () => {
    const restored = restoreDocument({
      id: 'a-1', _id: '65f000000000000000000001', timestamp: '2024-05-01T12:00:00.000Z',
      metrics: { event_sequence: 7, big: NumberValue.from('9007199254740993') },
      ratio: NumberValue.from('0.1000000000000000000000000000000001'), count: 3, share: 0.5, raw: new Uint8Array([1, 2]),
      tags: new Set(['a', 'b']), ref: { $ref: 'users', $id: '65f000000000000000000002' },
    }, 'alerts');
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    const doc = restored.item;
    expect(doc._id).toEqual(new ObjectId('65f000000000000000000001'));
    expect(doc.timestamp).toEqual(new Date('2024-05-01T12:00:00.000Z'));
    expect(doc.metrics.event_sequence).toEqual(Long.fromNumber(7));
    expect(doc.metrics.big).toEqual(Long.fromString('9007199254740993'));
    expect(doc.ratio).toEqual(Decimal128.fromString('0.1000000000000000000000000000000001'));
    expect(doc.raw).toEqual(new Binary(new Uint8Array([1, 2])));
    expect(doc.tags).toEqual(['a', 'b']);
    expect(doc.ref._bsontype).toBe('DBRef');
    expect(Object.fromEntries(restored.notes.map((n) => [n.path, n.note]))).toEqual({
      'metrics.big': NOTES.exactLong, ratio: NOTES.decimal, count: NOTES.wholeNumber, raw: NOTES.binary, tags: NOTES.set, 'ref.$id': NOTES.hexString,
    });
  });

  it('drops the `id` the copy added, and keys an item without `_id` by its `id`', () => {
    const added = restoreDocument({ id: '65f000000000000000000001', _id: '65f000000000000000000001', x: 'y' }, 'alerts');
    expect(added.ok && added.item).toEqual({ _id: new ObjectId('65f000000000000000000001'), x: 'y' });
    const native = restoreDocument({ id: 'made-in-dynamodb', constructor: 'a string' }, 'companies');
    expect(native.ok && native.item).toEqual({ _id: 'made-in-dynamodb', id: 'made-in-dynamodb', constructor: 'a string' });
    expect(native.ok && native.notes).toEqual([{ path: '_id', note: NOTES.noId }]);
  });

  it('refuses an item without a string key', () => {
    expect(restoreDocument({ id: 5 }, 'alerts')).toMatchObject({ ok: false, code: 'NO_KEY' });
  });
});
