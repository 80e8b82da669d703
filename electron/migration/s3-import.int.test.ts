import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationProfileSchema } from '../../shared/migration-profile';
import { DynamoConnectionSchema } from '../../shared/connection';
import { startTestMoto } from '../../test/local-servers';
import { createDynamoClients } from '../adapters/dynamodb/client';
import { createBucket, createS3Clients, listObjects } from '../adapters/s3/s3-client';
import { runCli } from '../../test/support/int-test-cli';
import { loadSampleData, PLANTED_PROBLEMS } from '../sandbox';
import { s3Sink } from './export-sink';
import { DEFAULT_EXPORT_OPTIONS } from './export-job';
import { verifyMigration } from './index';
import { openTestContext } from '../../test/support/int-test-context';
import { startS3Migration } from './s3-migration';

describe('the bulk path: export to S3, ImportTable, verify (moto)', () => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let moto: Awaited<ReturnType<typeof startTestMoto>>;
  beforeAll(async () => {
    [ctx, moto] = await Promise.all([openTestContext('s3import'), startTestMoto()]);
    console.log(moto.description);
    await loadSampleData(ctx.source.db, {});
  }, 120_000);
  afterAll(async () => { await moto?.stop(); await ctx?.close(); });

  it('imports all 13 collections and verify against the imported tables is clean', async () => {
    const s3 = createS3Clients({ region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials });
    await createBucket(s3, 'exports');
    // The import tables live on moto's DynamoDB, next to its S3.
    const target = createDynamoClients(DynamoConnectionSchema.parse({ backend: 'dynamodb', region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials, tablePrefix: ctx.prefix }));
    const imported = { ...ctx, target };
    const job = startS3Migration(imported, s3Sink(s3, 'exports'), { ...DEFAULT_EXPORT_OPTIONS, prefix: 'run1', partBytes: 256 * 1024, bucket: 'exports', pollMs: 200 });
    const stages = new Set<string | undefined>();
    job.onProgress((p) => stages.add(p.stage));
    const summary = await job.done;
    expect(summary.error).toBeUndefined();
    expect(summary.state).toBe('completed');
    expect([...stages]).toEqual(expect.arrayContaining(['export', 'import']));
    expect(summary.collections.every((c) => c.state === 'done')).toBe(true);
    expect(summary.overall.failed).toBe(PLANTED_PROBLEMS.length);
    // The planted problems are refused by the conversion, as in a direct copy; the import itself has no errors.
    expect(summary.failures.map((f) => f.id).sort()).toEqual(PLANTED_PROBLEMS.map((p) => p.id).sort());
    const objects = await listObjects(s3, 'exports', 'run1/');
    expect(objects.filter((o) => o.key.startsWith('run1/alerts/')).length).toBeGreaterThan(1);

    const result = await verifyMigration(imported, {});
    const problems = result.collections.filter((c) => !c.ok).map((c) => ({ c: c.collection, s: c.sourceCount, t: c.targetCount, missing: c.content?.missing.length, extra: c.content?.extra.length, different: c.content?.different.slice(0, 2) }));
    expect(problems).toEqual([]);
    target.client.destroy();
    s3.client.destroy();
  }, 180_000);

  it('applies a profile on the bulk path too: every planted document imported, verify clean with the rule-changed items apart', async () => {
    const profile = MigrationProfileSchema.parse(JSON.parse(readFileSync('examples/sample-data.profile.json', 'utf8')));
    const collections = [...new Set(PLANTED_PROBLEMS.map((p) => p.collection))];
    const s3 = createS3Clients({ region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials });
    const target = createDynamoClients(DynamoConnectionSchema.parse({ backend: 'dynamodb', region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials, tablePrefix: `${ctx.prefix}Fix` }));
    const imported = { ...ctx, target, stateDir: `${ctx.stateDir}/fix` };
    const summary = await startS3Migration(imported, s3Sink(s3, 'exports'), { ...DEFAULT_EXPORT_OPTIONS, collections, prefix: 'fix', bucket: 'exports', pollMs: 200, profile }).done;
    expect(summary.state).toBe('completed');
    expect(summary.failures).toEqual([]);
    const result = await verifyMigration(imported, { collections, profile });
    expect(result.ok).toBe(true);
    expect(result.collections.map((c) => Object.keys(c.content!.ruleChanged!)).flat().sort()).toEqual(['emptyIndexKey:omit', 'nonStringId:string', 'oversized:gzip', 'regex:map']);
    target.client.destroy();
    s3.client.destroy();
  }, 180_000);

  it('runs end to end from the CLI: migrate --via s3, then refuses to import into the tables it made', async () => {
    const env = {
      MONGO_URL: ctx.mongoUrl, AWS_ENDPOINT_URL_DYNAMODB: moto.endpoint, AWS_ENDPOINT_URL_S3: moto.endpoint,
      DYNAMODB_TABLE_PREFIX: `${ctx.prefix}Cli`, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local',
    };
    const args = ['migrate', '--via', 's3', '--bucket', 'exports', '--s3-prefix', 'cli', '--state-dir', `${ctx.stateDir}/cli`];
    const first = await runCli(args, env, { timeoutMs: 120_000 });
    // Exit 1: the planted documents could not be converted; everything else imported and verified.
    expect(first.code, first.stderr).toBe(1);
    expect(first.stdout).toContain('Migration completed');
    expect(first.stdout).toMatch(/Verify|verify|match/);
    const again = await runCli(args, env, { timeoutMs: 60_000 });
    expect(again.code).toBe(2);
    expect(`${again.stdout}${again.stderr}`).toMatch(/ImportTable only creates new tables, and .*Cli_companies.* already exist/);
  }, 240_000);
});
