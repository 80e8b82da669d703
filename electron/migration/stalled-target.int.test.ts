import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoConnectionSchema } from '../../shared/connection';
import { tableName } from '../../shared/catalogue';
import { startFaultyEndpoint, type FaultyEndpoint } from '../../test/faulty-endpoint';
import { localServers } from '../../test/local-servers';
import { createDynamoClients, type DynamoTimeouts } from '../adapters/dynamodb/client';
import { loadCheckpoint } from './checkpoint-store';
import { startMigration, verifyMigration, type MigrationJob } from './index';
import { openTestContext } from '../../test/support/int-test-context';

const DOCUMENTS = 5000;

/** Resolves once `condition` holds, polling every 5 ms. */
async function until(condition: () => boolean, limitMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > limitMs) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('a migration whose DynamoDB target stalls mid-run', () => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let fixture: FaultyEndpoint;
  const table = () => tableName('notifications', ctx.prefix);
  const viaFixture = (timeouts: DynamoTimeouts) => createDynamoClients(DynamoConnectionSchema.parse({ backend: 'dynamodb', ...localServers().dynamo, endpoint: fixture.endpoint, tablePrefix: ctx.prefix }), timeouts);
  const stored = async () => {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await ctx.target.doc.send(new ScanCommand({ TableName: table(), Select: 'COUNT', ExclusiveStartKey: start }));
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    return count;
  };
  /** Runs the job through the fixture and switches it to `stall` once some batches are written. */
  const stallDuring = async (job: MigrationJob) => {
    await until(() => job.progress().overall.written >= 200 || job.progress().state !== 'running');
    fixture.setMode('stall');
    const stalledAt = job.progress().overall.written;
    expect(stalledAt).toBeLessThan(DOCUMENTS);
    return stalledAt;
  };

  beforeAll(async () => {
    ctx = await openTestContext('stalled');
    await ctx.source.db.collection('notifications').insertMany(Array.from({ length: DOCUMENTS }, (_, i) => ({ id: `n-${String(i).padStart(5, '0')}`, user_id: 'u', title: `note ${i}` })));
    fixture = await startFaultyEndpoint(ctx.endpoint);
  });
  afterAll(async () => {
    await fixture.close();
    await ctx.close();
  });

  it('stops within 2 s of cancel, counts only what was written, and resumes to a clean verify', async () => {
    // A deadline far beyond the test: only the cancel can end the stalled requests.
    const target = viaFixture({ connectMs: 1000, requestMs: 120_000 });
    const job = startMigration({ ...ctx, target }, { collections: ['notifications'], concurrency: 4 });
    await stallDuring(job);
    await new Promise((r) => setTimeout(r, 300));
    const cancelledAt = performance.now();
    job.cancel();
    const summary = await job.done;
    const stopMs = performance.now() - cancelledAt;
    target.client.destroy();
    expect(summary.state).toBe('cancelled');
    expect(stopMs).toBeLessThan(2000);

    const checkpoint = loadCheckpoint(ctx.stateDir)!.collections.notifications!;
    const inTable = await stored();
    expect(summary.overall.written).toBeLessThanOrEqual(inTable);
    expect(checkpoint.written).toBeLessThanOrEqual(summary.overall.written);
    expect(checkpoint.done).toBe(false);

    fixture.setMode('forward');
    const again = viaFixture({ connectMs: 1000, requestMs: 10_000 });
    const resumed = await startMigration({ ...ctx, target: again }, { collections: ['notifications'], resume: true }).done;
    again.client.destroy();
    expect(resumed.state).toBe('completed');
    expect(resumed.overall.written).toBe(DOCUMENTS);
    expect(await stored()).toBe(DOCUMENTS);
    expect((await verifyMigration(ctx, { collections: ['notifications'] })).ok).toBe(true);
  });

  it('fails with TIMEOUT naming host:port, without hanging, when nobody cancels', async () => {
    fixture.setMode('forward');
    // The fixture accepts at once, so only the request deadline can fire; the generous connect
    // limit keeps a loaded machine's slow accept from reading as UNREACHABLE.
    const target = viaFixture({ connectMs: 5000, requestMs: 1500 });
    // Not a resume: the run rewrites every document, and stalls part-way.
    const job = startMigration({ ...ctx, target }, { collections: ['notifications'], concurrency: 4 });
    await stallDuring(job);
    const stalledAt = performance.now();
    const summary = await job.done;
    target.client.destroy();
    expect(summary.state).toBe('failed');
    expect(summary.error).toMatchObject({ code: 'TIMEOUT', message: expect.stringContaining(new URL(fixture.endpoint).host) });
    expect(performance.now() - stalledAt).toBeLessThan(15_000);
  });

  it('a verify whose target stalls ends with CANCELLED at once when its signal fires', async () => {
    fixture.setMode('stall');
    const target = viaFixture({ connectMs: 1000, requestMs: 120_000 });
    const aborter = new AbortController();
    const verifying = verifyMigration({ ...ctx, target, signal: aborter.signal }, { collections: ['notifications'] });
    await new Promise((r) => setTimeout(r, 300));
    const abortedAt = performance.now();
    aborter.abort();
    await expect(verifying).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(performance.now() - abortedAt).toBeLessThan(2000);
    target.client.destroy();
  });
});
