import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertDashboard } from '../../shared/alert-dashboard';
import type { CallName, CallOutput, ExportChunkOutput, FieldOverview } from '../../shared/contract';
import { assembleExport, type ExportFormat } from '../../shared/export-format';
import type { MigrationProgress } from '../../shared/migration';
import { localServers, uniqueName } from '../../test/local-servers';
import { loadSampleData } from '../sandbox';
import { createConnectionStore } from '../settings/connection-store';
import { createApi, type Api } from './create-api';
import { defaultDeps } from './default-deps';
import { EXPORT_PAGE_SIZE } from './export-sessions';

/** Exports, the field overview and the dashboard through the api, on both real servers. */
let api: Api;
const database = uniqueName('features');
const prefix = uniqueName('Features');
const ALERTS = 2500;

async function ok<K extends CallName>(name: K, input: unknown): Promise<CallOutput<K>> {
  const outcome = await api.call(name, input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.output as CallOutput<K>;
}

/** What the renderer does: start, pull every page, join them into the file's text. */
async function exportAll(connectionId: string, format: ExportFormat, filter: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const { exportId, notes } = await ok('export.start', { connectionId, collection: 'alerts', filter, format, ...extra });
  const chunks: ExportChunkOutput[] = [];
  do chunks.push(await ok('export.next', { exportId })); while (!chunks.at(-1)!.done);
  return { text: assembleExport(format, chunks, chunks.at(-1)!.columns).join(''), chunks, notes };
}

beforeAll(async () => {
  const { mongoUrl, dynamo } = localServers();
  const client = new MongoClient(`${mongoUrl}/${database}`);
  await client.connect();
  await loadSampleData(client.db(), { alerts: ALERTS });
  await client.close();
  api = createApi(defaultDeps({ store: createConnectionStore(), stateDir: mkdtempSync(join(tmpdir(), 'awc-features-state-')), log: () => {} }));
  await ok('connections.save', { id: 'm', name: 'mongo', connection: { backend: 'mongodb', url: `${mongoUrl}/${database}` } });
  await ok('connections.save', { id: 'd', name: 'dynamo', connection: { backend: 'dynamodb', region: dynamo.region, endpoint: dynamo.endpoint, tablePrefix: prefix, credentials: dynamo.credentials } });
  const { jobId } = await ok('migration.start', { sourceId: 'm', targetId: 'd', options: { collections: ['alerts', 'companies'] } });
  const final = await new Promise<MigrationProgress>((resolve) => {
    void api.subscribe('migration.progress', { jobId }, (p) => {
      const progress = p as MigrationProgress;
      if (progress.state !== 'running' && progress.state !== 'paused') resolve(progress);
    });
  });
  expect(final.state).toBe('completed');
}, 120_000);
afterAll(() => api?.close());

describe.each(['m', 'd'])('on connection %s', (connectionId) => {
  const filter = { status: { $in: ['active', 'resolved'] } };

  it('exports the whole filtered result, page by page, in every format', async () => {
    const { count } = await ok('documents.count', { connectionId, collection: 'alerts', filter });
    expect(count).toBeGreaterThan(EXPORT_PAGE_SIZE);

    const json = await exportAll(connectionId, 'json', filter);
    expect(json.chunks.length).toBeGreaterThan(1);
    const documents = JSON.parse(json.text) as { id?: string; _id?: unknown; status: string }[];
    expect(documents).toHaveLength(count);
    // MongoDB's sample data holds alerts without an id (they cannot be migrated): _id identifies those.
    expect(new Set(documents.map((d) => JSON.stringify(d._id ?? d.id))).size).toBe(count);
    expect(documents.every((d) => d.status === 'active' || d.status === 'resolved')).toBe(true);

    const csv = await exportAll(connectionId, 'csv', filter);
    const lines = csv.text.split('\r\n').filter((l) => /^[^,]*,/.test(l) && !l.startsWith('"'));
    expect(csv.text.split('\r\n')[0]).toMatch(/(^|,)id(,|$)/);
    expect(lines.length).toBeGreaterThanOrEqual(count);

    const dynamoJson = await exportAll(connectionId, 'dynamodb-json', filter);
    const items = dynamoJson.text.trim().split('\n').map((l) => JSON.parse(l) as { Item: Record<string, Record<string, unknown>> });
    expect(items).toHaveLength(count);
    expect(items[0]!.Item.id).toEqual({ S: expect.any(String) });
    expect(items[0]!.Item.timestamp).toEqual({ S: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  }, 60_000);

  it('exports in table order, saying so, when DynamoDB could only sort the whole result in memory', async () => {
    const { notes, chunks } = await exportAll(connectionId, 'jsonl', { severity: 'critical' }, { sort: [['message', 1]] });
    if (connectionId === 'd') expect(notes.join()).toMatch(/not sorted by message/);
    else expect(notes).toEqual([]);
    expect(chunks.every((c) => !c.plan?.fullRead)).toBe(true);
  }, 60_000);

  it('forgets a cancelled export', async () => {
    const { exportId } = await ok('export.start', { connectionId, collection: 'alerts', filter: {}, format: 'json' });
    await ok('export.next', { exportId });
    expect(await ok('export.cancel', { exportId })).toEqual({ cancelled: true });
    expect(await api.call('export.next', { exportId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('summarizes the fields of a sample', async () => {
    const overview: FieldOverview = await ok('collections.fields', { connectionId, collection: 'alerts', sample: 200 });
    expect(overview.sampled).toBe(200);
    const timestamp = overview.fields.find((f) => f.path === 'timestamp');
    // The type drift a migration introduces: BSON dates become ISO strings.
    expect(Object.keys(timestamp!.types)).toEqual([connectionId === 'm' ? 'date' : 'string']);
  });

  it('counts alerts by severity and status per day, with the plan and cost behind the numbers', async () => {
    const { documents: [company] } = await ok('documents.find', { connectionId, collection: 'companies', filter: {}, options: { limit: 1 } });
    const companyId = company!.id as string;
    const all: AlertDashboard = await ok('dashboard.alerts', { connectionId, days: 30, bucket: 'day' });
    const one: AlertDashboard = await ok('dashboard.alerts', { connectionId, companyId, days: 30, bucket: 'day' });
    expect(all.buckets).toHaveLength(30);
    const sum = (series: Record<string, number[]>) => Object.values(series).flat().reduce((a, b) => a + b, 0);
    expect(sum(all.bySeverity)).toBe(all.total);
    expect(sum(all.byStatus)).toBe(all.total);
    expect(one.total).toBeGreaterThan(0);
    expect(one.total).toBeLessThan(all.total);
    const plan = one.queries[0]!.plan;
    if (connectionId === 'd') {
      expect(plan).toMatchObject({ operation: 'Query', index: 'company-timestamp-index' });
      expect(plan.consumedCapacity).toBeGreaterThan(0);
      expect(all.queries[0]!.plan.operation).toBe('Scan');
    } else expect(plan.operation).toBe('Find');
  }, 60_000);
});

describe('both backends', () => {
  it('give the dashboard the same counts for the same window', async () => {
    const until = Date.now();
    const [mongo, dynamo] = await Promise.all(['m', 'd'].map((connectionId) => ok('dashboard.alerts', { connectionId, days: 30, bucket: 'day', until })));
    expect(dynamo!.bySeverity).toEqual(mongo!.bySeverity);
    expect(dynamo!.byStatus).toEqual(mongo!.byStatus);
  }, 60_000);
});
