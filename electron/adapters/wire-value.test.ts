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

  it('refuses __proto__, constructor and other Object.prototype names as fields, naming the key', () => {
    const wire = JSON.parse('{"__proto__": {"a": 1}, "constructor": "c"}') as Record<string, unknown>;
    expect(() => fromWireForMongo(wire)).toThrow(/"__proto__" \(at __proto__\) is refused/);
    expect(() => fromWireForMongo({ a: [{ toString: [{}] }] })).toThrow(/"toString" \(at a.0.toString\) is refused/);
    expect(Object.keys(toWireValue(wire) as object)).toEqual(['__proto__', 'constructor']);
    expect(() => fromWireForDynamo(wire)).toThrow(/field name "__proto__" \(at __proto__\) cannot be stored in DynamoDB/);
    expect(() => fromWireForDynamo({ a: { constructor: 'c' } })).toThrow(/"constructor" \(at a.constructor\)/);
  });

  it.each([
    [{ $numberDecimal: 'abc' }, '$numberDecimal'], [{ $binary: { base64: '!!', subType: '00' } }, '$binary'],
    [{ $oid: 'xyz' }, '$oid'], [{ $date: 'not a date' }, '$date'], [{ $numberLong: '99999999999999999999' }, '$numberLong'],
  ])('refuses the malformed literal %j on both backends, naming it', (literal, name) => {
    for (const convert of [fromWireForMongo, fromWireForDynamo]) {
      expect(() => convert({ v: literal }), name).toThrow(expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining(`v is not a valid ${name}`) }));
    }
  });

  it.each([NaN, Infinity, 1.79e308, 1e-200])('refuses %d on DynamoDB, which cannot store it', (n) => {
    expect(() => fromWireForDynamo({ n })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('refuses DynamoDB numbers and sets it would reshape', () => {
    expect(() => fromWireForDynamo({ n: { $numberDecimal: '1'.repeat(39) } })).toThrow(/38 significant digits/);
    expect(() => fromWireForDynamo({ n: { $numberDouble: 'NaN' } })).toThrow(/NaN or Infinity/);
    expect(() => fromWireForDynamo({ s: { $set: ['a', 'a'] } })).toThrow(/same member twice/);
    expect(() => fromWireForDynamo({ s: { $set: ['a', 1] } })).toThrow(/only strings, only numbers/);
    expect(String(fromWireForDynamo(2 ** 60))).toBe(String(2 ** 60));
  });
});
