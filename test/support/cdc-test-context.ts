import { localServers } from '../local-servers';
import { startMongoServer } from '../../electron/sandbox/servers/mongo-server';
import { openTestContext } from './int-test-context';

/**
 * For change-capture tests: a FerretDB of its own (the oplog is one per server, and other tests'
 * writes would churn a shared one), with an oplog of the given size, and the shared DynamoDB Local.
 */
export async function openCaptureContext(name: string, oplogBytes = 16 * 1024 * 1024) {
  const server = await startMongoServer(() => {}, false, oplogBytes);
  const ctx = await openTestContext(name, { mongoUrl: server.url, dynamoEndpoint: localServers().dynamo.endpoint });
  return {
    ...ctx,
    async close() {
      await ctx.close();
      await server.stop();
    },
  };
}
