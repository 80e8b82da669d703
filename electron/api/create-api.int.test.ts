import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationProgress } from '../../shared/migration';
import type { VerifyProgress } from '../../shared/contract';
import { loadSampleData } from '../sandbox';
import { createConnectionStore } from '../settings/connection-store';
import { localServers, uniqueName } from '../../test/local-servers';
import { acknowledgeSet } from '../../renderer/src/pages/browse/acknowledge';
import { createApi, type Api } from './create-api';
import { defaultDeps } from './default-deps';

/** The api end to end on the real servers: what the console does, without a transport. */
let api: Api;
const database = uniqueName('api');
const prefix = uniqueName('Api');

async function ok<T>(promise: Promise<{ ok: boolean; output?: unknown; error?: unknown }>): Promise<T> {
  const outcome = await promise;
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.output as T;
}

function until<P extends { state: string }>(events: P[], done: (p: P) => boolean, timeoutMs = 50_000): Promise<P> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const last = events.at(-1);
      if (last && done(last)) { clearInterval(timer); resolve(last); }
      else if (Date.now() - started > timeoutMs) { clearInterval(timer); reject(new Error(`timed out in state ${last?.state}`)); }
    }, 50);
  });
}

beforeAll(async () => {
  const { mongoUrl, dynamo } = localServers();
  const client = new MongoClient(`${mongoUrl}/${database}`);
  await client.connect();
  await loadSampleData(client.db(), { alerts: 300 });
  await client.close();
  api = createApi(defaultDeps({ store: createConnectionStore(), stateDir: mkdtempSync(join(tmpdir(), 'awc-api-state-')), log: () => {} }));
  await ok(api.call('connections.save', { id: 'm', name: 'mongo', connection: { backend: 'mongodb', url: `${mongoUrl}/${database}` } }));
  await ok(api.call('connections.save', { id: 'd', name: 'dynamo', connection: { backend: 'dynamodb', region: dynamo.region, endpoint: dynamo.endpoint, tablePrefix: prefix, credentials: dynamo.credentials } }));
});
afterAll(() => api?.close());

describe('the console api on real servers', () => {
  it('tests a connection with a clear result, good or bad', async () => {
    expect(await ok(api.call('connections.test', { connectionId: 'm' }))).toMatchObject({ ok: true, backend: 'mongodb', collections: 13 });
    const bad = await ok<{ ok: boolean; error?: { code: string } }>(api.call('connections.test', { connection: { backend: 'mongodb', url: 'mongodb://127.0.0.1:1/x' } }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'UNREACHABLE' } });
  }, 30_000);

  it('lists collections and finds documents in wire form with the plan', async () => {
    const collections = await ok<{ name: string; count?: number }[]>(api.call('collections.list', { connectionId: 'm' }));
    expect(collections.find((c) => c.name === 'alerts')?.count).toBe(300);
    const page = await ok<{ documents: Record<string, unknown>[]; plan: { operation: string }; nextCursor?: string }>(
      api.call('documents.find', { connectionId: 'm', collection: 'alerts', filter: {}, options: { limit: 10 } }));
    expect(page.documents).toHaveLength(10);
    expect(page.documents[0]?._id).toHaveProperty('$oid');
    expect(page.plan.operation).toBe('Find');
    expect(page.nextCursor).toBeTypeOf('string');
    // The index pick names DynamoDB's indexes: MongoDB's planner ignores it and says so.
    const picked = await ok<{ documents: unknown[]; plan: { notes: string[] } }>(
      api.call('documents.find', { connectionId: 'm', collection: 'alerts', filter: {}, options: { limit: 10, index: 'status-index' } }));
    expect(picked.documents).toHaveLength(10);
    expect(picked.plan.notes).toContain('index status-index ignored: the index choice applies to DynamoDB only');
  });

  it('refuses an invalid update and changes nothing', async () => {
    const { documents: [first] } = await ok<{ documents: Record<string, unknown>[] }>(api.call('documents.find', { connectionId: 'm', collection: 'alerts', filter: {}, options: { limit: 1 } }));
    const filter = { id: String(first?.id) };
    const outcome = await api.call('documents.update', { connectionId: 'm', collection: 'alerts', filter, update: { $set: { status: 'x' }, $rename: { a: 'b' } } });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await ok(api.call('documents.findOne', { connectionId: 'm', collection: 'alerts', filter }))).toEqual({ document: first });
  });

  it('migrates with live progress to several subscribers, then verifies, and a late subscriber gets the latest state', async () => {
    const { jobId } = await ok<{ jobId: string }>(api.call('migration.start', { sourceId: 'm', targetId: 'd', options: { collections: ['alerts', 'incidents', 'companies'] } }));
    const first: MigrationProgress[] = [];
    const second: MigrationProgress[] = [];
    const stopFirst = await ok<() => void>(api.subscribe('migration.progress', { jobId }, (p) => first.push(p as MigrationProgress)));
    await ok(api.subscribe('migration.progress', { jobId }, (p) => second.push(p as MigrationProgress)));
    const final = await until(second, (p) => p.state !== 'running' && p.state !== 'paused');
    stopFirst();
    expect(final.state).toBe('completed');
    expect(first.length).toBeGreaterThan(0);
    const late: MigrationProgress[] = [];
    await ok(api.subscribe('migration.progress', { jobId }, (p) => late.push(p as MigrationProgress)));
    expect(late[0]?.state).toBe('completed');
    expect(await ok(api.call('migration.status', { jobId }))).toMatchObject({ state: 'completed', overall: { total: final.overall.total } });
    expect(await ok(api.call('jobs.list', {}))).toEqual(expect.arrayContaining([expect.objectContaining({ jobId, kind: 'migration', state: 'completed' })]));

    const dynamoPage = await ok<{ plan: { operation: string; index?: string } }>(api.call('documents.find', {
      connectionId: 'd', collection: 'alerts', filter: { status: 'active' }, options: { limit: 5 },
    }));
    expect(dynamoPage.plan).toMatchObject({ operation: 'Query', index: 'status-index' });
    const refused = await api.call('documents.find', { connectionId: 'd', collection: 'alerts', filter: {}, options: { index: 'status-index' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_QUERY', message: expect.stringMatching(/status-index needs an equality on status/), details: { index: 'status-index' } } });

    const verify = await ok<{ jobId: string }>(api.call('verify.start', { sourceId: 'm', targetId: 'd', options: { collections: ['companies', 'incidents'] } }));
    const events: VerifyProgress[] = [];
    await ok(api.subscribe('verify.progress', { jobId: verify.jobId }, (p) => events.push(p as VerifyProgress)));
    const verified = await until(events, (p) => p.state !== 'running');
    expect(verified).toMatchObject({ state: 'completed', result: { ok: true } });
  }, 60_000);

  it('asks the support question with Dates alike on both backends after the migration, and Acknowledge writes a BSON Date on MongoDB', async () => {
    type Page = { documents: Record<string, unknown>[]; plan: { index?: string } };
    const [sample] = (await ok<Page>(api.call('documents.find', { connectionId: 'm', collection: 'alerts', filter: { status: 'active' }, options: { limit: 1 } }))).documents;
    const since = { $date: new Date(Date.now() - 7 * 24 * 3_600_000).toISOString() };
    const question = { company_id: sample!.company_id, status: 'active', timestamp: { $gte: since } };
    const ask = (connectionId: string) => ok<Page>(api.call('documents.find', { connectionId, collection: 'alerts', filter: question, options: { sort: [['timestamp', -1]], limit: 500 } }));
    const [onMongo, onDynamo] = await Promise.all([ask('m'), ask('d')]);
    expect(onMongo.documents.length).toBeGreaterThan(0);
    // The migration's mapping: an ObjectId on MongoDB is its 24 hex digits on DynamoDB.
    expect(onDynamo.documents.map((d) => d._id)).toEqual(onMongo.documents.map((d) => (d._id as { $oid: string }).$oid));
    expect(onDynamo.plan.index).toBe('company-timestamp-index');
    expect(onMongo.documents[0]!.timestamp).toEqual({ $date: expect.any(String) });

    const id = onMongo.documents.find((d) => typeof d.id === 'string')!.id as string;
    for (const connectionId of ['m', 'd']) {
      await ok(api.call('documents.update', { connectionId, collection: 'alerts', filter: { id }, update: { $set: acknowledgeSet('support-1', new Date('2026-03-04T05:06:07.089Z')) } }));
    }
    const client = await new MongoClient(`${localServers().mongoUrl}/${database}`).connect();
    const stored = await client.db().collection('alerts').findOne({ id });
    await client.close();
    expect(stored?.acknowledged_at).toBeInstanceOf(Date);
    expect(stored).toMatchObject({ status: 'acknowledged', acknowledged_by: 'support-1', acknowledged_at: new Date('2026-03-04T05:06:07.089Z') });
    const item = await ok<{ document: Record<string, unknown> }>(api.call('documents.findOne', { connectionId: 'd', collection: 'alerts', filter: { id } }));
    expect(item.document.acknowledged_at).toBe('2026-03-04T05:06:07.089Z');
  }, 30_000);

  it('refuses a migration without one MongoDB and one DynamoDB end', async () => {
    expect(await api.call('migration.plan', { sourceId: 'd', targetId: 'd', collections: [] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('migrates and verifies the way back, DynamoDB → an empty MongoDB database (after the migration above)', async () => {
    await ok(api.call('connections.save', { id: 'back', name: 'restored', connection: { backend: 'mongodb', url: `${localServers().mongoUrl}/${uniqueName('api_back')}` } }));
    const pair = { sourceId: 'd', targetId: 'back' };
    expect(await api.call('migration.plan', { ...pair, collections: [] })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('plan --from dynamodb') } });
    const { jobId } = await ok<{ jobId: string }>(api.call('migration.start', { ...pair, options: { collections: ['incidents', 'companies'] } }));
    const events: MigrationProgress[] = [];
    await ok(api.subscribe('migration.progress', { jobId }, (p) => events.push(p as MigrationProgress)));
    const final = await until(events, (p) => p.state !== 'running' && p.state !== 'paused');
    expect(final).toMatchObject({ state: 'completed', overall: { failed: 0 } });
    const verify = await ok<{ jobId: string }>(api.call('verify.start', { ...pair, options: { collections: ['incidents', 'companies'] } }));
    const verifyEvents: VerifyProgress[] = [];
    await ok(api.subscribe('verify.progress', { jobId: verify.jobId }, (p) => verifyEvents.push(p as VerifyProgress)));
    expect(await until(verifyEvents, (p) => p.state !== 'running')).toMatchObject({ state: 'completed', result: { ok: true } });
  }, 90_000);
});
