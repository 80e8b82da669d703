import { NumberValue } from '@aws-sdk/lib-dynamodb';
import {
  Binary, BSONRegExp, BSONSymbol, Code, DBRef, Decimal128, Double, Int32, Long, MaxKey, MinKey, ObjectId, Timestamp, UUID,
} from 'mongodb';
import { describe, expect, it } from 'vitest';
import { collectionSpec } from '../../shared/catalogue';
import { convertDocument, MAX_ITEM_BYTES, type Conversion } from './convert-document';

const companies = collectionSpec('companies')!;
const alerts = collectionSpec('alerts')!;
const oid = new ObjectId('65f1c2d3e4f5a6b7c8d9e0f1');

function converted(value: unknown): unknown {
  const result = convertDocument({ _id: oid, id: 'doc-1', v: value }, companies);
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.reason}`);
  return result.item.v;
}

function refused(value: unknown, spec = companies): Extract<Conversion, { ok: false }> {
  const result = convertDocument({ _id: oid, id: 'doc-1', v: value }, spec);
  if (result.ok) throw new Error('expected a problem');
  return result;
}

describe('convertDocument: one BSON type at a time', () => {
  it('ObjectId → 24 hex digits', () => {
    expect(converted(oid)).toBe('65f1c2d3e4f5a6b7c8d9e0f1');
  });

  it('Date → ISO-8601 string', () => {
    expect(converted(new Date('2024-05-01T12:30:00.250Z'))).toBe('2024-05-01T12:30:00.250Z');
  });

  it('Int32 and Double, promoted or wrapped → number', () => {
    expect(converted(42)).toBe(42);
    expect(converted(new Int32(7))).toBe(7);
    expect(converted(new Double(2.5))).toBe(2.5);
    expect(converted(-0.125)).toBe(-0.125);
  });

  it('Long and Decimal128 → exact NumberValue digits', () => {
    const long = converted(Long.fromString('9007199254740993'));
    expect(long).toBeInstanceOf(NumberValue);
    expect(String(long)).toBe('9007199254740993');
    expect(String(converted(Decimal128.fromString('12345678901234567890.123456789')))).toBe('12345678901234567890.123456789');
    expect(String(converted(123456789012345678901234567890n))).toBe('123456789012345678901234567890');
  });

  it('Binary and UUID → bytes', () => {
    expect(converted(new Binary(Buffer.from([1, 2, 3])))).toEqual(new Uint8Array([1, 2, 3]));
    const uuid = new UUID('0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(Buffer.from(converted(uuid) as Uint8Array).toString('hex')).toBe('0f8fad5bd9cb469fa16570867728950e');
  });

  it('strings (empty too), booleans and null stay', () => {
    expect(converted('')).toBe('');
    expect(converted('héllo')).toBe('héllo');
    expect(converted(true)).toBe(true);
    expect(converted(null)).toBeNull();
  });

  it('nested documents → maps, arrays → lists (never sets), recursively', () => {
    expect(converted({ a: { b: [1, 'x', oid, [new Date(0)]] }, empty: {}, list: [] })).toEqual({
      a: { b: [1, 'x', '65f1c2d3e4f5a6b7c8d9e0f1', ['1970-01-01T00:00:00.000Z']] }, empty: {}, list: [],
    });
    expect(converted(['a', 'a'])).toEqual(['a', 'a']);
  });

  it('Symbol → string, DBRef → map', () => {
    expect(converted(new BSONSymbol('sym'))).toBe('sym');
    expect(converted(new DBRef('users', oid, 'other'))).toEqual({ $ref: 'users', $id: '65f1c2d3e4f5a6b7c8d9e0f1', $db: 'other' });
  });

  it.each([
    ['NaN', NaN, 'no DynamoDB form'],
    ['Infinity', Infinity, 'no DynamoDB form'],
    ['Double NaN', new Double(NaN), 'no DynamoDB form'],
    ['Decimal128 NaN', Decimal128.fromString('NaN'), 'no DynamoDB form'],
    ['Decimal128 out of range', Decimal128.fromString('1E+200'), "outside DynamoDB's number range"],
    ['a double below 1E-130', 5e-324, "outside DynamoDB's number range"],
    ['Timestamp', new Timestamp({ t: 1, i: 1 }), 'Timestamp'],
    ['MinKey', new MinKey(), 'MinKey'],
    ['MaxKey', new MaxKey(), 'MaxKey'],
    ['Code', new Code('return 1'), 'code'],
    ['BSONRegExp', new BSONRegExp('a+', 'i'), 'regular expression'],
    ['RegExp', /a+/i, 'regular expression'],
    ['undefined', undefined, 'undefined'],
    ['invalid Date', new Date(NaN), 'invalid Date'],
  ])('refuses %s with its path', (_name, value, reason) => {
    const problem = refused({ deep: [0, value] });
    expect(problem.code).toBe('UNSUPPORTED_VALUE');
    expect(problem.reason).toMatch(/^v\.deep\.1: /);
    expect(problem.reason).toContain(reason);
  });

  it('refuses empty field names and nesting deeper than 32 levels', () => {
    expect(refused({ '': 1 }).reason).toContain('empty field name');
    let deep: unknown = 'bottom';
    for (let i = 0; i < 40; i++) deep = { d: deep };
    expect(refused(deep).reason).toContain('32 levels');
  });
});

describe('convertDocument: key', () => {
  it('uses `id` when it is a non-empty string, and keeps _id as a hex string', () => {
    const result = convertDocument({ _id: oid, id: 'alert-1', n: 1 }, companies);
    expect(result).toMatchObject({ ok: true, key: 'alert-1', item: { _id: '65f1c2d3e4f5a6b7c8d9e0f1', id: 'alert-1', n: 1 } });
  });

  it('falls back to String(_id) when there is no `id`, writing it as the key attribute', () => {
    expect(convertDocument({ _id: oid, n: 1 }, companies)).toMatchObject({ ok: true, key: oid.toHexString(), item: { id: oid.toHexString() } });
    expect(convertDocument({ _id: 'custom-key' }, companies)).toMatchObject({ ok: true, key: 'custom-key' });
    expect(convertDocument({ _id: 17 }, companies)).toMatchObject({ ok: true, key: '17' });
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['an empty string', ''],
  ])('refuses an `id` that is %s (NO_KEY), never rewriting it', (_name, id) => {
    const result = convertDocument({ _id: oid, id }, companies);
    expect(result).toMatchObject({ ok: false, code: 'NO_KEY', key: oid.toHexString() });
  });

  it('refuses a document with no `id` and an _id with no string form', () => {
    expect(convertDocument({ _id: { compound: 1 } }, companies)).toMatchObject({ ok: false, code: 'NO_KEY' });
  });
});

describe('convertDocument: index keys and size', () => {
  it('refuses null, empty or non-string values of GSI key attributes, allows them missing', () => {
    expect(convertDocument({ _id: oid, id: 'a', status: null }, alerts)).toMatchObject({ ok: false, code: 'UNSUPPORTED_VALUE' });
    expect(convertDocument({ _id: oid, id: 'a', status: '' }, alerts)).toMatchObject({ ok: false, code: 'UNSUPPORTED_VALUE' });
    expect(convertDocument({ _id: oid, id: 'a', company_id: 'c', timestamp: 5 }, alerts)).toMatchObject({ ok: false, code: 'UNSUPPORTED_VALUE' });
    expect(convertDocument({ _id: oid, id: 'a', company_id: 'c', timestamp: new Date(0) }, alerts)).toMatchObject({ ok: true });
    expect(convertDocument({ _id: oid, id: 'a' }, alerts)).toMatchObject({ ok: true });
  });

  it("computes the size with DynamoDB's rules", () => {
    // names: _id(3)+id(2)+s(1)+n(1)+l(1)+m(1)=9; values: 24 + 1 + 3 + (1+1)=2 + list 3+(1+1)+(1+1)=7 + map 3+(1+1+1)=6
    const result = convertDocument({ _id: oid, id: 'k', s: 'abc', n: 12, l: [true, null], m: { x: false } }, companies);
    expect(result).toMatchObject({ ok: true, size: 9 + 24 + 1 + 3 + 2 + 7 + 6 });
  });

  it('refuses items over 400 KB (ITEM_TOO_LARGE) and accepts one just under', () => {
    const overhead = convertDocument({ _id: oid, id: 'k', big: '' }, companies);
    if (!overhead.ok) throw new Error('unexpected');
    const fits = convertDocument({ _id: oid, id: 'k', big: 'x'.repeat(MAX_ITEM_BYTES - overhead.size) }, companies);
    expect(fits).toMatchObject({ ok: true, size: MAX_ITEM_BYTES });
    const tooBig = convertDocument({ _id: oid, id: 'k', big: 'x'.repeat(MAX_ITEM_BYTES - overhead.size + 1) }, companies);
    expect(tooBig).toMatchObject({ ok: false, code: 'ITEM_TOO_LARGE' });
  });

  it('counts multi-byte characters by their UTF-8 length', () => {
    const a = convertDocument({ _id: oid, id: 'k', s: 'é' }, companies);
    const b = convertDocument({ _id: oid, id: 'k', s: 'e' }, companies);
    expect(a.ok && b.ok && a.size - b.size).toBe(1);
  });
});

describe('convertDocument: values a JavaScript number or object would change', () => {
  it('numbers beyond ±(2^53 − 1) keep their exact digits as NumberValue (lib-dynamodb refuses them as numbers)', () => {
    expect(String(converted(5e20))).toBe('500000000000000000000');
    expect(converted(5e20)).toBeInstanceOf(NumberValue);
    expect(String(converted(new Double(-1.5e125)))).toBe('-1.5e+125');
    // The driver hands out a Long of exactly 2^53 as a JavaScript number.
    expect(String(converted(2 ** 53))).toBe('9007199254740992');
    expect(String(converted(Long.fromString('-9007199254740992')))).toBe('-9007199254740992');
    expect(converted(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('keeps field names that are names of Object.prototype as plain fields', () => {
    const result = convertDocument({ _id: oid, id: 'k', constructor: 'c', toString: 'ts', meta: { constructor: { name: 'String' }, hasOwnProperty: 1 } }, companies);
    expect(result.ok).toBe(true);
    const item = (result as Extract<Conversion, { ok: true }>).item;
    expect(Object.getPrototypeOf(item)).toBeNull();
    expect(Object.getOwnPropertyDescriptor(item, 'constructor')?.value).toBe('c');
    expect(Object.getOwnPropertyDescriptor(item, 'toString')?.value).toBe('ts');
    const meta = item.meta as Record<string, unknown>;
    expect(Object.getPrototypeOf(meta)).toBeNull();
    expect(Object.keys(meta)).toEqual(['constructor', 'hasOwnProperty']);
    expect({ ...(meta.constructor as object) }).toEqual({ name: 'String' });
  });

  it('refuses a field named __proto__, at the top level or inside a map, naming its path', () => {
    // As the driver reads them: own properties named __proto__.
    const top = JSON.parse('{"id": "k", "__proto__": {"x": 1}}') as Record<string, unknown>;
    expect(convertDocument({ _id: oid, ...top }, companies)).toMatchObject({ ok: false, code: 'UNSUPPORTED_VALUE', reason: expect.stringMatching(/^__proto__: .*__proto__/) });
    const nested = JSON.parse('{"id": "k", "meta": {"__proto__": {"x": 1}, "y": "z"}}') as Record<string, unknown>;
    expect(convertDocument({ _id: oid, ...nested }, companies)).toMatchObject({ ok: false, code: 'UNSUPPORTED_VALUE', reason: expect.stringMatching(/^meta\.__proto__: /) });
  });
});
