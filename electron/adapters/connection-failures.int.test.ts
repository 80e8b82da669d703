import { describe, expect, it } from 'vitest';
import { localServers } from '../../test/local-servers';
import { createAdapter } from './index';

/** What a connection test tells users: each cause in its own words, and DynamoDB Local without keys. */
describe('connection failures read differently', () => {
  it('connects to DynamoDB Local with the default credential chain (the dummy pair for loopback)', async () => {
    const { endpoint, region } = localServers().dynamo;
    const adapter = await createAdapter({ backend: 'dynamodb', endpoint, region, tablePrefix: 'nothing_' });
    try {
      await expect(adapter.ping()).resolves.toMatchObject({ latencyMs: expect.any(Number) });
    } finally {
      await adapter.close();
    }
  });

  it.each([
    ['dynamodb', { backend: 'dynamodb', endpoint: 'http://127.0.0.1:1', region: 'us-east-1', tablePrefix: '' }, /connection refused/],
    ['dynamodb', { backend: 'dynamodb', endpoint: 'http://no-such-host.invalid:8000', region: 'us-east-1', tablePrefix: '', credentials: { accessKeyId: 'k', secretAccessKey: 's' } }, /host name could not be found/],
    ['mongodb', { backend: 'mongodb', url: 'mongodb://127.0.0.1:1/x?serverSelectionTimeoutMS=1500' }, /connection refused/],
    ['mongodb', { backend: 'mongodb', url: 'mongodb://no-such-host.invalid:27017/x?serverSelectionTimeoutMS=1500' }, /host name could not be found/],
  ] as const)('%s: %j says %s', async (_backend, connection, wording) => {
    const failing = createAdapter(connection).then(async (adapter) => { try { await adapter.ping(); } finally { await adapter.close(); } });
    await expect(failing).rejects.toMatchObject({ code: 'UNREACHABLE', message: expect.stringMatching(wording) });
    await expect(failing).rejects.toMatchObject({ message: expect.not.stringMatching(/systemctl|MONGO_URL|migrate command/) });
  }, 30_000);
});
