import { BatchGetItemCommand, BatchWriteItemCommand, CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localServers, startTestHarness, uniqueName } from '../../../test/local-servers';
import type { NetworkHarness } from './network-harness';

/** The harness itself: what each knob does, seen by the official clients through it. */
describe('network harness', () => {
  const servers = localServers();
  const table = uniqueName('Harness');
  let harness: NetworkHarness;
  let direct: DynamoDBClient;
  /** No SDK retries: each call shows exactly what the proxy answered. */
  let through: DynamoDBClient;
  beforeAll(async () => {
    harness = await startTestHarness();
    direct = new DynamoDBClient(servers.dynamo);
    through = new DynamoDBClient({ ...servers.dynamo, endpoint: harness.dynamoEndpoint, maxAttempts: 1 });
    await direct.send(new CreateTableCommand({
      TableName: table,
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }, { AttributeName: 'company_id', AttributeType: 'S' }],
      GlobalSecondaryIndexes: [{ IndexName: 'by-company', KeySchema: [{ AttributeName: 'company_id', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
      BillingMode: 'PAY_PER_REQUEST',
    }));
  }, 120_000);
  afterAll(async () => {
    await direct.send(new DeleteTableCommand({ TableName: table })).catch(() => {});
    direct.destroy();
    through.destroy();
    await harness.stop();
  });

  const items = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ PutRequest: { Item: { id: { S: `i-${from + i}` }, pad: { S: 'x'.repeat(100) } } } }));

  it('describes Toxiproxy with its version and listens on loopback', () => {
    expect(harness.descriptions.join('\n')).toMatch(/Toxiproxy 2\.5\.0/);
    expect(new URL(harness.dynamoEndpoint).hostname).toBe('127.0.0.1');
    expect(new URL(harness.mongoUrl).hostname).toBe('127.0.0.1');
  });

  it('adds the profile latency to every round trip, on both sides', async () => {
    // The fastest of 15 calls after 10 to warm up: noise on a shared machine only adds time.
    const fastest = async (call: () => Promise<unknown>) => {
      for (let i = 0; i < 10; i++) await call();
      let best = Infinity;
      for (let i = 0; i < 15; i++) {
        const start = performance.now();
        await call();
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    const describeTable = () => through.send(new DescribeTableCommand({ TableName: table }));
    const mongo = await new MongoClient(harness.mongoUrl, { serverSelectionTimeoutMS: 5000 }).connect();
    try {
      const ping = () => mongo.db('admin').command({ ping: 1 });
      const before = { dynamo: await fastest(describeTable), mongo: await fastest(ping) };
      await harness.setProfile('region');
      const after = { dynamo: await fastest(describeTable), mongo: await fastest(ping) };
      await harness.setProfile(undefined);
      // 10 ms ± 2 per round trip, so at least 8: a lower bound only, with a margin for noise.
      expect(after.dynamo - before.dynamo).toBeGreaterThan(6);
      expect(after.mongo - before.mongo).toBeGreaterThan(6);
    } finally {
      await mongo.close();
    }
  });

  it('throttles when the write bucket is empty and admits part of a batch', async () => {
    // 10 units in the bucket, refilled at one unit per 10 s: nothing refills during the test.
    harness.capacity({ wcu: 0.1, burstSeconds: 100 });
    const before = harness.stats();
    try {
      const first = await through.send(new BatchWriteItemCommand({ RequestItems: { [table]: items(25) } }));
      // 1 unit per item (and none on the GSI: no company_id).
      expect(first.UnprocessedItems?.[table]).toHaveLength(15);
      await expect(through.send(new PutItemCommand({ TableName: table, Item: { id: { S: 'p' } } }))).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400 } });
      await expect(through.send(new BatchWriteItemCommand({ RequestItems: { [table]: items(5, 100) } }))).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });
      harness.capacity({ throttleError: 'ThrottlingException' });
      await expect(through.send(new PutItemCommand({ TableName: table, Item: { id: { S: 'p' } } }))).rejects.toMatchObject({ name: 'ThrottlingException' });
      const after = harness.stats();
      expect(after.throttled - before.throttled).toBe(3);
      expect(after.unprocessedItems - before.unprocessedItems).toBe(15);
    } finally {
      harness.capacity({ wcu: Infinity, burstSeconds: 1, throttleError: 'ProvisionedThroughputExceededException' });
    }
  });

  it('charges a write again on each GSI the item lands in', async () => {
    const before = harness.stats().writeUnits;
    await through.send(new PutItemCommand({ TableName: table, Item: { id: { S: 'g-1' }, company_id: { S: 'c' } } }));
    await through.send(new PutItemCommand({ TableName: table, Item: { id: { S: 'g-2' } } }));
    expect(harness.stats().writeUnits - before).toBe(3);
  });

  it('returns UnprocessedKeys from BatchGetItem when the read bucket runs out', async () => {
    await direct.send(new BatchWriteItemCommand({ RequestItems: { [table]: items(20, 200) } }));
    harness.capacity({ rcu: 0.05, burstSeconds: 100 });
    try {
      const keys = Array.from({ length: 20 }, (_, i) => ({ id: { S: `i-${200 + i}` } }));
      const answer = await through.send(new BatchGetItemCommand({ RequestItems: { [table]: { Keys: keys, ConsistentRead: true } } }));
      expect(answer.Responses?.[table]).toHaveLength(5);
      expect(answer.UnprocessedKeys?.[table]?.Keys).toHaveLength(15);
      expect(answer.UnprocessedKeys?.[table]?.ConsistentRead).toBe(true);
    } finally {
      harness.capacity({ rcu: Infinity, burstSeconds: 1 });
    }
  });

  it('injects partial batches and 500s at the configured rates, repeatably', async () => {
    const unprocessedOf = async (seed: number) => {
      harness.capacity({ unprocessedRate: 0.3, seed });
      const answer = await through.send(new BatchWriteItemCommand({ RequestItems: { [table]: items(25, 300) } }));
      return (answer.UnprocessedItems?.[table] ?? []).map((r) => r.PutRequest!.Item!.id!.S);
    };
    try {
      const first = await unprocessedOf(42);
      expect(first.length).toBeGreaterThan(0);
      expect(first.length).toBeLessThan(25);
      expect(await unprocessedOf(42)).toEqual(first);
      harness.capacity({ unprocessedRate: 0, errorRate: 1 });
      await expect(through.send(new PutItemCommand({ TableName: table, Item: { id: { S: 'e' } } }))).rejects.toMatchObject({ name: 'InternalServerError', $metadata: { httpStatusCode: 500 } });
    } finally {
      harness.capacity({ unprocessedRate: 0, errorRate: 0 });
    }
  });

  it('resets connections while the fault is on, and only then', async () => {
    const clear = await harness.fault('reset', { ms: 0 });
    await expect(through.send(new DescribeTableCommand({ TableName: table }))).rejects.toThrow();
    await clear();
    await expect(through.send(new DescribeTableCommand({ TableName: table }))).resolves.toBeDefined();
  });
});
