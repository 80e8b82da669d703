import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyMigration } from '../migration';
import { loadCheckpoint } from '../migration/checkpoint-store';
import { openTestContext } from '../../test/support/int-test-context';
import { parseId } from '../adapters/mongodb/read-documents';
import { loadSampleData } from '../sandbox';
import { runCli } from '../../test/support/int-test-cli';

/** Sends `signal` to the CLI as soon as its copy is under way (it saved its first checkpoint). */
function signalOnceCopying(stateDir: string, signal: NodeJS.Signals) {
  return (child: ChildProcess) => {
    const poll = setInterval(() => {
      if (loadCheckpoint(stateDir)?.collections.alerts?.lastId === undefined) return;
      clearInterval(poll);
      child.kill(signal);
    }, 10);
    child.on('exit', () => clearInterval(poll));
  };
}

describe('CLI: stopping and resuming a migration', () => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let env: Record<string, string>;
  beforeAll(async () => {
    ctx = await openTestContext('cliresume');
    await loadSampleData(ctx.source.db, { alerts: 3000, seed: 7 });
    env = { MONGO_URL: ctx.mongoUrl, AWS_ENDPOINT_URL_DYNAMODB: ctx.endpoint, DYNAMODB_TABLE_PREFIX: ctx.prefix };
  });
  afterAll(() => ctx.close());

  it('refuses --resume when the state folder holds no checkpoint, before touching anything', async () => {
    const typo = join(ctx.stateDir, 'typo');
    const result = await runCli(['migrate', '--resume', '--state-dir', typo], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`Error: No checkpoint in ${typo}: nothing to resume. Check --state-dir, or run without --resume to start a new migration.\n`);
    expect(await ctx.tables()).toEqual([]);
  });

  it('after Ctrl+C prints the command that continues, and that command finishes the copy with counts that add up', async () => {
    const stateDir = join(ctx.stateDir, 'interrupted');
    const stopped = await runCli(['migrate-collection', 'alerts', '--concurrency', '1', '--state-dir', stateDir], env, { onStart: signalOnceCopying(stateDir, 'SIGINT') });
    expect(stopped.stdout).toMatch(/^Migration cancelled: /m);
    expect(stopped.code).toBe(2);
    const hint = /To continue where it stopped, run:\n {2}npm run cli -- (.+)\n$/.exec(stopped.stderr);
    expect(hint?.[1]).toBe(`migrate-collection alerts --concurrency 1 --resume --state-dir ${stateDir}`);

    const resumed = await runCli(hint![1]!.split(' '), env);
    expect(resumed.stderr).toMatch(/^Resuming the run saved in .+: \d+ documents handled before are not read again\.$/m);
    expect(resumed.stderr).not.toContain('Warning');
    const [, written, failed, skipped, total] = /^Migration completed: (\d+) written, (\d+) failed, (\d+) skipped of (\d+) documents/m.exec(resumed.stdout)!.map(Number);
    expect(written! + failed! + skipped!).toBe(total);
    expect(resumed.stdout).not.toContain('documents handled, but');
    expect(resumed.stdout).toMatch(/^ {2}of which before the resume: [1-9]\d* written, 0 failed, 0 skipped; in this run: \d+ written, 1 failed, 0 skipped$/m);
    expect(resumed.code).toBe(1); // the sample data's planted alert fails, nothing else
    expect((await verifyMigration(ctx, { collections: ['alerts'] })).ok).toBe(true);
  }, 120_000);

  it('warns on resume when documents already copied were deleted from the source meanwhile, and points to verify', async () => {
    const stateDir = join(ctx.stateDir, 'changed');
    const killed = await runCli(['migrate-collection', 'alerts', '--concurrency', '1', '--state-dir', stateDir], env, { onStart: signalOnceCopying(stateDir, 'SIGKILL') });
    expect(killed.signal).toBe('SIGKILL');
    const copiedUpTo = parseId(loadCheckpoint(stateDir)!.collections.alerts!.lastId!);
    const alerts = ctx.source.db.collection('alerts');
    const gone = await alerts.find({ _id: { $lte: copiedUpTo } } as object, { projection: { _id: 1 }, limit: 10 }).toArray();
    await alerts.deleteMany({ _id: { $in: gone.map((d) => d._id) } });

    const resumed = await runCli(['migrate-collection', 'alerts', '--resume', '--state-dir', stateDir], env);
    const change = /^Warning: alerts changed in the source since its copy started at \S+: (\d+) documents then, (\d+) now\.$/m.exec(resumed.stderr);
    expect(Number(change?.[1]) - Number(change?.[2])).toBe(10);
    expect(resumed.stderr).toMatch(/^Warning: copies made before the interruption are not refreshed: .* Run `verify alerts` after this run to list every difference\.$/m);
    const [, handled, counted] = /^ {2}(\d+) documents handled, but the source holds (\d+) now: it changed during the migration\. Run verify to list the differences\.$/m.exec(resumed.stdout) ?? [];
    expect(Number(handled) - Number(counted)).toBe(10);
    expect(resumed.code).toBe(1);
    // What the warning announces is true: the deleted documents' copies are still there.
    const verify = await verifyMigration(ctx, { collections: ['alerts'] });
    expect(verify.collections[0]!.content!.extra).toHaveLength(10);
  }, 120_000);
});
