import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobState } from '../../shared/migration';
import { loadSampleData, PLANTED_PROBLEMS } from '../sandbox';
import { startMigration, verifyMigration } from './index';
import { openTestContext } from '../../test/support/int-test-context';

describe('collections copied side by side', () => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  beforeAll(async () => {
    ctx = await openTestContext('parallel');
    await loadSampleData(ctx.source.db, { alerts: 4000, seed: 16 });
  });
  afterAll(() => ctx.close());

  it('copies the small collections while the big one is copied, loses nothing and verifies clean', async () => {
    const job = startMigration(ctx, {});
    const seen: Array<Record<string, JobState | 'pending' | 'done' | 'running'>> = [];
    job.onProgress((p) => seen.push(Object.fromEntries(p.collections.map((c) => [c.collection, c.state]))));
    const summary = await job.done;
    expect(summary.state).toBe('completed');
    expect(summary.overall.written).toBe(summary.overall.total - PLANTED_PROBLEMS.length);

    // Overlap in time: collections not yet done when alerts started were done while alerts still ran
    // (one at a time, a collection is either done before alerts starts or pending until it ends).
    const alertsRunning = seen.filter((s) => s.alerts === 'running');
    expect(alertsRunning.length).toBeGreaterThan(1);
    const notDoneAtStart = Object.keys(alertsRunning[0]!).filter((c) => c !== 'alerts' && alertsRunning[0]![c] !== 'done');
    const doneBeside = notDoneAtStart.filter((c) => alertsRunning.at(-1)![c] === 'done');
    expect(doneBeside.length).toBeGreaterThan(0);
    // Within the lanes: never more than three collections at once.
    expect(Math.max(...seen.map((s) => Object.values(s).filter((state) => state === 'running').length))).toBeLessThanOrEqual(3);

    const result = await verifyMigration(ctx, {});
    const problems = result.collections.filter((c) => !c.ok).map((c) => ({ c: c.collection, missing: c.content?.missing.length, extra: c.content?.extra.length, different: c.content?.different.length }));
    expect(problems).toEqual([]);
    expect(result.ok).toBe(true);
  }, 120_000);
});
