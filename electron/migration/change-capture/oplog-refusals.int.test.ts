import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleData } from '../../sandbox';
import { oldestPosition, comparePositions } from '../../adapters/mongodb/oplog';
import { startMigration } from '../migration-job';
import { loadCaptureCheckpoint } from './capture-checkpoint';
import { openCaptureContext } from '../../../test/support/cdc-test-context';
import { followHooks, startFollowing } from './index';

describe('change capture refuses to go on without the changes it needs', () => {
  let ctx: Awaited<ReturnType<typeof openCaptureContext>>;
  // A tiny oplog: FerretDB trims it every second once it outgrows this.
  beforeAll(async () => {
    ctx = await openCaptureContext('cdcrefuse', 48 * 1024);
    await loadSampleData(ctx.source.db, { alerts: 40, seed: 3 });
  }, 60_000);
  afterAll(() => ctx?.close());

  it('a saved position that fell off the oplog: refused loudly, with the collections to resync', async () => {
    const summary = await startMigration(ctx, { collections: ['alerts', 'incidents'], concurrency: 2 }, followHooks(ctx)).done;
    expect(summary.state).toBe('completed');
    const drained = await startFollowing(ctx, { untilDrained: true }).done;
    expect(drained.state).toBe('stopped');
    const saved = loadCaptureCheckpoint(ctx.stateDir)!.position;
    // While the follower is stopped, enough writes that the capped oplog drops the saved position.
    const deadline = Date.now() + 60_000;
    let n = 0;
    while (comparePositions((await oldestPosition(ctx.source))!, saved) <= 0 && Date.now() < deadline) {
      await ctx.source.db.collection('alerts').insertMany(Array.from({ length: 50 }, () => ({ id: `filler-${n++}`, status: 'active', pad: 'x'.repeat(200) })));
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const follower = startFollowing(ctx, { untilDrained: true });
    const final = await follower.done;
    expect(final.state).toBe('failed');
    expect(final.error?.code).toBe('CONFLICT');
    expect(final.error?.message).toMatch(/no longer holds the saved position .* Resync the affected collections \(alerts, incidents\)/);
    // Nothing was applied past the gap: the position stays where it was.
    expect(loadCaptureCheckpoint(ctx.stateDir)!.position).toEqual(saved);
  }, 120_000);

  it('a server without an oplog (a standalone mongod): refused before any table is created', async () => {
    await ctx.source.client.db('local').collection('oplog.rs').drop();
    const fresh = { ...ctx, target: { ...ctx.target, config: { ...ctx.target.config, tablePrefix: `${ctx.prefix}x` } } };
    const summary = await startMigration(fresh, { collections: ['alerts'], concurrency: 2 }, followHooks(fresh)).done;
    expect(summary.state).toBe('failed');
    expect(summary.error?.code).toBe('NOT_FOUND');
    expect(summary.error?.message).toMatch(/keeps no oplog .*standalone.*--replSet rs0.*rs\.initiate\(\)/);
    expect(summary.overall.written).toBe(0);
    expect((await ctx.tables()).filter((t) => t.startsWith(`${ctx.prefix}x_`))).toEqual([]);
  }, 60_000);
});
