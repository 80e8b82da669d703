import { startDynamoDbLocal } from './dynamodb-local';
import { reapOrphans } from './managed-process';
import { startMongoServer } from './mongo-server';

interface LocalServers {
  mongoUrl: string;
  dynamoEndpoint: string;
  /** One line per server: what runs, which version, where. */
  descriptions: string[];
  stop(): Promise<void>;
}

/**
 * Starts both local servers on free loopback ports, cleaning up what a killed run left behind.
 * `useMongoUrl` lets the test harness run against the server MONGO_URL names instead (its tests
 * write only to databases of their own); the sandbox, which loads sample data over the
 * `alertwhisperer` database, never does, so it can never touch a real deployment.
 */
export async function startLocalServers(log: (line: string) => void = () => {}, { useMongoUrl = false } = {}): Promise<LocalServers> {
  reapOrphans();
  const [mongo, dynamo] = await Promise.allSettled([startMongoServer(log, useMongoUrl), startDynamoDbLocal(log)]);
  if (mongo.status === 'rejected' || dynamo.status === 'rejected') {
    await Promise.all([mongo, dynamo].map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    throw [mongo, dynamo].map((s) => (s.status === 'rejected' ? s.reason : undefined)).find(Boolean);
  }
  return {
    mongoUrl: mongo.value.url,
    dynamoEndpoint: dynamo.value.endpoint,
    descriptions: [`MongoDB side: ${mongo.value.description}`, `DynamoDB side: ${dynamo.value.description}`],
    stop: async () => { await Promise.all([mongo.value.stop(), dynamo.value.stop()]); },
  };
}
