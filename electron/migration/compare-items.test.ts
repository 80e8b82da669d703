import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { canonicalNumber, compareItems } from './compare-items';

describe('canonicalNumber', () => {
  it('gives one spelling per value', () => {
    expect(canonicalNumber('1.50')).toBe(canonicalNumber('1.5'));
    expect(canonicalNumber('15E-1')).toBe(canonicalNumber('1.5'));
    expect(canonicalNumber('0.000')).toBe('0');
    expect(canonicalNumber('-0')).toBe('0');
    expect(canonicalNumber('100')).toBe(canonicalNumber('1e2'));
    expect(canonicalNumber('100')).not.toBe(canonicalNumber('10'));
    expect(canonicalNumber('-2')).not.toBe(canonicalNumber('2'));
  });
});

describe('compareItems', () => {
  it('finds nothing between equal items, NumberValue and number of one value included', () => {
    const expected = { id: 'a', n: NumberValue.from('12.50'), big: NumberValue.from('9007199254740993'), b: new Uint8Array([1, 2]), nested: { list: [1, 'x', null] } };
    const actual = { nested: { list: [1, 'x', null] }, b: new Uint8Array([1, 2]), big: NumberValue.from('9007199254740993'), n: 12.5, id: 'a' };
    expect(compareItems(expected, actual)).toEqual([]);
  });

  it('reports changed, missing and added fields by path with both values in wire form', () => {
    const expected = { id: 'a', status: 'active', metadata: { tags: ['prod', 'db'] }, count: NumberValue.from('9007199254740993'), gone: 1 };
    const actual = { id: 'a', status: 'resolved', metadata: { tags: ['prod', 'web'] }, count: 5, added: true };
    const differences = compareItems(expected, actual);
    expect(differences).toEqual(expect.arrayContaining([
      { path: 'status', source: 'active', target: 'resolved' },
      { path: 'metadata.tags.1', source: 'db', target: 'web' },
      { path: 'count', source: { $numberDecimal: '9007199254740993' }, target: 5 },
      { path: 'gone', source: 1 },
      { path: 'added', target: true },
    ]));
    expect(differences).toHaveLength(5);
  });

  it('sees a list turned into a set and a number turned into a string', () => {
    const differences = compareItems({ id: 'a', tags: ['x'], n: 1 }, { id: 'a', tags: new Set(['x']), n: '1' });
    expect(differences.map((d) => d.path).sort()).toEqual(['n', 'tags']);
  });
});

describe('compareItems with field names of Object.prototype', () => {
  const map = (entries: Record<string, unknown>) => Object.assign(Object.create(null) as Record<string, unknown>, entries);

  it('sees a field named constructor or toString that one side lacks', () => {
    const differences = compareItems(map({ id: 'a', constructor: 'c', meta: map({ toString: 'x' }) }), { id: 'a', meta: {} });
    expect(differences).toEqual(expect.arrayContaining([{ path: 'constructor', source: 'c' }, { path: 'meta.toString', source: 'x' }]));
    expect(differences).toHaveLength(2);
    expect(compareItems({ id: 'a' }, map({ id: 'a', constructor: 'c' }))).toEqual([{ path: 'constructor', target: 'c' }]);
  });
});
