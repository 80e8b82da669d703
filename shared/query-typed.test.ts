import { describe, expect, it } from 'vitest';
import { QueryError, parseFilter } from './query';

describe('typed values and $regex in filters', () => {
  it('reads Extended JSON literals as typed values', () => {
    expect(parseFilter({
      _id: { $oid: '64B7F0C2A1B2C3D4E5F60718' }, at: { $gte: { $date: '2026-03-04T05:06:07Z' } }, n: { $numberLong: '9007199254740993' },
      d: { $in: [{ $numberDecimal: '1.50' }, { $numberInt: '3' }] }, b: { $binary: { base64: 'AQID', subType: '0' } },
    })).toEqual({ kind: 'and', conditions: [
      { kind: 'compare', field: '_id', op: 'eq', value: { type: 'objectId', hex: '64b7f0c2a1b2c3d4e5f60718' } },
      { kind: 'compare', field: 'at', op: 'gte', value: { type: 'date', iso: '2026-03-04T05:06:07.000Z' } },
      { kind: 'compare', field: 'n', op: 'eq', value: { type: 'long', digits: '9007199254740993' } },
      { kind: 'in', field: 'd', negate: false, values: [{ type: 'decimal', digits: '1.50' }, 3] },
      { kind: 'compare', field: 'b', op: 'eq', value: { type: 'binary', base64: 'AQID', subType: '00' } },
    ] });
  });

  it.each([
    [{ _id: { $oid: 'xyz' } }, '_id is not a valid $oid'],
    [{ at: { $gt: { $date: 'yesterday' } } }, 'at.$gt is not a valid $date'],
    [{ n: { $in: [{ $numberLong: '1.5' }] } }, 'n.$in.0 is not a valid $numberLong'],
  ])('names a malformed literal and where it is: %j', (filter, message) => {
    expect(() => parseFilter(filter)).toThrow(expect.objectContaining({ code: 'INVALID_QUERY', message: expect.stringContaining(message) }));
  });

  it('reads $regex with $options, and the shell /regex/ literal', () => {
    expect(parseFilter({ a: { $regex: '^x', $options: 'mi' }, b: { $regularExpression: { pattern: 'y', options: 'i' } } })).toEqual({ kind: 'and', conditions: [
      { kind: 'regex', field: 'a', pattern: '^x', options: 'im' },
      { kind: 'regex', field: 'b', pattern: 'y', options: 'i' },
    ] });
  });

  it.each([
    [{ a: { $options: 'i' } }, 'only read together with $regex'],
    [{ a: { $regex: 'x', $options: 'g' } }, 'flags i, m, s, x and u'],
    [{ a: { $regex: 5 } }, 'needs a pattern string'],
    [{ $where: 'sleep(100)' }, 'runs code on the server'],
  ])('refuses %j', (filter, message) => {
    expect(() => parseFilter(filter)).toThrow(QueryError);
    expect(() => parseFilter(filter)).toThrow(message);
  });
});
