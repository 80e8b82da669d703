import { BSON, type Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../shared/catalogue';
import { runCli } from '../../test/support/int-test-cli';
import { loadSampleData, PLANTED_PROBLEMS } from '../sandbox';
import { startMigration, verifyMigration } from './index';
import { openReverseContext, openTestContext } from '../../test/support/int-test-context';

type Db = Awaited<ReturnType<typeof openReverseContext>>['db'];

/** Every document of a collection as MongoDB stores it: canonical Extended JSON names each BSON type; fields sorted (DynamoDB keeps no order). */
async function storedDocuments(db: Db, collection: string): Promise<Map<string, string>> {
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sort((value as Record<string, unknown>)[k])]));
  };
  const documents = await db.collection(collection).find({}, { promoteValues: false }).toArray();
  return new Map(documents.map((doc: Document) => [String(doc._id), JSON.stringify(sort(JSON.parse(BSON.EJSON.stringify(doc, { relaxed: false }))))]));
}

describe('the sample data MongoDB → DynamoDB → MongoDB', () => {
  let forward: Awaited<ReturnType<typeof openTestContext>>;
  let back: Awaited<ReturnType<typeof openReverseContext>>;
  beforeAll(async () => {
    forward = await openTestContext('roundtrip');
    await loadSampleData(forward.source.db, { alerts: 400, seed: 11 });
    const there = await startMigration(forward, {}).done;
    expect(there.overall.failed).toBe(PLANTED_PROBLEMS.length);
    back = await openReverseContext(forward);
  }, 180_000);
  afterAll(async () => {
    await back?.close();
    await forward?.close();
  });

  it('comes back equal to the originals, field by field and type by type', async () => {
    const summary = await startMigration(back, {}).done;
    expect(summary.state).toBe('completed');
    expect(summary.overall.failed).toBe(0);
    const planted = new Set(PLANTED_PROBLEMS.map((p) => p.id));
    for (const name of COLLECTION_NAMES) {
      const originals = await storedDocuments(forward.source.db, name);
      for (const [id, text] of originals) if (planted.has(id) || [...planted].some((p) => text.includes(`"id":"${p}"`))) originals.delete(id);
      expect(await storedDocuments(back.db, name), name).toEqual(originals);
    }
  }, 180_000);

  it('runs again over what it restored: replaces, never doubles', async () => {
    const before = await back.db.collection('alerts').countDocuments();
    const again = await startMigration(back, { collections: ['alerts'] }).done;
    expect(again).toMatchObject({ state: 'completed', overall: { written: before, failed: 0 } });
    expect(await back.db.collection('alerts').countDocuments()).toBe(before);
  }, 180_000);

  it('verifies clean in that direction, and names a document changed since', async () => {
    expect((await verifyMigration(back, {})).ok).toBe(true);
    const [alert] = await back.db.collection('alerts').find({}).limit(1).toArray();
    await back.db.collection('alerts').updateOne({ _id: alert!._id }, { $set: { severity: 'changed-after-restore' } });
    const result = await verifyMigration(back, { collections: ['alerts'] });
    expect(result.collections[0]!.content?.different.map((d) => d.differences.map((f) => f.path))).toEqual([['severity']]);
  }, 180_000);

  it('`migrate --from dynamodb --to mongodb` restores into an empty database and `verify` that way is clean', async () => {
    const restored = await openReverseContext(forward);
    try {
      const env = { MONGO_URL: restored.mongoUrl, AWS_ENDPOINT_URL_DYNAMODB: forward.endpoint, DYNAMODB_TABLE_PREFIX: forward.prefix, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };
      const migrate = await runCli(['migrate', '--from', 'dynamodb', '--to', 'mongodb', '--state-dir', restored.stateDir], env, { timeoutMs: 150_000 });
      expect(migrate.stdout, migrate.stderr.slice(-2000)).toContain('Migration completed');
      expect(migrate.code).toBe(0);
      const verify = await runCli(['verify', '--from', 'dynamodb', '--to', 'mongodb', '--state-dir', restored.stateDir], env, { timeoutMs: 150_000 });
      expect(verify.stdout).toContain('✓ alerts: DynamoDB=');
      expect(verify.code).toBe(0);
      const refused = await runCli(['migrate', '--from', 'dynamodb', '--follow', '--state-dir', restored.stateDir], env);
      expect(refused.stderr).toContain('--follow: only from MongoDB to DynamoDB');
    } finally {
      await restored.close();
    }
  }, 320_000);
});
