import { describe, expect, it } from 'vitest';
import { parseFilterInput } from './parse-filter';

describe('the filter bar reads Compass and mongosh syntax', () => {
  it('reads shell literals as Extended JSON', () => {
    expect(parseFilterInput('{_id: ObjectId("64b7f0c2a1b2c3d4e5f60718"), timestamp: {$gte: ISODate("2026-03-04T00:00:00Z"), $lt: new Date(1772668800000)}, n: NumberLong("9007199254740993"), d: NumberDecimal("1.5"), m: /^disk/i}')).toEqual({
      problems: [],
      value: {
        _id: { $oid: '64b7f0c2a1b2c3d4e5f60718' },
        timestamp: { $gte: { $date: '2026-03-04T00:00:00Z' }, $lt: { $date: new Date(1772668800000).toISOString().replace('.000Z', 'Z') } },
        n: { $numberLong: '9007199254740993' }, d: { $numberDecimal: '1.5' },
        m: { $regularExpression: { pattern: '^disk', options: 'i' } },
      },
    });
  });

  it('reads relaxed and canonical Extended JSON and plain JSON', () => {
    const text = '{"_id": {"$oid": "64b7f0c2a1b2c3d4e5f60718"}, "t": {"$gte": {"$date": {"$numberLong": "1772668800000"}}}, "s": {"$regex": "^a", "$options": "i"}, "status": "active"}';
    expect(parseFilterInput(text)).toEqual({ problems: [], value: JSON.parse(text) });
  });

  it.each([
    ['{_id: ObjectId("xyz")}', 'ObjectId("xyz") is not a valid literal: expected 24 hexadecimal digits'],
    ['{n: NumberLong("abc")}', 'NumberLong("abc") is not a valid literal'],
    ['{t: new Date("garbage")}', 'new Date("garbage") is not a valid literal'],
    ['{t: ISODate("2026-13-45")}', 'ISODate("2026-13-45") is not a valid literal'],
    ['{t: Date("2026-01-01")}', 'Date("2026-01-01") gives today\'s date as text'],
    ['{"_id": {"$oid": "xyz"}}', 'not a valid $oid'],
    ['{"a": {"$where": "sleep(1)"}}', '$where'],
    ['{a: this.constructor}', 'A filter is an object'],
    ['{a: 1', 'Not a valid filter'],
  ])('names what is wrong in %s', (text, message) => {
    const { value, problems } = parseFilterInput(text);
    expect(value).toBeUndefined();
    expect(problems.map((p) => p.message).join(' ')).toContain(message);
  });
});
