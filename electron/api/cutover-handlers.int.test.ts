import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CutoverProgress } from '../../shared/cutover';
import { localServers, uniqueName } from '../../test/local-servers';
import { openCaptureContext } from '../../test/support/cdc-test-context';
import { loadSampleData } from '../sandbox';
import { startLiveWriter } from '../sandbox/live-writer';
import { createConnectionStore } from '../settings/connection-store';
import { createApi, type Api } from './create-api';
import { defaultDeps } from './default-deps';

/** The guided cutover through the api, on a FerretDB with an oplog and DynamoDB Local, with a live writer. */
let api: Api;
/** DynamoDB Local accepts any key pair: a recognisable secret that must never reach the progress. */
const SECRET = 'cutover-test-secret-9f3e';
let ctx: Awaited<ReturnType<typeof openCaptureContext>>;

async function ok<T>(promise: Promise<{ ok: boolean; output?: unknown; error?: unknown }>): Promise<T> {
  const outcome = await promise;
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.output as T;
}

/** Resolves with the first event that passes `done`; fails naming the last step seen. */
async function until(events: CutoverProgress[], done: (p: CutoverProgress) => boolean, timeoutMs: number): Promise<CutoverProgress> {
  const started = Date.now();
  for (;;) {
    const last = events.at(-1);
    if (last && done(last)) return last;
    if (last && last.state !== 'running') throw new Error(`the cutover ended ${last.state} at ${last.step}: ${last.error?.message}`);
    if (Date.now() - started > timeoutMs) throw new Error(`timed out at step ${last?.step}: ${last?.waitingFor}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function watch(jobId: string): Promise<CutoverProgress[]> {
  const events: CutoverProgress[] = [];
  await ok(api.subscribe('cutover.progress', { jobId }, (event) => events.push(event as CutoverProgress)));
  return events;
}

beforeAll(async () => {
  ctx = await openCaptureContext('cutoverapi');
  await loadSampleData(ctx.source.db, { alerts: 300, seed: 11 });
  const { dynamo } = localServers();
  api = createApi(defaultDeps({ store: createConnectionStore(), stateDir: mkdtempSync(join(tmpdir(), 'awc-cutover-api-')), log: (line) => console.log(line) }));
  await ok(api.call('connections.save', { id: 'm', name: 'mongo', connection: { backend: 'mongodb', url: ctx.mongoUrl } }));
  // Without an oplog: the shared test server keeps none.
  await ok(api.call('connections.save', { id: 'plain', name: 'plain', connection: { backend: 'mongodb', url: `${localServers().mongoUrl}/${uniqueName('plain')}` } }));
  await ok(api.call('connections.save', { id: 'd', name: 'dynamo', connection: { backend: 'dynamodb', region: dynamo.region, endpoint: dynamo.endpoint, tablePrefix: ctx.prefix, credentials: { accessKeyId: 'local', secretAccessKey: SECRET } } }));
}, 60_000);
afterAll(async () => {
  await api?.close();
  await ctx?.close();
});

describe('the guided cutover through the console api', () => {
  it('runs full load → in sync → stop writes → drain → verify → switch as one job, with a writer changing alerts', async () => {
    const writer = await startLiveWriter(ctx.source.db, 40);
    const { jobId } = await ok<{ jobId: string }>(api.call('cutover.start', { sourceId: 'm', targetId: 'd', options: { lagThresholdSeconds: 5 } }));
    const events = await watch(jobId);
    // Before "in sync" the stop-writes step is not open.
    expect(await api.call('cutover.confirmStopWrites', { jobId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await api.call('cutover.start', { sourceId: 'm', targetId: 'd' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const inSync = await until(events, (p) => p.step === 'in-sync', 150_000);
    expect(inSync.load?.state).toBe('completed');
    expect(inSync.lag?.collections.map((c) => c.collection)).toContain('alerts');
    expect(inSync.lagHistory.length).toBeGreaterThan(0);
    expect(inSync.waitingFor).toMatch(/stop writes to MongoDB/);
    expect((await ok<{ kind: string; state: string }[]>(api.call('jobs.list', {}))).find((j) => j.kind === 'cutover')?.state).toBe('running');

    await writer.stop();
    await ok(api.call('cutover.confirmStopWrites', { jobId, verify: {} }));
    const end = await until(events, (p) => p.state === 'completed', 120_000);
    console.log(`writer ${JSON.stringify(writer.counts())}; applied ${end.lag?.applied}, failed ${end.lag?.failed}, lag samples ${end.lagHistory.length}, ${end.elapsedMs} ms`);
    expect(end.step).toBe('switch');
    // `failed` may count changes to the sample data's planted unmigratable alerts: verify knows them.
    expect(end.lag?.pending).toBe(0);
    expect(end.lag!.applied).toBeGreaterThan(0);
    const problems = end.verify?.result?.collections.filter((c) => !c.ok).map((c) => ({ c: c.collection, missing: c.content?.missing, extra: c.content?.extra, different: c.content?.different.map((d) => d.id) }));
    expect(problems).toEqual([]);
    expect(end.verify?.result?.ok).toBe(true);
    expect(end.switchVariables).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'DATABASE_TYPE', value: 'dynamodb' }),
      expect.objectContaining({ name: 'DYNAMODB_TABLE_PREFIX', value: ctx.prefix }),
    ]));
    expect(JSON.stringify(events)).not.toContain(SECRET);
  }, 300_000);

  it('refuses a source without an oplog before anything is copied, saying what is missing', async () => {
    const { jobId } = await ok<{ jobId: string }>(api.call('cutover.start', { sourceId: 'plain', targetId: 'd', options: { collections: ['companies'] } }));
    const events = await watch(jobId);
    await expect.poll(() => events.at(-1)?.state, { timeout: 30_000 }).toBe('failed');
    const end = events.at(-1)!;
    expect(end.step).toBe('full-load');
    expect(end.error?.message).toMatch(/keeps no oplog \(local\.oplog\.rs is missing\)/);
    expect(end.load?.overall.written).toBe(0);
  }, 60_000);
});
