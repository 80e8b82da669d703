import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { BSONRegExp, Decimal128, Double, Long, ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { collectionSpec } from '../../shared/catalogue';
import { MigrationProfileSchema, rulesFor } from '../../shared/migration-profile';
import { expandItem, GZIP_ATTRIBUTE } from '../adapters/dynamodb/compressed-item';
import { compareItems } from './compare-items';
import { convertDocument, MAX_ITEM_BYTES } from './convert-document';
import { convertWithRules, keyUnderRules, type FixedConversion } from './fix-rules';

const alerts = collectionSpec('alerts')!;
const runbooks = collectionSpec('runbooks')!;
const oid = new ObjectId('65f1c2d3e4f5a6b7c8d9e0f1');

function fixed(result: FixedConversion): Extract<FixedConversion, { ok: true }> {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.reason}`);
  return result;
}

describe('fix rules: each rule\'s output', () => {
  it('emptyIndexKey: omit leaves out a null or empty GSI key, and says which index the item leaves', () => {
    const doc = { _id: oid, id: 'a-1', company_id: 'c', status: null, timestamp: '' };
    expect(convertDocument(doc, alerts).ok).toBe(false);
    const result = fixed(convertWithRules(doc, alerts, { emptyIndexKey: 'omit' }));
    expect('status' in result.item || 'timestamp' in result.item).toBe(false);
    expect(result.item.company_id).toBe('c');
    expect(result.changes).toEqual([
      { rule: 'emptyIndexKey:omit', path: 'timestamp', before: '""', after: '(omitted: not in company-timestamp-index)' },
      { rule: 'emptyIndexKey:omit', path: 'status', before: 'null', after: '(omitted: not in status-index)' },
    ]);
  });

  it('nonStringId: string keys a numeric, Long or ObjectId id by its string form', () => {
    expect(fixed(convertWithRules({ _id: oid, id: 1042 }, runbooks, { nonStringId: 'string' })).item.id).toBe('1042');
    expect(fixed(convertWithRules({ _id: oid, id: Long.fromString('9007199254740993') }, runbooks, { nonStringId: 'string' })).key).toBe('9007199254740993');
    const byOid = fixed(convertWithRules({ _id: 1, id: oid }, runbooks, { nonStringId: 'string' }));
    expect(byOid.key).toBe(oid.toHexString());
    expect(byOid.changes[0]).toEqual({ rule: 'nonStringId:string', path: 'id', before: `${oid.toHexString()} (ObjectId)`, after: `"${oid.toHexString()}"` });
    // No string form: still refused.
    expect(convertWithRules({ _id: oid, id: null }, runbooks, { nonStringId: 'string' })).toMatchObject({ ok: false, code: 'NO_KEY' });
    expect(keyUnderRules({ _id: oid, id: 1042 }, { nonStringId: 'string' })).toBe('1042');
    expect(keyUnderRules({ _id: oid, id: 1042 })).toBe(oid.toHexString());
  });

  it('regex: map or string, at any depth, RegExp and BSONRegExp alike', () => {
    const doc = { _id: oid, id: 'r', top: /^test-.*$/i, nested: { list: [1, new BSONRegExp('a+b', 'm')] } };
    const map = fixed(convertWithRules(doc, runbooks, { regex: 'map' }));
    expect(map.item.top).toEqual({ pattern: '^test-.*$', flags: 'i' });
    expect(map.item.nested).toEqual({ list: [1, { pattern: 'a+b', flags: 'm' }] });
    expect(map.changes.map((c) => c.path)).toEqual(['top', 'nested.list.1']);
    const text = fixed(convertWithRules(doc, runbooks, { regex: 'string' }));
    expect(text.item.top).toBe('/^test-.*$/i');
    expect(text.changes[0]).toEqual({ rule: 'regex:string', path: 'top', before: '/^test-.*$/i', after: '"/^test-.*$/i"' });
    // The source document is not touched.
    expect(doc.top).toBeInstanceOf(RegExp);
  });

  it('badNumber: string or null for NaN, ±Infinity and numbers beyond DynamoDB\'s range; others unchanged', () => {
    const doc = { _id: oid, id: 'n', nan: NaN, inf: new Double(-Infinity), big: Decimal128.fromString('1E+200'), ok: 1.5, deep: [Infinity] };
    const text = fixed(convertWithRules(doc, runbooks, { badNumber: 'string' }));
    expect(text.item).toMatchObject({ nan: 'NaN', inf: '-Infinity', big: '1E+200', ok: 1.5, deep: ['Infinity'] });
    const nulls = fixed(convertWithRules(doc, runbooks, { badNumber: 'null' }));
    expect(nulls.item).toMatchObject({ nan: null, inf: null, big: null, ok: 1.5, deep: [null] });
    expect(nulls.changes.map((c) => `${c.path}: ${c.before} → ${c.after}`)).toEqual(['nan: NaN → null', 'inf: -Infinity → null', 'big: 1E+200 → null', 'deep.0: Infinity → null']);
  });

  it('oversized: gzip keeps key and index keys beside the compressed item, and expandItem gives the whole item back', () => {
    const doc = { _id: oid, id: 'big', company_id: 'c', status: 'open', timestamp: new Date(0), body: 'echo remediation step\n'.repeat(25_000), n: new NumberValue('12345678901234567890.5') };
    expect(convertDocument(doc, alerts)).toMatchObject({ ok: false, code: 'ITEM_TOO_LARGE' });
    const result = fixed(convertWithRules(doc, alerts, { oversized: 'gzip' }));
    expect(Object.keys(result.item).sort()).toEqual([GZIP_ATTRIBUTE, 'company_id', 'id', 'status', 'timestamp']);
    expect(result.size).toBeLessThan(10 * 1024);
    expect(result.changes[0]).toMatchObject({ rule: 'oversized:gzip', path: '(whole item)' });
    // The reverse, as the console and verify read it.
    const expanded = expandItem(result.item);
    expect(compareItems(result.expanded!, expanded)).toEqual([]);
    expect(expanded.body).toBe(doc.body);
  });

  it('oversized: gzip still refuses an item that is too large compressed, with both sizes', () => {
    const noise = Array.from({ length: 500_000 }, (_, i) => ((i * 2654435761) >>> 0).toString(36)).join('');
    const result = convertWithRules({ _id: oid, id: 'noise', noise }, runbooks, { oversized: 'gzip' });
    expect(result).toMatchObject({ ok: false, code: 'ITEM_TOO_LARGE' });
    expect(!result.ok && result.reason).toMatch(/still .* KB gzip-compressed/);
  });

  it('skip, or no rules at all, is the plain conversion', () => {
    const doc = { _id: oid, id: 'r', top: /x/ };
    expect(convertWithRules(doc, runbooks, { regex: 'skip' })).toEqual({ ...convertDocument(doc, runbooks), changes: [] });
    expect(convertWithRules(doc, runbooks)).toEqual({ ...convertDocument(doc, runbooks), changes: [] });
    expect(MAX_ITEM_BYTES).toBe(400 * 1024);
  });
});

describe('migration profile', () => {
  it('collection rules override the defaults', () => {
    const profile = MigrationProfileSchema.parse({ version: 1, defaults: { regex: 'string' }, collections: { runbooks: { regex: 'map' } } });
    expect(rulesFor(profile, 'runbooks')).toEqual({ regex: 'map' });
    expect(rulesFor(profile, 'alerts')).toEqual({ regex: 'string' });
    expect(rulesFor(undefined, 'alerts')).toEqual({});
  });

  it('refuses another version, an unknown rule or choice, and an unknown collection', () => {
    expect(MigrationProfileSchema.safeParse({ version: 2 }).success).toBe(false);
    expect(MigrationProfileSchema.safeParse({ version: 1, defaults: { regexp: 'map' } }).success).toBe(false);
    expect(MigrationProfileSchema.safeParse({ version: 1, defaults: { regex: 'drop' } }).success).toBe(false);
    expect(MigrationProfileSchema.safeParse({ version: 1, collections: { alertz: {} } }).success).toBe(false);
  });
});
