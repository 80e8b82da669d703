import { readFileSync } from 'node:fs';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableName } from '../../shared/catalogue';
import { MigrationProfileSchema } from '../../shared/migration-profile';
import { DynamoDbAdapter } from '../adapters/dynamodb/dynamodb-adapter';
import { GZIP_ATTRIBUTE } from '../adapters/dynamodb/compressed-item';
import { loadSampleData, PLANTED_PROBLEMS } from '../sandbox';
import { planMigration, startMigration, verifyMigration } from './index';
import { openTestContext } from '../../test/support/int-test-context';
import { getItems } from '../adapters/dynamodb/get-items';

type TestContext = Awaited<ReturnType<typeof openTestContext>>;

const profile = MigrationProfileSchema.parse(JSON.parse(readFileSync(new URL('../../examples/sample-data.profile.json', import.meta.url), 'utf8')));
const PLANTED_COLLECTIONS = [...new Set(PLANTED_PROBLEMS.map((p) => p.collection))];

describe('the sample data profile, end to end on the local servers', () => {
  let ctx: TestContext;
  let counts: Record<string, number>;
  beforeAll(async () => {
    ctx = await openTestContext('fix_rules');
    counts = await loadSampleData(ctx.source.db, { alerts: 100, seed: 7 });
  });
  afterAll(() => ctx.close());

  it('plans each rule\'s effect before anything is written, and leaves nothing unmigratable', async () => {
    const plan = await planMigration(ctx, PLANTED_COLLECTIONS, profile);
    expect(await ctx.tables()).toEqual([]);
    expect(plan.totals.problemCount).toBe(0);
    // The runbook as it will be stored: compressed, well under the limit, while its BSON is over it.
    const runbooks = plan.collections.find((c) => c.collection === 'runbooks')!;
    expect(runbooks.largestBytes).toBeGreaterThan(400 * 1024);
    expect(runbooks.itemBytes!.largest).toBeLessThan(400 * 1024);
    const effects = Object.fromEntries(plan.collections.map((c) => [c.collection, c.ruleEffects?.map((e) => `${e.rule} ×${e.documents}: ${e.examples[0]?.id} ${e.examples[0]?.path} ${e.examples[0]?.before} → ${e.examples[0]?.after}`)]));
    expect(effects).toEqual({
      alerts: ['emptyIndexKey:omit ×1: alert-status-missing status null → (omitted: not in status-index)'],
      runbooks: [expect.stringMatching(/^oversized:gzip ×1: runbook-bulk-remediation-pack \(whole item\) \d+\.\d KB → \d+\.\d KB, gzip-compressed in __gzip$/)],
      audit_logs: ['nonStringId:string ×1: 1042 id 1042 (number) → "1042"'],
      correlation_config: ['regex:map ×1: corr-legacy-suppression suppress_pattern /^test-.*$/i → {"pattern":"^test-.*$","flags":"i"}'],
    });
    // Without a profile, the plan is as before: the planted documents are problems, no rule effects.
    const plain = await planMigration(ctx, PLANTED_COLLECTIONS);
    expect(plain.totals.problemCount).toBe(PLANTED_PROBLEMS.length);
    expect(plain.collections.every((c) => c.ruleEffects === undefined)).toBe(true);
  });

  it('migrates every document, and verify counts the rule-changed items apart from differences', async () => {
    const summary = await startMigration(ctx, { collections: PLANTED_COLLECTIONS, profile }).done;
    expect(summary.state).toBe('completed');
    expect(summary.failures).toEqual([]);
    expect(summary.overall.written).toBe(PLANTED_COLLECTIONS.reduce((n, c) => n + counts[c]!, 0));

    const result = await verifyMigration(ctx, { collections: PLANTED_COLLECTIONS, profile });
    expect(result.ok).toBe(true);
    expect(result.collections.flatMap((c) => c.content!.unmigratable)).toEqual([]);
    expect(Object.fromEntries(result.collections.map((c) => [c.collection, c.content!.ruleChanged]))).toEqual({
      alerts: { 'emptyIndexKey:omit': 1 }, runbooks: { 'oversized:gzip': 1 }, audit_logs: { 'nonStringId:string': 1 }, correlation_config: { 'regex:map': 1 },
    });
  });

  it('stores the oversized runbook compressed, and the console reads it whole', async () => {
    const table = tableName('runbooks', ctx.prefix);
    const stored = (await getItems(ctx.target, table, ['runbook-bulk-remediation-pack'])).get('runbook-bulk-remediation-pack')!;
    expect(Object.keys(stored).sort()).toEqual([GZIP_ATTRIBUTE, 'id']);
    const adapter = new DynamoDbAdapter(ctx.target);
    // By key (GetItem) and by a Scan (DynamoDB filters see only the key attributes kept beside the compressed item).
    for (const filter of [{ id: 'runbook-bulk-remediation-pack' }, {}]) {
      const page = await adapter.find('runbooks', filter, { limit: 50 });
      const found = page.documents.filter((d) => d.id === 'runbook-bulk-remediation-pack');
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ id: 'runbook-bulk-remediation-pack', name: 'Bulk remediation pack (imported)', created_at: '2024-03-02T10:00:00.000Z' });
      expect((found[0]!.scripts as unknown[]).length).toBe(9);
    }
  });

  it('reports a rule-changed item that differs from what its rule produces as a real difference', async () => {
    await ctx.target.doc.send(new UpdateCommand({
      TableName: tableName('correlation_config', ctx.prefix), Key: { id: 'corr-legacy-suppression' },
      UpdateExpression: 'SET suppress_pattern.flags = :f', ExpressionAttributeValues: { ':f': 'g' },
    }));
    const result = await verifyMigration(ctx, { collections: ['correlation_config'], profile });
    expect(result.ok).toBe(false);
    expect(result.collections[0]!.content).toMatchObject({
      ruleChanged: {},
      different: [{ id: 'corr-legacy-suppression', differences: [{ path: 'suppress_pattern.flags', source: 'i', target: 'g' }] }],
    });
  });

  it('finds a numeric id whose string form another document already has (the id rule\'s collision check)', async () => {
    const other = new ObjectId('5f00000000000000000010ff');
    await ctx.source.db.collection('audit_logs').insertOne({ _id: other, id: '1042', action: 'logout' });
    const plan = await planMigration(ctx, ['audit_logs'], profile);
    // The dry run also looked at the table the first migration filled.
    expect(plan.collections[0]!.tableCheck).toEqual([expect.stringMatching(/^holds about \d+ items: those sharing a key with a document are overwritten$/)]);
    expect(plan.collections[0]!.problems).toEqual([expect.objectContaining({ id: '1042', code: 'DUPLICATE_KEY', reason: expect.stringContaining(`2 source documents have this key (_id 5f00000000000000000010aa, _id ${other.toHexString()})`) })]);
  });
});
