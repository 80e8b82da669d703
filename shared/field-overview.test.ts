import { describe, expect, it } from 'vitest';
import { fieldDrift, mainType, summarizeFields, wireType } from './field-overview';

describe('summarizeFields', () => {
  it('counts every dotted path and the types its values have', () => {
    const stats = summarizeFields([
      { id: 'a', priority: 3, host: { name: 'web' }, at: { $date: '2024-06-01T00:00:00Z' } },
      { id: 'b', priority: 2.5, host: null, tags: ['x'] },
      { id: 'c', priority: '4' },
    ]);
    expect(stats).toEqual([
      { path: 'at', present: 1, types: { date: 1 } },
      { path: 'host', present: 2, types: { object: 1, null: 1 } },
      { path: 'host.name', present: 1, types: { string: 1 } },
      { path: 'id', present: 3, types: { string: 3 } },
      { path: 'priority', present: 3, types: { int: 1, double: 1, string: 1 } },
      { path: 'tags', present: 1, types: { array: 1 } },
    ]);
    expect(mainType(stats.find((s) => s.path === 'id')!)).toBe('string');
  });

  it('names the Extended JSON types', () => {
    expect([{ $oid: 'x' }, { $numberDecimal: '1' }, { $numberLong: '1' }, { $binary: {} }, { $set: [] }, true].map(wireType))
      .toEqual(['objectId', 'decimal', 'long', 'binary', 'set', 'boolean']);
  });
});

describe('fieldDrift', () => {
  it('lists fields whose types differ between backends, and fields on one side only', () => {
    const mongodb = summarizeFields([{ id: 'a', timestamp: { $date: '2024-06-01T00:00:00Z' }, _id: { $oid: '1' }, n: 1 }]);
    const dynamodb = summarizeFields([{ id: 'a', timestamp: '2024-06-01T00:00:00.000Z', n: 1 }]);
    expect(fieldDrift(mongodb, dynamodb)).toEqual([
      { path: '_id', mongodb: ['objectId'] },
      { path: 'timestamp', mongodb: ['date'], dynamodb: ['string'] },
    ]);
  });
});
