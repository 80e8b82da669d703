import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleData } from '../../sandbox';
import { startLiveWriter } from '../../sandbox/live-writer';
import { startMigration } from '../migration-job';
import { verifyMigration } from '../verify-migration';
import { openCaptureContext } from '../../../test/support/cdc-test-context';
import { followHooks, startFollowing } from './index';

const differences = (result: Awaited<ReturnType<typeof verifyMigration>>) => result.collections
  .filter((c) => !c.ok && (c.sourceCount - (c.content?.unmigratable.length ?? 0) !== c.targetCount || (c.content?.missing.length ?? 0) + (c.content?.extra.length ?? 0) + (c.content?.different.length ?? 0) > 0))
  .map((c) => ({ c: c.collection, s: c.sourceCount, t: c.targetCount, missing: c.content?.missing.length, extra: c.content?.extra.length, different: c.content?.different.length }));

describe('change capture during and after a full load', () => {
  let ctx: Awaited<ReturnType<typeof openCaptureContext>>;
  beforeAll(async () => {
    ctx = await openCaptureContext('cdcfollow');
    await loadSampleData(ctx.source.db, { alerts: 500, seed: 7 });
  }, 60_000);
  afterAll(() => ctx?.close());

  it('applies every insert, update and delete made meanwhile: verify finds no difference after the drain', async () => {
    const planted = await ctx.source.db.collection('alerts').findOne({ id: 'alert-status-missing' }, { projection: { _id: 1 } });
    const t0 = Date.now();
    const writer = await startLiveWriter(ctx.source.db, 40);
    const job = startMigration(ctx, { collections: [], concurrency: 4 }, followHooks(ctx));
    const summary = await job.done;
    expect(summary.state).toBe('completed');
    const duringLoad = writer.counts();
    const t1 = Date.now();
    const follower = startFollowing(ctx, { pollMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 6000));
    await writer.stop();
    const t2 = Date.now();
    await follower.drained();
    console.log(`load ${t1 - t0} ms, drain ${Date.now() - t2} ms`);
    follower.stop();
    const final = await follower.done;
    const counts = writer.counts();
    console.log(`writes during the load ${JSON.stringify(duringLoad)}, in all ${JSON.stringify(counts)}; follower ${JSON.stringify({ state: final.state, applied: final.applied, failed: final.failed })}`);
    expect(duringLoad.inserted + duringLoad.updated + duringLoad.deleted).toBeGreaterThan(20);
    expect(counts.deleted).toBeGreaterThan(10);
    expect(final.error).toBeUndefined();
    // A change to the sample data's planted unmigratable alert (status null) fails to apply, as its copy did;
    // the writer may or may not have touched it. Any other failure is a defect.
    const touched = planted ? await ctx.source.client.db('local').collection('oplog.rs').countDocuments({ ns: `${ctx.database}.alerts`, $or: [{ 'o._id': planted._id }, { 'o2._id': planted._id }] }) : 0;
    expect(final.failed).toBeLessThanOrEqual(touched);
    expect(differences(await verifyMigration(ctx, {}))).toEqual([]);
  }, 180_000);
});
