import { MongoClient } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from './free-port';
import { startLocalServers } from '.';

describe('startLocalServers', () => {
  const saved = process.env.MONGO_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.MONGO_URL;
    else process.env.MONGO_URL = saved;
  });

  it('starts servers of its own even when MONGO_URL names another one, unless told to use it', async () => {
    // The sandbox loads sample data over `alertwhisperer`: it must never reach the server a user configured.
    const elsewhere = `mongodb://127.0.0.1:${await freePort()}/alertwhisperer`;
    process.env.MONGO_URL = elsewhere;
    const servers = await startLocalServers();
    try {
      expect(servers.mongoUrl).not.toBe(elsewhere.replace('/alertwhisperer', ''));
      expect(servers.descriptions.join('\n')).not.toContain('from MONGO_URL');
      const client = await new MongoClient(servers.mongoUrl, { serverSelectionTimeoutMS: 5000 }).connect();
      try {
        expect((await client.db('admin').command({ ping: 1 })).ok).toBe(1);
      } finally {
        await client.close();
      }
    } finally {
      await servers.stop();
    }
    const external = await startLocalServers(() => {}, { useMongoUrl: true });
    try {
      expect(external.mongoUrl).toBe(elsewhere.replace('/alertwhisperer', ''));
      expect(external.descriptions[0]).toContain('from MONGO_URL');
    } finally {
      await external.stop();
    }
  });
});
