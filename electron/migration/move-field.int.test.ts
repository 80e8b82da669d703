import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableName } from '../../shared/catalogue';
import { MigrationProfileSchema } from '../../shared/migration-profile';
import { DynamoDbAdapter } from '../adapters/dynamodb/dynamodb-adapter';
import { MOVED_ATTRIBUTE, MOVED_FROM_ATTRIBUTE } from '../adapters/dynamodb/moved-field';
import { planMigration, startMigration, verifyMigration } from './index';
import { openTestContext } from '../../test/support/int-test-context';
import { DEFAULT_EXPORT_OPTIONS, startExport } from './export-job';
import { folderSink } from './export-sink';
import { getItems } from '../adapters/dynamodb/get-items';

const KB = 1024;
const profile = MigrationProfileSchema.parse({ version: 1, collections: { alerts: { oversized: { moveField: 'attachment' } } } });
const BIG = 'alert-with-dump';
// 150 KB of notes and a ~294 KB attachment: 444.5 KB as one item, each part under 400 KB.
const planted = { _id: new ObjectId('6500000000000000000000aa'), id: BIG, company_id: 'comp-1', status: 'open', timestamp: new Date('2024-06-01T00:00:00Z'), severity: 'high', notes: 'n'.repeat(150 * KB), attachment: { name: 'heap.txt', lines: Array.from({ length: 300 }, (_, i) => `${i}:${'x'.repeat(1000)}`) } };
const small = (i: number) => ({ id: `alert-${i}`, company_id: 'comp-1', status: 'open', timestamp: new Date(Date.UTC(2024, 5, i + 1)), severity: 'low' });

describe('fix rule oversized: moveField, end to end on the local servers', () => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  const table = () => tableName('alerts', ctx.prefix);
  beforeAll(async () => {
    ctx = await openTestContext('move_field');
    await ctx.source.db.collection('alerts').insertMany([planted, ...Array.from({ length: 5 }, (_, i) => small(i))]);
  });
  afterAll(() => ctx.close());

  it('plans the move: nothing left unmigratable, both items\' sizes under the limit and their write units', async () => {
    const plan = await planMigration(ctx, ['alerts'], profile);
    const alerts = plan.collections[0]!;
    expect(alerts).toMatchObject({ documents: 6, problemCount: 0, largestBytes: expect.any(Number) });
    expect(alerts.largestBytes).toBeGreaterThan(400 * KB);
    expect(alerts.itemBytes!.largest).toBeLessThan(400 * KB);
    expect(alerts.ruleEffects).toEqual([{ rule: 'oversized:moveField', documents: 1, examples: [{ id: BIG, path: 'attachment', before: '444.5 KB in one item', after: '150.1 KB + attachment in item alert-with-dump#attachment (294.4 KB)' }] }]);
    // One unit per started KB: 5 small items, the document's 150.1 KB and its attachment's 294.4 KB.
    expect(alerts.writeUnits).toBe(5 + 151 + 295);
    const plain = await planMigration(ctx, ['alerts']);
    expect(plain.collections[0]!.problems).toEqual([expect.objectContaining({ id: BIG, code: 'ITEM_TOO_LARGE' })]);
  });

  it('migrates every document, the field in an item of its own, and verify is clean with the move counted apart', async () => {
    const summary = await startMigration(ctx, { collections: ['alerts'], profile, concurrency: 2 }).done;
    expect(summary.state).toBe('completed');
    expect(summary.failures).toEqual([]);
    expect(summary.overall).toMatchObject({ written: 6, failed: 0 });
    const stored = await getItems(ctx.target, table(), [BIG, `${BIG}#attachment`]);
    expect(stored.get(BIG)).toMatchObject({ id: BIG, status: 'open', [MOVED_ATTRIBUTE]: 'attachment' });
    expect('attachment' in stored.get(BIG)!).toBe(false);
    expect(Object.keys(stored.get(`${BIG}#attachment`)!).sort()).toEqual([MOVED_FROM_ATTRIBUTE, 'attachment', 'id']);

    const result = await verifyMigration(ctx, { collections: ['alerts'], profile });
    expect(result.collections[0]).toMatchObject({ ok: true, sourceCount: 6, targetCount: 6, countsMatch: true, content: { ruleChanged: { 'oversized:moveField': 1 }, extra: [], missing: [], different: [] } });
    // The seed's counts-only check counts documents too: 7 items, one of them a moved field.
    const counts = await verifyMigration(ctx, { collections: ['alerts'], countsOnly: true });
    expect(counts.collections[0]).toMatchObject({ ok: true, sourceCount: 6, targetCount: 6 });
  });

  it('shows the document whole in the console, by key and in a scan, and not its field item', async () => {
    const adapter = new DynamoDbAdapter(ctx.target);
    for (const filter of [{ id: BIG }, {}, { status: 'open' }]) {
      const page = await adapter.find('alerts', filter, { limit: 50 });
      expect(page.documents.map((d) => d.id)).not.toContain(`${BIG}#attachment`);
      const found = page.documents.find((d) => d.id === BIG)!;
      expect(found).toMatchObject({ id: BIG, notes: planted.notes, attachment: { name: 'heap.txt' } });
      expect((found.attachment as { lines: string[] }).lines).toHaveLength(300);
      expect(MOVED_ATTRIBUTE in found).toBe(false);
    }
  });

  it('exports the field\'s item beside its document for ImportTable, one document counted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'awc-move-field-'));
    try {
      const summary = await startExport(ctx, folderSink(dir), { ...DEFAULT_EXPORT_OPTIONS, collections: ['alerts'], profile }).done;
      expect(summary).toMatchObject({ state: 'completed', overall: { written: 6, failed: 0 } });
      const parts = readdirSync(join(dir, 'alerts')).filter((name) => name.endsWith('.gz'));
      const lines = parts.flatMap((name) => gunzipSync(readFileSync(join(dir, 'alerts', name))).toString('utf8').trim().split('\n'));
      const ids = lines.map((line) => (JSON.parse(line) as { Item: { id: { S: string } } }).Item.id.S).sort();
      expect(ids).toEqual([BIG, `${BIG}#attachment`, 'alert-0', 'alert-1', 'alert-2', 'alert-3', 'alert-4'].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a lost field item as a difference of its document', async () => {
    await ctx.target.doc.send(new DeleteCommand({ TableName: table(), Key: { id: `${BIG}#attachment` } }));
    const result = await verifyMigration(ctx, { collections: ['alerts'], profile });
    expect(result.ok).toBe(false);
    expect(result.collections[0]!.content!.different).toEqual([{ id: BIG, differences: expect.arrayContaining([expect.objectContaining({ path: 'attachment' }), expect.objectContaining({ path: MOVED_ATTRIBUTE })]) }]);
  });

  it('plans a document whose id is a field item\'s key as a key clash', async () => {
    await ctx.source.db.collection('alerts').insertOne({ ...small(9), id: `${BIG}#attachment` });
    const plan = await planMigration(ctx, ['alerts'], profile);
    expect(plan.collections[0]!.problems).toEqual([{ collection: 'alerts', id: `${BIG}#attachment`, code: 'DUPLICATE_KEY', reason: `a document and the item of a field moved out of another both have the key ${BIG}#attachment: one would overwrite the other` }]);
  });
});
