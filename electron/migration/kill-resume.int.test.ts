import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleData, PLANTED_PROBLEMS } from '../sandbox';
import { loadCheckpoint } from './checkpoint-store';
import { verifyMigration } from './index';
import { openTestContext } from '../../test/support/int-test-context';

describe('a migration killed with SIGKILL and resumed', () => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  beforeAll(async () => {
    ctx = await openTestContext('killed');
    await loadSampleData(ctx.source.db, { alerts: 3000, seed: 99 });
  });
  afterAll(() => ctx.close());

  const cli = (args: string[], killAfterMs?: number) => new Promise<{ code: number | null; signal: string | null; output: string }>((resolve) => {
    // `node --import tsx`, one process: through the tsx wrapper, SIGKILL would kill only the
    // wrapper and leave the migration running in its orphaned child.
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args, '--state-dir', ctx.stateDir, '--concurrency', '4'], {
      env: { ...process.env, MONGO_URL: ctx.mongoUrl, AWS_ENDPOINT_URL_DYNAMODB: ctx.endpoint, DYNAMODB_TABLE_PREFIX: ctx.prefix, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    if (killAfterMs !== undefined) {
      // Kill once this process's copy is under way (it saved a checkpoint), after a random extra delay.
      const started = Date.now();
      const before = loadCheckpoint(ctx.stateDir)?.updatedAt;
      const poll = setInterval(() => {
        const saved = loadCheckpoint(ctx.stateDir)?.updatedAt;
        if ((saved && saved !== before) || Date.now() - started > 20_000) {
          clearInterval(poll);
          setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        }
      }, 20);
      child.on('exit', () => clearInterval(poll));
    }
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });

  it('ends with exactly the table an unbroken run produces', async () => {
    const delays = [200 + Math.floor(Math.random() * 2300), 200 + Math.floor(Math.random() * 2300)];
    for (const delay of delays) {
      const killed = await cli(delay === delays[0] ? ['migrate'] : ['migrate', '--resume'], delay);
      // On a fast machine the run may finish before the kill; both outcomes must resume cleanly.
      console.log(`killed after ${delay} ms: ${killed.signal ?? `exited ${killed.code}`}; checkpoint: ${JSON.stringify(Object.fromEntries(Object.entries(loadCheckpoint(ctx.stateDir)?.collections ?? {}).map(([c, s]) => [c, s.done ? 'done' : s.written])))}`);
    }
    const resumed = await cli(['migrate', '--resume']);
    expect(resumed.output).toContain('Migration completed');
    // Exit 1: the planted documents failed (and nothing else).
    expect(resumed.code).toBe(1);

    const result = await verifyMigration(ctx, {});
    const problems = result.collections.filter((c) => !c.ok).map((c) => ({ c: c.collection, s: c.sourceCount, t: c.targetCount, missing: c.content?.missing.length, extra: c.content?.extra.length, different: c.content?.different.length }));
    expect(problems).toEqual([]);
    const unmigratable = result.collections.flatMap((c) => c.content?.unmigratable ?? []).map((p) => p.id).sort();
    expect(unmigratable).toEqual(PLANTED_PROBLEMS.map((p) => p.id).sort());
  }, 120_000);
});
