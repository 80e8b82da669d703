import { readFileSync } from 'node:fs';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { BSONRegExp, Timestamp } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, tableName } from '../../shared/catalogue';
import type { MigrationProgress } from '../../shared/migration';
import { loadSampleData, PLANTED_PROBLEMS } from '../sandbox';
import { loadCheckpoint } from './checkpoint-store';
import { errorLogPath } from './error-log';
import { planMigration, startMigration, verifyMigration } from './index';
import { openTestContext } from '../../test/support/int-test-context';

type TestContext = Awaited<ReturnType<typeof openTestContext>>;

describe('migration of the sample data, all 13 collections', () => {
  let ctx: TestContext;
  let counts: Record<string, number>;
  beforeAll(async () => {
    ctx = await openTestContext('migrate_all');
    counts = await loadSampleData(ctx.source.db, { alerts: 600, seed: 7 });
  });
  afterAll(() => ctx.close());

  it('plans without writing anything', async () => {
    const plan = await planMigration(ctx, []);
    expect(await ctx.tables()).toEqual([]);
    expect(plan.collections).toHaveLength(13);
    expect(plan.totals.documents).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
    expect(plan.totals.problemCount).toBe(PLANTED_PROBLEMS.length);
    const runbooks = plan.collections.find((c) => c.collection === 'runbooks')!;
    expect(runbooks.problems).toEqual([expect.objectContaining({ id: 'runbook-bulk-remediation-pack', code: 'ITEM_TOO_LARGE' })]);
    expect(runbooks.largestBytes).toBeGreaterThan(400 * 1024);
    expect(plan.collections.every((c) => !c.tableExists)).toBe(true);
    expect(plan.totals.writeUnits).toBeGreaterThanOrEqual(plan.totals.documents - plan.totals.problemCount);
    // us-east-1's on-demand price (shared/aws-prices.ts; the test connection's region), for the table and each GSI an item lands in.
    const indexed = plan.collections.reduce((n, c) => n + c.paths!.writeUnitsWithIndexes, 0);
    expect(indexed).toBeGreaterThan(plan.totals.writeUnits);
    expect(plan.totals.estimatedCostUsd).toBeCloseTo(indexed * 0.625e-6, 10);
  });

  it('migrates everything except the planted documents, logs those, and verifies clean', async () => {
    const job = startMigration(ctx, { concurrency: 4 });
    const events: MigrationProgress[] = [];
    job.onProgress((p) => events.push(p));
    const summary = await job.done;
    expect(summary.state).toBe('completed');
    expect(summary.collections.every((c) => c.state === 'done')).toBe(true);
    expect(await ctx.tables()).toEqual(COLLECTION_NAMES.map((c) => tableName(c, ctx.prefix)).sort());
    const failed = summary.failures.map((f) => `${f.collection}/${f.id}/${f.code}`).sort();
    expect(failed).toEqual(PLANTED_PROBLEMS.map((p) => `${p.collection}/${p.id}/${p.code}`).sort());
    expect(summary.overall.written).toBe(summary.overall.total - PLANTED_PROBLEMS.length);
    expect(events.at(-1)?.state).toBe('completed');

    const logged = readFileSync(errorLogPath(ctx.stateDir, loadCheckpoint(ctx.stateDir)!.runId), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { collection: string; id: string; reason: string });
    expect(logged.map((l) => `${l.collection}/${l.id}`).sort()).toEqual(PLANTED_PROBLEMS.map((p) => `${p.collection}/${p.id}`).sort());
    expect(logged.every((l) => l.reason.length > 0)).toBe(true);

    const result = await verifyMigration(ctx, {});
    expect(result.ok).toBe(true);
    const alerts = result.collections.find((c) => c.collection === 'alerts')!;
    expect(alerts).toMatchObject({ sourceCount: 600, targetCount: 599, countsMatch: true });
    expect(alerts.content?.unmigratable).toEqual([expect.objectContaining({ id: 'alert-status-missing' })]);
    expect(alerts.content?.compared).toBe(599);
  });

  it('reports exactly a changed, a deleted and an extra item, with field paths', async () => {
    const table = tableName('incidents', ctx.prefix);
    const ids = (await ctx.source.db.collection('incidents').find({}, { projection: { id: 1 }, sort: { _id: 1 }, limit: 2 }).toArray()).map((d) => d.id as string);
    await ctx.target.doc.send(new UpdateCommand({ TableName: table, Key: { id: ids[0] }, UpdateExpression: 'SET #s = :s, sla.breached = :b', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': 'tampered', ':b': 'yes' } }));
    await ctx.target.doc.send(new DeleteCommand({ TableName: table, Key: { id: ids[1] } }));
    await ctx.target.doc.send(new PutCommand({ TableName: table, Item: { id: 'incident-from-nowhere', status: 'new' } }));

    const result = await verifyMigration(ctx, { collections: ['incidents'] });
    const incidents = result.collections[0]!;
    expect(result.ok).toBe(false);
    expect(incidents.content?.missing).toEqual([ids[1]]);
    expect(incidents.content?.extra).toEqual(['incident-from-nowhere']);
    expect(incidents.content?.different).toHaveLength(1);
    expect(incidents.content?.different[0]!.id).toBe(ids[0]);
    const paths = incidents.content!.different[0]!.differences;
    expect(paths.map((d) => d.path).sort()).toEqual(['sla.breached', 'status']);
    expect(paths.find((d) => d.path === 'sla.breached')).toMatchObject({ target: 'yes' });
    expect(paths.find((d) => d.path === 'status')).toMatchObject({ target: 'tampered' });

    const sampled = await verifyMigration(ctx, { collections: ['alerts'], sample: 50 });
    expect(sampled.collections[0]).toMatchObject({ ok: true, content: { sampled: true, compared: 50 } });
  });
});

describe('migrating one collection', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await openTestContext('migrate_one');
    await loadSampleData(ctx.source.db, { alerts: 100, seed: 3 });
  });
  afterAll(() => ctx.close());

  it('creates and writes only that table', async () => {
    const summary = await startMigration(ctx, { collections: ['incidents'] }).done;
    expect(summary.state).toBe('completed');
    expect(summary.collections.map((c) => c.collection)).toEqual(['incidents']);
    expect(await ctx.tables()).toEqual([tableName('incidents', ctx.prefix)]);
    const result = await verifyMigration(ctx, { collections: ['incidents'] });
    expect(result.ok).toBe(true);
  });
});

describe('documents with bad values', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await openTestContext('bad_docs');
    const docs = Array.from({ length: 120 }, (_, i) => ({ id: `n-${i}`, user_id: 'u', title: `note ${i}` }));
    docs[10] = { ...docs[10]!, pattern: new BSONRegExp('^a', 'i') } as never;
    docs[50] = { ...docs[50]!, oplog: new Timestamp({ t: 5, i: 1 }) } as never;
    docs[90] = { id: '', user_id: 'u', title: 'empty id' };
    await ctx.source.db.collection('notifications').insertMany(docs);
  });
  afterAll(() => ctx.close());

  it('fail alone, are logged with their reasons, and the rest is written', async () => {
    const summary = await startMigration(ctx, { collections: ['notifications'], concurrency: 3 }).done;
    expect(summary.overall).toMatchObject({ written: 117, failed: 3 });
    expect(summary.failures.map((f) => [f.id, f.code]).sort()).toEqual([
      [expect.any(String), 'NO_KEY'], ['n-10', 'UNSUPPORTED_VALUE'], ['n-50', 'UNSUPPORTED_VALUE'],
    ].sort());
    expect(summary.failures.find((f) => f.id === 'n-10')?.reason).toContain('pattern');
    const log = readFileSync(errorLogPath(ctx.stateDir, loadCheckpoint(ctx.stateDir)!.runId), 'utf8').trim().split('\n');
    expect(log).toHaveLength(3);
    expect((await verifyMigration(ctx, { collections: ['notifications'] })).ok).toBe(true);
  });
});

describe('job control', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await openTestContext('control');
    await loadSampleData(ctx.source.db, { alerts: 1500, seed: 11 });
  });
  afterAll(() => ctx.close());

  it('pauses, cancels with a checkpoint, resumes to a clean verify, and reports progress often', async () => {
    const job = startMigration(ctx, { collections: ['alerts', 'notifications'], concurrency: 2 });
    const events: MigrationProgress[] = [];
    job.onProgress((p) => events.push(p));
    await new Promise((r) => setTimeout(r, 300));
    job.pause();
    expect(job.progress().state).toBe('paused');
    await new Promise((r) => setTimeout(r, 300));
    const whilePaused = job.progress().overall.written;
    await new Promise((r) => setTimeout(r, 300));
    // Batches already in flight may land; nothing new starts.
    expect(job.progress().overall.written - whilePaused).toBeLessThanOrEqual(2 * 25);
    job.resume();
    await new Promise((r) => setTimeout(r, 100));
    job.cancel();
    const cancelled = await job.done;
    expect(cancelled.state).toBe('cancelled');
    const elapsed = cancelled.elapsedMs;
    expect(events.length).toBeGreaterThanOrEqual(Math.floor(elapsed / 250) - 1);
    expect(loadCheckpoint(ctx.stateDir)).toBeDefined();

    const resumed = await startMigration(ctx, { collections: ['alerts', 'notifications'], resume: true }).done;
    expect(resumed.state).toBe('completed');
    expect(resumed.overall.written + resumed.overall.failed).toBe(resumed.overall.total);
    expect((await verifyMigration(ctx, { collections: ['alerts', 'notifications'] })).ok).toBe(true);
  });

  it('fails as a whole, without throwing, when the target is unreachable', async () => {
    const { createDynamoClients } = await import('../adapters/dynamodb/client');
    const target = createDynamoClients({ backend: 'dynamodb', region: 'us-east-1', endpoint: 'http://127.0.0.1:9', tablePrefix: 'Nowhere', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const summary = await startMigration({ ...ctx, target }, { collections: ['users'] }).done;
    target.client.destroy();
    expect(summary.state).toBe('failed');
    expect(summary.error?.code).toBe('UNREACHABLE');
  });
});
