import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleData } from '../../sandbox';
import { startLiveWriter } from '../../sandbox/live-writer';
import { startMigration } from '../migration-job';
import { verifyMigration } from '../verify-migration';
import { loadCaptureCheckpoint } from './capture-checkpoint';
import { openCaptureContext } from '../../../test/support/cdc-test-context';
import { followHooks, startFollowing } from './index';

const ROUNDS = 10;

describe('a follower killed with SIGKILL while the application writes', () => {
  let ctx: Awaited<ReturnType<typeof openCaptureContext>>;
  beforeAll(async () => {
    ctx = await openCaptureContext('cdckill');
    await loadSampleData(ctx.source.db, { alerts: 200, seed: 11 });
  }, 60_000);
  afterAll(() => ctx?.close());

  /** `sync` as its own process, killed with SIGKILL a random moment after it starts following. */
  const killedSync = (extraMs: number) => new Promise<string>((resolve) => {
    // `node --import tsx`, one process: through the tsx wrapper SIGKILL would kill only the wrapper.
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'sync', '--state-dir', ctx.stateDir], {
      env: { ...process.env, MONGO_URL: ctx.mongoUrl, AWS_ENDPOINT_URL_DYNAMODB: ctx.endpoint, DYNAMODB_TABLE_PREFIX: ctx.prefix, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' },
    });
    let output = '';
    const fallback = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stderr.on('data', (d: Buffer) => {
      const started = !output.includes('Following') && (output += d.toString()).includes('Following');
      if (started) setTimeout(() => child.kill('SIGKILL'), extraMs);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(fallback);
      resolve(`${signal ?? `exit ${code}`}: ${output.trim().split('\n').at(-1)}`);
    });
  });

  it(`ends every round (${ROUNDS}) with the table verify finds identical`, async () => {
    expect((await startMigration(ctx, { collections: ['alerts'], concurrency: 4 }, followHooks(ctx)).done).state).toBe('completed');
    for (let round = 1; round <= ROUNDS; round++) {
      const writer = await startLiveWriter(ctx.source.db, 40);
      const delay = 300 + Math.floor(Math.random() * 4000);
      const savedBefore = loadCaptureCheckpoint(ctx.stateDir)!.updatedAt;
      const killed = await killedSync(delay);
      await writer.stop();
      // The sample data's planted unmigratable alerts are in the source only.
      // The restart: from the position the killed process saved, until nothing is pending.
      const drained = await startFollowing(ctx, { untilDrained: true, pollMs: 50 }).done;
      const result = await verifyMigration(ctx, { collections: ['alerts'] });
      const alerts = result.collections[0]!;
      console.log(`round ${round}: killed ${delay} ms into following (${killed}); ${loadCaptureCheckpoint(ctx.stateDir)!.updatedAt === savedBefore ? 'no position saved' : 'position saved'} before the kill; writes ${JSON.stringify(writer.counts())}; restart applied ${drained.applied}; source ${alerts.sourceCount}, target ${alerts.targetCount}`);
      expect(drained.error).toBeUndefined();
      expect({ round, missing: alerts.content?.missing.length, extra: alerts.content?.extra.length, different: alerts.content?.different.length, counts: alerts.sourceCount - (alerts.content?.unmigratable.length ?? 0) === alerts.targetCount })
        .toEqual({ round, missing: 0, extra: 0, different: 0, counts: true });
    }
  }, 400_000);
});
