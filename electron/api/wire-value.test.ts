import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { Binary, Decimal128, Long, ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { fromWireForDynamo, fromWireForMongo, toWireValue } from './wire-value';

describe('wire values', () => {
  const oid = new ObjectId('64b7f0c2a1b2c3d4e5f60718');
  const when = new Date('2026-03-04T05:06:07.089Z');

  it('turns BSON and DynamoDB values into Extended JSON', () => {
    expect(toWireValue({
      _id: oid, at: when, price: Decimal128.fromString('12.50'), big: Long.fromString('9007199254740993'),
      exact: NumberValue.from('123456789012345678901234567890'), bytes: new Uint8Array([1, 2, 3]),
      bin: new Binary(Buffer.from([4, 5])), tags: new Set(['a', 'b']), nested: { list: [1, null, 'x'] }, inf: Infinity,
    })).toEqual({
      _id: { $oid: '64b7f0c2a1b2c3d4e5f60718' }, at: { $date: '2026-03-04T05:06:07.089Z' }, price: { $numberDecimal: '12.50' },
      big: { $numberLong: '9007199254740993' }, exact: { $numberDecimal: '123456789012345678901234567890' },
      bytes: { $binary: { base64: 'AQID', subType: '00' } }, bin: { $binary: { base64: 'BAU=', subType: '00' } },
      tags: { $set: ['a', 'b'] }, nested: { list: [1, null, 'x'] }, inf: { $numberDouble: 'Infinity' },
    });
  });

  it('keeps a Long past 2^53 exact', () => {
    const wire = JSON.parse(JSON.stringify(toWireValue({ n: Long.fromString('9007199254740993') }))) as Record<string, unknown>;
    expect((fromWireForMongo(wire) as { n: unknown }).n).toEqual(Long.fromString('9007199254740993'));
  });

  it('round-trips through JSON back to MongoDB values', () => {
    const doc = { _id: oid, at: when, price: Decimal128.fromString('12.50') };
    const back = fromWireForMongo(JSON.parse(JSON.stringify(toWireValue(doc)))) as typeof doc;
    expect(back._id.equals(oid)).toBe(true);
    expect(back.at).toEqual(when);
    expect(back.price.toString()).toBe('12.50');
  });

  it('round-trips through JSON back to DynamoDB values without losing digits or types', () => {
    const item = { exact: NumberValue.from('123456789012345678901234567890'), bytes: new Uint8Array([1, 2, 3]), tags: new Set(['a']), n: 5 };
    const back = fromWireForDynamo(JSON.parse(JSON.stringify(toWireValue(item)))) as Record<string, unknown>;
    expect(String(back.exact)).toBe('123456789012345678901234567890');
    expect(back.exact).toBeInstanceOf(NumberValue);
    expect(back.bytes).toEqual(new Uint8Array([1, 2, 3]));
    expect(back.tags).toEqual(new Set(['a']));
    expect(back.n).toBe(5);
    expect(fromWireForDynamo({ $date: '2026-03-04T05:06:07.089Z' })).toBe('2026-03-04T05:06:07.089Z');
  });
});
