import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { marshalItem } from './marshal-item';
import { dynamoJsonLine } from './import-table';

describe('dynamoJsonLine', () => {
  it("writes one ImportTable DYNAMODB_JSON line, binaries in base64 at any depth, numbers' exact digits kept", () => {
    const bytes = new Uint8Array([0, 1, 254, 255]);
    const line = dynamoJsonLine(marshalItem({ id: 'a', n: NumberValue.from('12345678901234567890.5'), b: bytes, m: { deep: [bytes, { x: null, empty: {} }] }, s: '' }));
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toEqual({ Item: {
      id: { S: 'a' }, n: { N: '12345678901234567890.5' }, b: { B: 'AAH+/w==' }, s: { S: '' },
      m: { M: { deep: { L: [{ B: 'AAH+/w==' }, { M: { x: { NULL: true }, empty: { M: {} } } }] } } },
    } });
  });
});
