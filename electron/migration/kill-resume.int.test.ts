import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../shared/catalogue';
import { loadSampleData, PLANTED_PROBLEMS } from '../sandbox';
import { loadCheckpoint } from './checkpoint-store';
import { startMigration, verifyMigration } from './index';
import { openReverseContext, openTestContext } from '../../test/support/int-test-context';

interface Run { code: number | null; signal: string | null; output: string }

type Saved = NonNullable<ReturnType<typeof loadCheckpoint>>;

/**
 * The CLI in one process with `env`; `killAfterMs`: SIGKILL once its copy is under way (it saved
 * a checkpoint that `underWay` accepts), after that extra delay.
 */
function cliRunner(stateDir: string, env: Record<string, string>, underWay: (saved: Saved) => boolean = () => true) {
  return (args: string[], killAfterMs?: number) => new Promise<Run>((resolve) => {
    // `node --import tsx`, one process: through the tsx wrapper, SIGKILL would kill only the
    // wrapper and leave the migration running in its orphaned child.
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args, '--state-dir', stateDir, '--concurrency', '4'], {
      env: { ...process.env, ...env, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    if (killAfterMs !== undefined) {
      const started = Date.now();
      const before = loadCheckpoint(stateDir)?.updatedAt;
      const poll = setInterval(() => {
        const checkpoint = loadCheckpoint(stateDir);
        const saved = checkpoint?.updatedAt;
        if ((saved && saved !== before && underWay(checkpoint!)) || Date.now() - started > 20_000) {
          clearInterval(poll);
          setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        }
      }, 20);
      child.on('exit', () => clearInterval(poll));
    }
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

/**
 * Two runs killed at random moments (up to `maxDelayMs` after the copy is under way), then a
 * resume to the end: what every direction must survive. Returns the last run and the checkpoints
 * the kills left.
 */
async function killTwiceThenResume(cli: ReturnType<typeof cliRunner>, args: string[], stateDir: string, maxDelayMs = 2500): Promise<Run & { left: Saved[] }> {
  const least = Math.min(200, maxDelayMs / 5);
  const delays = [0, 1].map(() => least + Math.floor(Math.random() * (maxDelayMs - least)));
  const left: Saved[] = [];
  for (const [i, delay] of delays.entries()) {
    const killed = await cli(i === 0 ? args : [...args, '--resume'], delay);
    const saved = loadCheckpoint(stateDir);
    if (saved) left.push(saved);
    // On a fast machine the run may finish before the kill; both outcomes must resume cleanly.
    console.log(`killed after ${delay} ms: ${killed.signal ?? `exited ${killed.code}`}; checkpoint: ${JSON.stringify(Object.fromEntries(Object.entries(loadCheckpoint(stateDir)?.collections ?? {}).map(([c, s]) => [c, s.done ? 'done' : s.written])))}`);
  }
  return { ...(await cli([...args, '--resume'])), left };
}

describe('a migration killed with SIGKILL and resumed', () => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  beforeAll(async () => {
    ctx = await openTestContext('killed');
    await loadSampleData(ctx.source.db, { alerts: 3000, seed: 99 });
  });
  afterAll(() => ctx.close());

  it('ends with exactly the table an unbroken run produces', async () => {
    const cli = cliRunner(ctx.stateDir, { MONGO_URL: ctx.mongoUrl, AWS_ENDPOINT_URL_DYNAMODB: ctx.endpoint, DYNAMODB_TABLE_PREFIX: ctx.prefix });
    const resumed = await killTwiceThenResume(cli, ['migrate'], ctx.stateDir);
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

describe('the way back (DynamoDB → MongoDB) killed with SIGKILL and resumed', () => {
  let forward: Awaited<ReturnType<typeof openTestContext>>;
  let back: Awaited<ReturnType<typeof openReverseContext>>;
  beforeAll(async () => {
    forward = await openTestContext('killed_back');
    await loadSampleData(forward.source.db, { alerts: 3000, seed: 98 });
    await startMigration(forward, {}).done;
    back = await openReverseContext(forward);
  }, 180_000);
  afterAll(async () => {
    await back?.close();
    await forward?.close();
  });

  it('resumes each Scan segment from its own checkpoint and ends with every item restored once', async () => {
    // Killed while alerts are half copied: each Scan segment then stops at a different key.
    const halfway = (saved: Saved) => (saved.collections.alerts?.written ?? 0) > 0;
    const cli = cliRunner(back.stateDir, { MONGO_URL: back.mongoUrl, AWS_ENDPOINT_URL_DYNAMODB: forward.endpoint, DYNAMODB_TABLE_PREFIX: forward.prefix }, halfway);
    const resumed = await killTwiceThenResume(cli, ['migrate', '--from', 'dynamodb', '--to', 'mongodb'], back.stateDir, 600);
    // At least one kill landed inside alerts, so the resume started its segments from their own keys.
    expect(resumed.left.some((saved) => !saved.collections.alerts?.done && saved.collections.alerts?.lastId !== undefined)).toBe(true);
    expect(resumed.output).toContain('Migration completed');
    expect(resumed.code).toBe(0);
    // Each item counted once over the three runs: a resume that read a segment again would count it twice.
    const items = (await Promise.all(COLLECTION_NAMES.map((c) => back.source.exactCount(c)))).reduce((a, b) => a + b, 0);
    expect(/Migration completed: (\d+) written/.exec(resumed.output)?.[1]).toBe(String(items));
    // Counts included: MongoDB holds exactly one document per item (re-written after a kill, never doubled).
    const result = await verifyMigration(back, {});
    expect(result.collections.filter((c) => !c.ok).map((c) => ({ c: c.collection, s: c.sourceCount, t: c.targetCount, missing: c.content?.missing.length, extra: c.content?.extra.length, different: c.content?.different.length }))).toEqual([]);
  }, 400_000);
});
