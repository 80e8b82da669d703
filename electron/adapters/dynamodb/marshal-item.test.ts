import { marshall } from '@aws-sdk/util-dynamodb';
import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { marshalItem } from './marshal-item';

const map = (entries: Record<string, unknown>) => Object.assign(Object.create(null) as Record<string, unknown>, entries);

describe('marshalItem', () => {
  it('gives every DynamoDB type its AttributeValue, exact numbers as their digits', () => {
    const item = map({ id: 'a', n: 1.5, big: NumberValue.from('500000000000000000000'), b: new Uint8Array([1]), t: true, z: null, l: [1, 'x'], m: map({ k: 'v' }) });
    expect(JSON.parse(JSON.stringify(marshalItem(item)))).toEqual({
      id: { S: 'a' }, n: { N: '1.5' }, big: { N: '500000000000000000000' }, b: { B: { 0: 1 } }, t: { BOOL: true }, z: { NULL: true },
      l: { L: [{ N: '1' }, { S: 'x' }] }, m: { M: { k: { S: 'v' } } },
    });
  });

  it('writes names of Object.prototype as attributes, where lib-dynamodb fails or changes them', () => {
    const item = map({ id: 'a', constructor: 'c', meta: map({ constructor: map({ name: 'String' }) }) });
    const raw = marshalItem(item);
    expect(Object.getOwnPropertyDescriptor(raw, 'constructor')?.value).toEqual({ S: 'c' });
    expect(Object.getOwnPropertyDescriptor(raw.meta!.M!, 'constructor')?.value).toEqual({ M: map({ name: { S: 'String' } }) });
    // What the old write path did with the same values.
    expect(() => marshall({ id: 'a', constructor: 'c' }, { convertClassInstanceToMap: false })).toThrow();
    expect(marshall({ meta: { constructor: { name: 'String' } } })).toEqual({ meta: { S: '[object Object]' } });
  });
});
