import { describe, expect, it } from 'vitest';
import { ObjectId } from 'mongodb';
import { collectionSpec } from '../../shared/catalogue';
import { MigrationProfileSchema, profileProblem } from '../../shared/migration-profile';
import { isMovedFieldItem, MOVED_ATTRIBUTE, MOVED_FROM_ATTRIBUTE, movedFieldKeyOf, recombine } from '../adapters/dynamodb/moved-field';
import { compareItems } from './compare-items';
import { convertDocument, MAX_ITEM_BYTES } from './convert-document';
import { convertWithRules } from './fix-rules';

const alerts = collectionSpec('alerts')!;
const oid = new ObjectId('65f1c2d3e4f5a6b7c8d9e0f2');
const KB = 1024;
// 300 KB of attachment and 150 KB of notes: 450 KB together, each part fits on its own.
const big = () => ({ _id: oid, id: 'a-big', company_id: 'c', status: 'open', timestamp: new Date(0), notes: 'n'.repeat(150 * KB), attachment: { name: 'dump.txt', body: 'a'.repeat(300 * KB) } });
const moveAttachment = { oversized: { moveField: 'attachment' } } as const;

describe('fix rule oversized: moveField', () => {
  it('keeps the document without the field, and puts the field in an item keyed <id>#<field>, in no index', () => {
    expect(convertDocument(big(), alerts)).toMatchObject({ ok: false, code: 'ITEM_TOO_LARGE' });
    const result = convertWithRules(big(), alerts, moveAttachment);
    if (!result.ok) throw new Error(result.reason);
    expect(result.key).toBe('a-big');
    expect(result.item).toMatchObject({ id: 'a-big', status: 'open', [MOVED_ATTRIBUTE]: 'attachment' });
    expect('attachment' in result.item).toBe(false);
    expect(result.size).toBeGreaterThan(150 * KB);
    expect(result.size).toBeLessThan(152 * KB);
    const [field] = result.fieldItems!;
    expect(field!.key).toBe('a-big#attachment');
    expect(Object.keys(field!.item).sort()).toEqual([MOVED_FROM_ATTRIBUTE, 'attachment', 'id']);
    expect(field!.item).toMatchObject({ id: 'a-big#attachment', [MOVED_FROM_ATTRIBUTE]: 'a-big' });
    expect(field!.size).toBeLessThanOrEqual(MAX_ITEM_BYTES);
    expect(field!.size).toBeGreaterThan(300 * KB);
    // Both sizes after the fix, as the plan shows them.
    expect(result.changes).toEqual([{ rule: 'oversized:moveField', path: 'attachment', before: expect.stringMatching(/^45\d\.\d KB in one item$/), after: expect.stringMatching(/^15\d\.\d KB \+ attachment in item a-big#attachment \(30\d\.\d KB\)$/) }]);
  });

  it('reads back as the whole document: the item and its field item recombined, as verify and the console do', () => {
    const result = convertWithRules(big(), alerts, moveAttachment);
    if (!result.ok) throw new Error(result.reason);
    const field = result.fieldItems![0]!.item;
    expect(movedFieldKeyOf(result.item)).toBe('a-big#attachment');
    expect(isMovedFieldItem(field)).toBe(true);
    expect(isMovedFieldItem(result.item)).toBe(false);
    expect(compareItems(result.expanded!, recombine(result.item, field))).toEqual([]);
    // Without its field item, the marker stays: the loss is a difference, not a silent gap.
    expect(compareItems(result.expanded!, recombine(result.item, undefined)).map((d) => d.path).sort()).toEqual([MOVED_ATTRIBUTE, 'attachment']);
  });

  it('leaves documents that fit alone, and says why when moving the field is not enough', () => {
    const small = { _id: oid, id: 'a-small', company_id: 'c', status: 'open', attachment: 'tiny' };
    expect(convertWithRules(small, alerts, moveAttachment)).toEqual({ ...convertDocument(small, alerts), changes: [] });
    const noField = convertWithRules({ ...big(), notes: 'n'.repeat(450 * KB) }, alerts, { oversized: { moveField: 'missing' } });
    expect(noField).toMatchObject({ ok: false, code: 'ITEM_TOO_LARGE', reason: expect.stringMatching(/over the 400 KB limit; it has no field missing to move out$/) });
    const rest = convertWithRules({ ...big(), notes: 'n'.repeat(420 * KB) }, alerts, moveAttachment);
    expect(rest).toMatchObject({ ok: false, reason: expect.stringMatching(/; without attachment: 42\d\.\d KB as a DynamoDB item, over the 400 KB limit$/) });
    const alone = convertWithRules({ ...big(), attachment: 'a'.repeat(420 * KB) }, alerts, moveAttachment);
    expect(alone).toMatchObject({ ok: false, reason: expect.stringMatching(/; attachment alone: 42\d\.\d KB as a DynamoDB item, over the 400 KB limit$/) });
  });

  it('is a profile choice naming one top-level field other than the keys', () => {
    expect(MigrationProfileSchema.parse({ version: 1, collections: { runbooks: { oversized: { moveField: 'scripts' } } } }).collections?.runbooks?.oversized).toEqual({ moveField: 'scripts' });
    for (const field of ['id', '_id', 'a.b', '$x', '']) {
      const parsed = MigrationProfileSchema.safeParse({ version: 1, defaults: { oversized: { moveField: field } } });
      expect(parsed.success).toBe(false);
    }
    const extra = MigrationProfileSchema.safeParse({ version: 1, defaults: { oversized: { moveField: 'x', also: 1 } } });
    expect(extra.success).toBe(false);
    expect(profileProblem(MigrationProfileSchema.safeParse({ version: 1, defaults: { oversized: { moveField: 'id' } } }).error!)).toBe('defaults.oversized.moveField: id and _id stay with the document');
  });
});
