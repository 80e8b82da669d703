import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoConnectionSchema } from '../../../shared/connection';
import type { AppError } from '../../../shared/errors';
import { startFaultyEndpoint, type FaultMode, type FaultyEndpoint } from '../../../test/faulty-endpoint';
import { localServers } from '../../../test/local-servers';
import { createDynamoClients } from './client';
import { DynamoDbAdapter } from './dynamodb-adapter';

// Short deadlines for the test; the loaded machine gets a generous upper bound on top.
const TIMEOUTS = { connectMs: 1000, requestMs: 1500 };
const UPPER_BOUND_MS = 15_000;

describe('DynamoDB behind a faulty endpoint', () => {
  let fixture: FaultyEndpoint;
  let adapter: DynamoDbAdapter;
  let hostPort: string;
  beforeAll(async () => {
    const { dynamo } = localServers();
    // DynamoDB Local answers its first requests slowly (a JVM warming up): not this test's subject.
    const warm = new DynamoDbAdapter(createDynamoClients(DynamoConnectionSchema.parse({ backend: 'dynamodb', ...dynamo, tablePrefix: 'Faulty' })));
    await warm.ping();
    await warm.close();
    fixture = await startFaultyEndpoint(dynamo.endpoint);
    hostPort = new URL(fixture.endpoint).host;
    adapter = new DynamoDbAdapter(createDynamoClients(DynamoConnectionSchema.parse({ backend: 'dynamodb', ...dynamo, endpoint: fixture.endpoint, tablePrefix: 'Faulty' }), TIMEOUTS));
  });
  afterAll(async () => {
    await adapter.close();
    await fixture.close();
  });

  /** The error the call ends with, and how long it took. */
  async function failure(call: () => Promise<unknown>): Promise<{ error: AppError; ms: number }> {
    const started = performance.now();
    const error = await call().then(() => undefined, (e: unknown) => e as AppError);
    const ms = performance.now() - started;
    if (!error) throw new Error('the call succeeded');
    return { error, ms };
  }

  it('forwards to DynamoDB Local when healthy', async () => {
    fixture.setMode('forward');
    await expect(adapter.ping()).resolves.toMatchObject({ latencyMs: expect.any(Number) });
  });

  const stalls: FaultMode[] = ['stall', 'headers-only', 'trickle'];
  it.each(stalls)('%s: find, count and ping end with TIMEOUT naming host:port', async (mode) => {
    fixture.setMode(mode);
    for (const call of [() => adapter.find('alerts', {}), () => adapter.countDocuments('alerts', {}), () => adapter.ping()]) {
      const { error, ms } = await failure(call);
      expect(error).toMatchObject({ code: 'TIMEOUT' });
      expect(error.message).toContain(hostPort);
      expect(ms).toBeLessThan(UPPER_BOUND_MS);
      // One attempt: a deadline is not retried, so the wait is the deadline, not three of them.
      expect(ms).toBeLessThan(3 * TIMEOUTS.requestMs);
    }
  });

  const foreign: Array<[FaultMode, RegExp]> = [
    ['html', /HTML page/],
    ['status-500', /server error \(HTTP 500\)/],
    ['garbage', /not HTTP/],
    ['redirect', /redirect \(HTTP 301 to https:\/\/example\.invalid\/\)/],
  ];
  it.each(foreign)('%s: a plain-language BAD_ENDPOINT, not INTERNAL', async (mode, says) => {
    fixture.setMode(mode);
    for (const call of [() => adapter.ping(), () => adapter.find('alerts', {}), () => adapter.listCollections()]) {
      const { error, ms } = await failure(call);
      expect(error).toMatchObject({ code: 'BAD_ENDPOINT' });
      expect(error.message).toMatch(says);
      expect(error.message).toContain(hostPort);
      expect(error.message).not.toMatch(/Deserialization|\$response/);
      expect(ms).toBeLessThan(UPPER_BOUND_MS);
    }
  });

  it('bad-shape: an answer of the wrong shape fails the connection test (ping and listCollections)', async () => {
    fixture.setMode('bad-shape');
    expect((await failure(() => adapter.ping())).error).toMatchObject({ code: 'BAD_ENDPOINT', message: expect.stringContaining('ListTables') });
    expect((await failure(() => adapter.listCollections())).error).toMatchObject({ code: 'BAD_ENDPOINT', message: expect.stringContaining('DescribeTable') });
  });
});
