import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationPlan } from '../../shared/migration';
import { openTestContext } from '../../test/support/int-test-context';
import { loadSampleData } from '../sandbox';
import { runCli as cli } from '../../test/support/int-test-cli';

describe('CLI', () => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let env: Record<string, string>;
  const dir = mkdtempSync(join(tmpdir(), 'awc-cli-'));
  beforeAll(async () => {
    ctx = await openTestContext('cli');
    await loadSampleData(ctx.source.db, { alerts: 50 });
    env = { MONGO_URL: ctx.mongoUrl, AWS_ENDPOINT_URL_DYNAMODB: ctx.endpoint, DYNAMODB_TABLE_PREFIX: ctx.prefix };
  });
  afterAll(async () => {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates one collection and verifies it with the seed guide\'s output', async () => {
    const plan = await cli(['plan', 'users', '--json', '--price-region', 'eu-west-1', '--state-dir', ctx.stateDir], env);
    expect(plan.code).toBe(0);
    const planned = JSON.parse(plan.stdout) as MigrationPlan;
    expect(planned.collections[0]).toMatchObject({ collection: 'users', documents: 5, tableExists: false });
    // Costed at the region asked for, whatever the connection's region (--region, us-east-1 here).
    expect(planned.prices).toMatchObject({ region: 'eu-west-1', chosenBy: 'chosen', asOf: '2026-11-29', usdPerMillionWrites: 0.7068 });
    expect(planned.totals.estimatedCostUsd).toBeCloseTo(planned.collections[0]!.paths!.writeUnitsWithIndexes * 0.7068e-6, 12);
    const text = await cli(['plan', 'users', '--state-dir', ctx.stateDir], env);
    expect(text.stdout).toContain("Prices: us-east-1 (the DynamoDB connection's region; other regions: --price-region), as of 2026-11-29");
    expect(text.stdout).toContain('storage at $0.25 per GB-month');
    const migrate = await cli(['migrate-collection', 'users', '--state-dir', ctx.stateDir], env);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain('Migration completed: 5 written, 0 failed');
    const verify = await cli(['verify', 'users', '--state-dir', ctx.stateDir], env);
    expect(verify.stdout).toBe('Verifying migration...\n✓ users: MongoDB=5, DynamoDB=5\n');
    expect(verify.code).toBe(0);
    const missing = await cli(['verify', 'companies', '--counts-only'], env);
    expect(missing.stdout).toContain('✗ companies: MongoDB=3, DynamoDB=0');
    expect(missing.code).toBe(1);
  });

  it('writes the CloudFormation template', async () => {
    const output = join(dir, 'tables.json');
    const result = await cli(['cloudformation', '-o', output, '--prefix', 'Prod']);
    expect(result.code).toBe(0);
    const template = JSON.parse(readFileSync(output, 'utf8')) as { Resources: Record<string, { Properties: { TableName: string } }> };
    expect(Object.values(template.Resources).map((r) => r.Properties.TableName)).toContain('Prod_alerts');
  });

  it('answers bad input and unreachable servers with one line and exit code 2', async () => {
    const unknown = await cli(['migrate-collection', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Error: Unknown collection "nope"/)]);
    const unreachable = await cli(['verify'], { MONGO_URL: 'mongodb://127.0.0.1:9/x', AWS_ENDPOINT_URL_DYNAMODB: ctx.endpoint });
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr.trim().split('\n')).toEqual(['Error: Cannot reach MongoDB at 127.0.0.1:9. Check that mongod is running (systemctl status mongod) and that MONGO_URL is right.']);
  });
});
