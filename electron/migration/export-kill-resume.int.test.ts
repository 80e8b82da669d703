import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestMoto } from '../../test/local-servers';
import { createBucket, createS3Clients, listObjects } from '../adapters/s3/s3-client';
import { runCli } from '../../test/support/int-test-cli';
import { loadSampleData, PLANTED_PROBLEMS } from '../sandbox';
import { loadExportCheckpoint } from './export-checkpoint';
import { openTestContext } from '../../test/support/int-test-context';

const finishedParts = (stateDir: string) => Object.values(loadExportCheckpoint(stateDir)?.collections ?? {}).flatMap((c) => c.parts.map((p) => p.key));

describe('an export killed with SIGKILL and resumed', () => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let moto: Awaited<ReturnType<typeof startTestMoto>>;
  let s3: ReturnType<typeof createS3Clients>;
  beforeAll(async () => {
    [ctx, moto] = await Promise.all([openTestContext('exportkill'), startTestMoto()]);
    s3 = createS3Clients({ region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials });
    await createBucket(s3, 'handoff');
    await loadSampleData(ctx.source.db, { alerts: 12_000, seed: 7 });
  }, 120_000);
  afterAll(async () => { s3?.client.destroy(); await moto?.stop(); await ctx?.close(); });

  it('does not upload the parts it finished before the kill again', async () => {
    const env = { MONGO_URL: ctx.mongoUrl, AWS_ENDPOINT_URL_S3: moto.endpoint, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };
    const args = ['export', '--bucket', 'handoff', '--s3-prefix', 'k', '--part-mb', '1', '--state-dir', ctx.stateDir];
    const killed = await runCli(args, env, {
      timeoutMs: 90_000,
      // Killed once a few parts are finished (alerts, about 1 MB each), while more are being uploaded.
      onStart(child) {
        const poll = setInterval(() => {
          if (finishedParts(ctx.stateDir).some((key) => key.includes('/alerts/part-00002'))) {
            clearInterval(poll);
            child.kill('SIGKILL');
          }
        }, 10);
        child.on('exit', () => clearInterval(poll));
      },
    });
    const killedAt = new Date();
    expect(killed.signal).toBe('SIGKILL');
    const before = finishedParts(ctx.stateDir);
    const uploadsBefore = Object.values(loadExportCheckpoint(ctx.stateDir)!.collections).reduce((n, c) => n + c.uploads, 0);
    expect(before.length).toBeGreaterThanOrEqual(3);

    // S3 keeps seconds: a part written after the resume started is at least a second younger.
    await new Promise((r) => setTimeout(r, 1100));
    const resumed = await runCli([...args, '--resume'], env, { timeoutMs: 120_000 });
    expect(resumed.stderr).not.toContain('Error');
    expect(resumed.code).toBe(1); // the planted documents, and nothing else
    const checkpoint = loadExportCheckpoint(ctx.stateDir)!;
    const after = finishedParts(ctx.stateDir);
    expect(after.slice(0, before.length)).toEqual(before);

    const objects = new Map((await listObjects(s3, 'handoff', 'k/')).map((o) => [o.key, o]));
    expect([...objects.keys()].sort()).toEqual([...after].sort());
    for (const key of before) expect(objects.get(key)!.lastModified.getTime()).toBeLessThanOrEqual(killedAt.getTime());
    // Counted uploads: each part once, plus at most the few finished out of order when the kill came.
    const uploads = Object.values(checkpoint.collections).reduce((n, c) => n + c.uploads, 0);
    expect(uploads - uploadsBefore).toBeGreaterThanOrEqual(after.length - before.length);
    expect(uploads - after.length).toBeLessThanOrEqual(3);

    const exported = Object.values(checkpoint.collections).reduce((n, c) => n + c.parts.reduce((s, p) => s + p.documents + p.failed, 0), 0);
    const failed = Object.values(checkpoint.collections).reduce((n, c) => n + c.parts.reduce((s, p) => s + p.failed, 0), 0);
    const sourceCount = (await Promise.all((await ctx.source.db.collections()).map((c) => c.countDocuments()))).reduce((a, b) => a + b, 0);
    expect(exported).toBe(sourceCount);
    expect(failed).toBe(PLANTED_PROBLEMS.length);
  }, 240_000);
});
